/**
 * ingress-nginx's part of `sim request`: where an Ingress host's traffic enters the cluster,
 * and what the controller does with a request (TLS, the host and path rules, the redirect of
 * plain HTTP, then a ready endpoint of the backend Service).
 */
import type { Cluster } from '../cluster/cluster.ts';
import { CONTROLLER_NAME, INGRESS_NAMESPACE } from '../ingress/ingress-nginx.ts';
import { routeRequest } from '../ingress/ingress-routes.ts';
import {
  handshake,
  PLAIN_HTTP_TO_HTTPS,
  httpsRedirect,
  serverCertificate,
  serverNameFor,
  WRONG_VERSION_ERROR,
} from '../ingress/ingress-tls.ts';
import { httpStatus, listed } from './traffic-support.ts';

/** Where traffic for an Ingress host enters: the controller node's address and its HTTP or HTTPS node port. */
export function ingressEntry(
  cluster: Cluster,
  host: string,
  scheme: 'http' | 'https',
): { ip: string; port: number } | undefined {
  const ingress = listed(cluster, 'networking.k8s.io', 'ingresses').find((i) =>
    ((i.spec as { rules?: { host?: string }[] }).rules ?? []).some((r) => r.host === host),
  );
  const address = (ingress?.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)
    ?.loadBalancer?.ingress?.[0]?.ip;
  const service = listed(cluster, '', 'services', INGRESS_NAMESPACE).find(
    (s) => s.metadata.name === CONTROLLER_NAME,
  );
  const nodePort = (
    (service?.spec as { ports?: { name?: string; nodePort?: number }[] } | undefined)?.ports ?? []
  ).find((p) => p.name === scheme)?.nodePort;
  return address && nodePort ? { ip: address, port: nodePort } : undefined;
}

interface IngressEndpoint {
  addresses: string[];
  port: number;
  nodeName?: string;
  targetRef?: { name?: string };
}

/** The ready endpoints of a Service port, as ingress-nginx reads them from the EndpointSlices. */
function readyEndpoints(
  cluster: Cluster,
  namespace: string,
  service: string,
  portName: string,
): IngressEndpoint[] {
  return listed(cluster, 'discovery.k8s.io', 'endpointslices', namespace)
    .filter((s) => s.metadata.labels?.['kubernetes.io/service-name'] === service)
    .flatMap((s) => {
      const slice = s as unknown as {
        ports?: { name?: string; port?: number }[];
        endpoints?: (Omit<IngressEndpoint, 'port'> & { conditions?: { ready?: boolean } })[];
      };
      const port = (slice.ports ?? []).find((p) => (p.name ?? '') === portName)?.port;
      if (port === undefined) return [];
      return (slice.endpoints ?? [])
        .filter((e) => e.conditions?.ready !== false)
        .map((e) => ({ ...e, port }));
    });
}

export interface IngressRequest {
  readonly host: string;
  readonly path: string;
  readonly scheme: 'http' | 'https';
  readonly sni: string | undefined;
  readonly insecure: boolean;
  /** Whether the connection reached the controller's HTTPS listener. */
  readonly tlsPort: boolean;
  /** `-u user:password`, passed on to the backend. */
  readonly credentials: string | undefined;
}

/**
 * ingress-nginx's part: TLS termination on its HTTPS port, the Ingress rule for host and
 * path, the redirect of plain HTTP for TLS hosts, then straight to a ready endpoint of its Service.
 */
export function throughIngress(
  cluster: Cluster,
  rng: { int(n: number): number },
  request: IngressRequest,
  controllerIp: string,
): { text: string; failed: boolean } {
  const { host, path } = request;
  const ingresses = listed(cluster, 'networking.k8s.io', 'ingresses');
  const secrets = listed(cluster, '', 'secrets');
  if (request.scheme === 'https' && !request.tlsPort) return { text: WRONG_VERSION_ERROR, failed: true };
  if (request.scheme === 'http' && request.tlsPort) return { text: PLAIN_HTTP_TO_HTTPS, failed: true };
  let tls = '';
  if (request.tlsPort) {
    const shake = handshake(ingresses, secrets, request.sni, request.insecure);
    if (!shake.ok) return { text: `${shake.text}  ${shake.error}`, failed: true };
    tls = `${shake.text} → `;
  }
  const backend = routeRequest(ingresses, host, path);
  if (!request.tlsPort) {
    const server = serverNameFor(ingresses, host);
    const location = ingresses.find(
      (i) => i.metadata.namespace === backend?.namespace && i.metadata.name === backend?.ingress,
    );
    const redirect = httpsRedirect(serverCertificate(ingresses, secrets, server), location, host, path);
    if (redirect) {
      const via = backend ? `ingress ${backend.namespace}/${backend.ingress}  ` : '';
      return { text: `${via}HTTP 308 Permanent Redirect (Location: ${redirect})`, failed: false };
    }
  }
  if (!backend) return { text: `${tls}no Ingress rule for ${host}${path}  HTTP 404 Not Found`, failed: true };
  const service = listed(cluster, '', 'services', backend.namespace).find(
    (s) => s.metadata.name === backend.service,
  );
  const servicePort = (
    (service?.spec as { ports?: { name?: string; port: number }[] } | undefined)?.ports ?? []
  ).find((p) => p.port === backend.port || p.name === backend.port);
  const via = `${tls}ingress ${backend.namespace}/${backend.ingress} → ${backend.service}:${backend.port}`;
  const endpoints = servicePort
    ? readyEndpoints(cluster, backend.namespace, backend.service, servicePort.name ?? '')
    : [];
  if (endpoints.length === 0)
    return { text: `${via}  HTTP 503 Service Temporarily Unavailable`, failed: true };
  const endpoint = endpoints[rng.int(endpoints.length)]!;
  const pod = listed(cluster, '', 'pods', backend.namespace).find(
    (p) => p.metadata.name === endpoint.targetRef?.name,
  );
  const kubelet = cluster.kubelets.get(endpoint.nodeName ?? '');
  const answer =
    pod && kubelet
      ? kubelet.connect(pod, endpoint.port, {
          method: 'GET',
          path,
          clientIp: controllerIp,
          atMs: cluster.clock.now(),
          ...(request.credentials ? { credentials: request.credentials } : {}),
        })
      : ({ outcome: 'refused' } as const);
  const address = `${endpoint.addresses[0] ?? ''}:${endpoint.port}`;
  cluster.trace.record({
    from: `kube-proxy/${endpoint.nodeName ?? ''}`,
    to: `kubelet/${endpoint.nodeName ?? ''}`,
    type: 'action',
    verb: 'request',
    object: `pods/${backend.namespace}/${endpoint.targetRef?.name ?? ''}`,
    summary: `GET ${request.scheme === 'https' ? 'https://' : ''}${host}${path} via ${via} → ${address}`,
  });
  if (answer.outcome !== 'answered')
    return { text: `${via} → ${address}  HTTP 502 Bad Gateway`, failed: true };
  return {
    text: `${via} → ${address} (${endpoint.targetRef?.name ?? '?'} on ${endpoint.nodeName ?? '?'})  ${httpStatus(answer.status)}`,
    failed: answer.status >= 400,
  };
}
