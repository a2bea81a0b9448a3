/**
 * How a Service sees one of its pods (`k8s.io/endpointslice` utils): whether the pod belongs
 * in its endpoints at all, the ports it serves for the Service (named target ports resolved
 * per pod), and the endpoint with its ready, serving and terminating conditions.
 */
import type { JsonObject, KubeObject } from '../../api/types.ts';
import { isPodReady } from '../replicaset/pod-status.ts';

export interface ServicePort {
  readonly name?: string;
  readonly port: number;
  readonly protocol?: string;
  readonly targetPort?: number | string;
  readonly appProtocol?: string;
}

export interface EndpointPort extends JsonObject {
  name: string;
  port: number;
  protocol: string;
}

interface ContainerPort {
  name?: string;
  containerPort: number;
  protocol?: string;
}

interface PodShape {
  spec?: {
    containers?: { ports?: ContainerPort[] }[];
    initContainers?: { restartPolicy?: string; ports?: ContainerPort[] }[];
    nodeName?: string;
    hostname?: string;
    subdomain?: string;
    restartPolicy?: string;
  };
  status?: { phase?: string; podIP?: string; podIPs?: { ip: string }[] };
}

export interface ServiceShape {
  metadata: KubeObject['metadata'];
  spec?: {
    selector?: Record<string, string>;
    ports?: ServicePort[];
    clusterIP?: string;
    publishNotReadyAddresses?: boolean;
  };
}

/** Terminal pods and pods without an IP have nothing to serve. */
export function shouldPodBeInEndpoints(pod: KubeObject): boolean {
  const p = pod as PodShape;
  const phase = p.status?.phase;
  if (phase === 'Failed' || phase === 'Succeeded') return false;
  return (p.status?.podIP ?? '') !== '';
}

/** The container port a service port reaches on this pod, or undefined when the pod has no such named port. */
export function findPort(pod: KubeObject, servicePort: ServicePort): number | undefined {
  const target = servicePort.targetPort ?? servicePort.port;
  if (typeof target === 'number') return target;
  const protocol = servicePort.protocol ?? 'TCP';
  const p = pod as PodShape;
  const sidecars = (p.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always');
  for (const container of [...(p.spec?.containers ?? []), ...sidecars]) {
    for (const port of container.ports ?? []) {
      if (port.name === target && (port.protocol ?? 'TCP') === protocol) return port.containerPort;
    }
  }
  return undefined;
}

export function endpointPorts(service: ServiceShape, pod: KubeObject): EndpointPort[] {
  const ports: EndpointPort[] = [];
  for (const servicePort of service.spec?.ports ?? []) {
    const port = findPort(pod, servicePort);
    if (port === undefined) continue;
    ports.push({
      name: servicePort.name ?? '',
      port,
      protocol: servicePort.protocol ?? 'TCP',
      ...(servicePort.appProtocol !== undefined ? { appProtocol: servicePort.appProtocol } : {}),
    });
  }
  return ports;
}

export function isHeadless(service: ServiceShape): boolean {
  const ip = service.spec?.clusterIP ?? '';
  return ip === 'None' || ip === '';
}

/** The slice endpoint of a pod; `ready` is false while it terminates, unless the Service publishes not-ready addresses. */
export function podToEndpoint(
  pod: KubeObject,
  service: ServiceShape,
  zoneOf: (nodeName: string) => string | undefined,
): JsonObject {
  const p = pod as PodShape;
  const serving = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ready = (service.spec?.publishNotReadyAddresses ?? false) || (serving && !terminating);
  const ips = p.status?.podIPs?.map((i) => i.ip) ?? [p.status?.podIP ?? ''];
  const nodeName = p.spec?.nodeName ?? '';
  const zone = nodeName ? zoneOf(nodeName) : undefined;
  // A pod's hostname names it in DNS under a headless Service its subdomain matches.
  const hostname =
    p.spec?.hostname && p.spec.subdomain === service.metadata.name && isHeadless(service)
      ? p.spec.hostname
      : undefined;
  return {
    addresses: ips.filter((ip) => !ip.includes(':')),
    conditions: { ready, serving, terminating },
    ...(hostname !== undefined ? { hostname } : {}),
    targetRef: {
      kind: 'Pod',
      namespace: pod.metadata.namespace ?? '',
      name: pod.metadata.name ?? '',
      uid: pod.metadata.uid ?? '',
    },
    ...(nodeName ? { nodeName } : {}),
    ...(zone ? { zone } : {}),
  };
}
