/**
 * The legacy Endpoints object of a Service (`pkg/controller/endpoint`): ready pods under
 * `addresses`, the others under `notReadyAddresses`, grouped into subsets by the ports they
 * serve, addresses in IP order (RepackSubsets). Terminating pods are left out unless the
 * Service publishes not-ready addresses. A write (only when the subsets or labels differ)
 * sets the sync's last-change trigger time, or clears it when the sync has none.
 */
import type { JsonObject, KubeObject } from '../../api/types.ts';
import { canonicalJson } from '../deployment/pod-template-hash.ts';
import {
  endpointPorts,
  isHeadless,
  shouldPodBeInEndpoints,
  type ServiceShape,
} from '../endpointslice/pod-endpoint.ts';
import { withTriggerTime } from '../endpointslice/trigger-time.ts';
import { isPodReady } from '../replicaset/pod-status.ts';

export const ENDPOINTS_MANAGED_BY = 'endpoints.kubernetes.io/managed-by';
export const ENDPOINT_CONTROLLER_NAME = 'endpoint-controller';

interface Subset {
  addresses: JsonObject[];
  notReadyAddresses: JsonObject[];
  ports: JsonObject[];
}

/** IPv4 addresses compared as numbers, as Go compares their bytes. */
function ipOrder(a: JsonObject, b: JsonObject): number {
  const parts = (o: JsonObject) => String(o.ip).split('.').map(Number);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < 4; i++) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

export function desiredEndpoints(service: KubeObject, pods: readonly KubeObject[]): KubeObject {
  const svc = service as ServiceShape;
  const publishNotReady = svc.spec?.publishNotReadyAddresses ?? false;
  const subsets = new Map<string, Subset>();
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod)) continue;
    if (pod.metadata.deletionTimestamp && !publishNotReady) continue;
    const spec = pod.spec as { nodeName?: string; hostname?: string; subdomain?: string } | undefined;
    const address: JsonObject = {
      ip: (pod.status as { podIP?: string }).podIP ?? '',
      ...(spec?.hostname && spec.subdomain === service.metadata.name && isHeadless(svc)
        ? { hostname: spec.hostname }
        : {}),
      ...(spec?.nodeName ? { nodeName: spec.nodeName } : {}),
      targetRef: {
        kind: 'Pod',
        namespace: pod.metadata.namespace ?? '',
        name: pod.metadata.name ?? '',
        uid: pod.metadata.uid ?? '',
      },
    };
    const ports = endpointPorts(svc, pod).map(({ name, port, protocol }) => ({
      ...(name ? { name } : {}),
      port,
      protocol,
    }));
    const key = JSON.stringify(ports);
    const subset: Subset = subsets.get(key) ?? { addresses: [], notReadyAddresses: [], ports };
    if (publishNotReady || isPodReady(pod)) subset.addresses.push(address);
    else subset.notReadyAddresses.push(address);
    subsets.set(key, subset);
  }
  const labels: Record<string, string> = { ...(service.metadata.labels ?? {}) };
  if (isHeadless(svc)) labels['service.kubernetes.io/headless'] = '';
  labels[ENDPOINTS_MANAGED_BY] = ENDPOINT_CONTROLLER_NAME;
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: service.metadata.name, namespace: service.metadata.namespace, labels },
    ...(subsets.size
      ? {
          subsets: [...subsets.values()].map((s) => ({
            ...(s.addresses.length ? { addresses: s.addresses.sort(ipOrder) } : {}),
            ...(s.notReadyAddresses.length ? { notReadyAddresses: s.notReadyAddresses.sort(ipOrder) } : {}),
            ...(s.ports.length ? { ports: s.ports } : {}),
          })),
        }
      : {}),
  } as KubeObject;
}

/** The write that brings `current` to `desired`: nothing when their subsets and labels agree. */
export function planEndpoints(
  current: KubeObject | undefined,
  desired: KubeObject,
  triggerTime?: string,
): { create: KubeObject } | { update: KubeObject } | undefined {
  const annotated = (metadata: KubeObject['metadata']): KubeObject['metadata'] => {
    const { annotations: _old, ...rest } = metadata;
    void _old;
    const annotations = withTriggerTime(metadata.annotations, triggerTime);
    return annotations ? { ...rest, annotations } : rest;
  };
  if (!current) return { create: { ...desired, metadata: annotated(desired.metadata) } };
  // Compared semantically: the stored object need not keep the key order it was written with.
  const same =
    canonicalJson(current.metadata.labels ?? {}) === canonicalJson(desired.metadata.labels ?? {}) &&
    canonicalJson((current as { subsets?: unknown }).subsets ?? []) ===
      canonicalJson((desired as { subsets?: unknown }).subsets ?? []);
  if (same) return undefined;
  const { subsets: _old, ...rest } = current as KubeObject & { subsets?: unknown };
  void _old;
  return {
    update: {
      ...rest,
      metadata: annotated({ ...current.metadata, labels: desired.metadata.labels }),
      ...((desired as { subsets?: unknown }).subsets
        ? { subsets: (desired as { subsets?: unknown }).subsets }
        : {}),
    } as KubeObject,
  };
}
