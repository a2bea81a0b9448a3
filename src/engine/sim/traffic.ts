/**
 * `sim dns NAME` and `sim request TARGET`: a name resolved as cluster DNS answers it, and
 * requests that walk DNS → the source node's kube-proxy rules (a random pick down the
 * probability ladder, from the seeded RNG) → a pod on some node → the container listening
 * there, which answers and logs the request. Each hop is a trace record.
 */
import type { KubeObject } from '../api/types.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { CLUSTER_DNS_IP } from '../dns/cluster-dns.ts';
import { queryClusterDns } from '../dns/dns-query.ts';
import { pickEndpoint } from '../proxy/endpoint-pick.ts';
import { FlagError, parseFlags } from '../kubectl/flags.ts';
import type { Output } from '../kubectl/output.ts';
import type { KubeProxy } from '../proxy/kube-proxy.ts';
import type { ProxyServicePort } from '../proxy/proxy-rules.ts';
import { collectionPrefix } from '../store/keys.ts';
import { internalIP } from '../node/node-object.ts';
import {
  CONTROLLER_NAME,
  HTTPS_CONTAINER_PORT,
  INGRESS_NAMESPACE,
  isControllerPod,
} from '../ingress/ingress-nginx.ts';
import { routeRequest } from '../ingress/ingress-routes.ts';
import {
  handshake,
  PLAIN_HTTP_TO_HTTPS,
  httpsRedirect,
  serverCertificate,
  serverNameFor,
  WRONG_VERSION_ERROR,
} from '../ingress/ingress-tls.ts';

function listed(cluster: Cluster, group: string, plural: string, namespace?: string): KubeObject[] {
  return cluster.store.list(collectionPrefix(group, plural, namespace)).items;
}

interface Source {
  readonly namespace: string;
  readonly node: string | undefined;
  readonly ip: string;
  readonly label: string;
}

function sourceOf(cluster: Cluster, from: string, namespace: string): Source | string {
  if (from === '' || from === 'outside')
    return { namespace, node: undefined, ip: '198.51.100.7', label: 'outside' };
  const pod = listed(cluster, '', 'pods', namespace).find((p) => p.metadata.name === from);
  if (pod) {
    const node = (pod.spec as { nodeName?: string }).nodeName;
    const ip = (pod.status as { podIP?: string } | undefined)?.podIP ?? '';
    if (!node || !ip) return `error: pod "${from}" has no IP yet`;
    return { namespace, node, ip, label: `pod ${namespace}/${from}` };
  }
  const node = listed(cluster, '', 'nodes').find((n) => n.metadata.name === from);
  if (node) return { namespace, node: from, ip: internalIP(node), label: `node ${from}` };
  return `error: no pod or node named "${from}" (use --from POD, NODE or outside)`;
}

export function runDns(cluster: Cluster, args: readonly string[], out: Output): void {
  let parsed;
  try {
    parsed = parseFlags(args, [
      { name: 'from', type: 'string', default: '' },
      { name: 'namespace', short: 'n', type: 'string', default: 'default' },
    ]);
  } catch (e) {
    if (e instanceof FlagError) return out.fail(`error: ${e.message}`);
    throw e;
  }
  const [name] = parsed.args;
  if (!name) return out.fail('error: sim dns takes a NAME');
  const namespace = String(parsed.flags.namespace);
  // Without --from, the question comes from a pod on the first node.
  const from = String(parsed.flags.from) || (listed(cluster, '', 'nodes')[0]?.metadata.name ?? '');
  const source = sourceOf(cluster, from, namespace);
  if (typeof source === 'string') return out.fail(source);
  // The cluster DNS address is a virtual IP only nodes and pods can reach.
  const query = source.node
    ? queryClusterDns(cluster, source.node, namespace, name, cluster.rng('dns'))
    : undefined;
  if (!query?.answered) return out.fail(';; connection timed out; no servers could be reached\n');
  const { answer } = query;
  out.out(`Server:    ${CLUSTER_DNS_IP}\nAddress:   ${CLUSTER_DNS_IP}:53\n\n`);
  if (!answer.name) return out.fail(`** server can't find ${name}: NXDOMAIN`);
  if (answer.cname !== undefined) {
    out.out(`${answer.name}\tcanonical name = ${answer.cname}\n`);
    return;
  }
  out.out(`Name:      ${answer.name}\n`);
  for (const address of answer.addresses) out.out(`Address:   ${address}\n`);
}

interface Target {
  readonly scheme: 'http' | 'https';
  readonly host: string;
  readonly port: number | undefined;
  readonly path: string;
}

function parseTarget(text: string): Target {
  const scheme = /^https:\/\//i.test(text) ? 'https' : 'http';
  const bare = text.replace(/^https?:\/\//i, '');
  const slash = bare.indexOf('/');
  const hostPort = slash < 0 ? bare : bare.slice(0, slash);
  const path = slash < 0 ? '/' : bare.slice(slash);
  const [host = '', port] = hostPort.split(':');
  return { scheme, host, port: port ? Number(port) : undefined, path };
}

/** Which service port a destination address reaches, and through which node's rules. */
function route(
  cluster: Cluster,
  source: Source,
  ip: string,
  port: number,
): { rule: ProxyServicePort; node: string } | string {
  const nodes = listed(cluster, '', 'nodes');
  const rulesOf = (node: string) => cluster.component<KubeProxy>(`kube-proxy/${node}`)?.rules ?? [];
  const byIp = nodes.find((n) => internalIP(n) === ip);
  if (byIp) {
    const node = byIp.metadata.name ?? '';
    const rule = rulesOf(node).find((r) => r.nodePort === port);
    return rule ? { rule, node } : `connect to ${ip} port ${port} failed: Connection refused`;
  }
  // A load balancer's address: the cloud forwards to a node, which its kube-proxy handles.
  const external = nodes.length
    ? rulesOf(nodes[0]!.metadata.name ?? '').find((r) => r.externalIPs.includes(ip) && r.port === port)
    : undefined;
  if (external) {
    const workers = nodes.filter((n) => !(n.metadata.labels ?? {})['node-role.kubernetes.io/control-plane']);
    const node = workers[cluster.rng('traffic').int(workers.length)]?.metadata.name ?? '';
    const rule = rulesOf(node).find((r) => r.externalIPs.includes(ip) && r.port === port);
    return rule ? { rule, node } : `connect to ${ip} port ${port} failed: Connection refused`;
  }
  if (!source.node) return `connect to ${ip} port ${port} failed: Connection timed out`;
  const rule = rulesOf(source.node).find((r) => r.clusterIP === ip && r.port === port);
  return rule ? { rule, node: source.node } : `connect to ${ip} port ${port} failed: Connection timed out`;
}

export function runRequest(cluster: Cluster, args: readonly string[], out: Output): void {
  let parsed;
  try {
    parsed = parseFlags(args, [
      { name: 'count', type: 'int', default: 1 },
      { name: 'from', type: 'string', default: '' },
      { name: 'path', type: 'string', default: '' },
      { name: 'host', type: 'string', default: '' },
      { name: 'namespace', short: 'n', type: 'string', default: 'default' },
      { name: 'insecure', short: 'k', type: 'bool', default: false },
      { name: 'user', short: 'u', type: 'string', default: '' },
    ]);
  } catch (e) {
    if (e instanceof FlagError) return out.fail(`error: ${e.message}`);
    throw e;
  }
  const [text] = parsed.args;
  if (!text) return out.fail('error: sim request takes a TARGET (service name, IP:port, NODE_IP:NODEPORT)');
  const namespace = String(parsed.flags.namespace);
  const source = sourceOf(cluster, String(parsed.flags.from), namespace);
  if (typeof source === 'string') return out.fail(source);
  const target = parseTarget(text);
  const path = String(parsed.flags.path) || target.path;
  const hostHeader = String(parsed.flags.host) || target.host;
  const credentials = String(parsed.flags.user) || undefined;
  const rng = cluster.rng('traffic');
  const count = Math.max(1, Number(parsed.flags.count));
  let failed = false;
  for (let n = 1; n <= count; n++) {
    // Each request is a new connection, and looks its name up again.
    const resolved = resolveTarget(cluster, source, namespace, target, rng);
    if ('error' in resolved) {
      out.out(`${n}  ${source.label}${resolved.error}\n`);
      failed = true;
      continue;
    }
    const { ip, port, shown } = resolved;
    const via = route(cluster, source, ip, port);
    if (typeof via === 'string') {
      out.out(`${n}  ${source.label} → ${shown}:${port}  curl: (7) ${via}\n`);
      failed = true;
      continue;
    }
    const { rule, node } = via;
    // Traffic that entered through a node port or load balancer leaves SNATed to that node.
    const entered = rule.clusterIP !== ip || !source.node;
    const entryIp = internalIP(
      listed(cluster, '', 'nodes').find((x) => x.metadata.name === node) ?? ({} as KubeObject),
    );
    const clientIp = entered ? entryIp : source.ip;
    const chosen = pickEndpoint(rule.endpoints, rng);
    if (!chosen) {
      out.out(
        `${n}  ${source.label} → ${shown}:${port} → kube-proxy@${node}  curl: (7) connect to ${ip} port ${port} failed: Connection refused\n`,
      );
      failed = true;
      continue;
    }
    const pod = listed(cluster, '', 'pods', rule.namespace).find((p) => p.metadata.name === chosen.pod);
    const destNode = chosen.nodeName ?? '';
    const kubelet = cluster.kubelets.get(destNode);
    const answer =
      pod && kubelet
        ? kubelet.connect(pod, chosen.port, {
            method: 'GET',
            path,
            clientIp,
            atMs: cluster.clock.now(),
            ...(credentials ? { credentials } : {}),
          })
        : ({ outcome: 'refused' } as const);
    if (pod && isControllerPod(pod) && answer.outcome === 'answered') {
      const line = throughIngress(
        cluster,
        rng,
        {
          host: hostHeader,
          path,
          scheme: target.scheme,
          // SNI carries the URL's host name; an IP address sends none.
          sni: /^\d+\.\d+\.\d+\.\d+$/.test(target.host) ? undefined : target.host,
          insecure: parsed.flags.insecure === true,
          tlsPort: chosen.port === HTTPS_CONTAINER_PORT,
          credentials,
        },
        (pod.status as { podIP?: string }).podIP ?? '',
      );
      out.out(
        `${n}  ${source.label} → ${shown}:${port} → kube-proxy@${node} → ${chosen.address}:${chosen.port} (${chosen.pod ?? '?'} on ${destNode}) → ${line.text}\n`,
      );
      if (line.failed) failed = true;
      continue;
    }
    const result =
      answer.outcome === 'answered'
        ? httpStatus(answer.status)
        : answer.outcome === 'empty'
          ? 'curl: (52) Empty reply from server'
          : 'curl: (7) Connection refused';
    if (answer.outcome !== 'answered' || answer.status >= 400) failed = true;
    cluster.trace.record({
      from: `kube-proxy/${node}`,
      to: `kubelet/${destNode}`,
      type: 'action',
      verb: 'request',
      object: `pods/${rule.namespace}/${chosen.pod ?? ''}`,
      summary: `GET ${path} ${rule.name} → ${chosen.address}:${chosen.port}: ${result}`,
    });
    out.out(
      `${n}  ${source.label} → ${shown}:${port} → kube-proxy@${node} → ${chosen.address}:${chosen.port} (${chosen.pod ?? '?'} on ${destNode})  ${result}\n`,
    );
  }
  // Like curl, a failed request makes the command fail; each line already said why.
  if (failed) out.exitCode = 1;
}

const REASONS: Readonly<Record<number, string>> = { 200: 'OK', 401: 'Unauthorized' };

/** The status line's words, as curl -i would show them. */
function httpStatus(status: number): string {
  return `HTTP ${status} ${REASONS[status] ?? ''}`.trimEnd();
}

interface Resolved {
  readonly ip: string;
  readonly port: number;
  /** The lookup and the address, as the request line shows them. */
  readonly shown: string;
}

/**
 * Where a request goes. A pod or node asks cluster DNS, and a CoreDNS pod answers: a
 * cluster name, or for any other name what its upstream resolver says (an Ingress host's
 * address). From outside, only an Ingress host resolves.
 */
function resolveTarget(
  cluster: Cluster,
  source: Source,
  namespace: string,
  target: Target,
  rng: { float(): number },
): Resolved | { readonly error: string } {
  const port = target.port ?? (target.scheme === 'https' ? 443 : 80);
  if (!target.host) return { error: '  curl: (3) URL rejected: No host part in the URL' };
  if (/^\d+\.\d+\.\d+\.\d+$/.test(target.host)) return { ip: target.host, port, shown: target.host };
  const unresolved = `  curl: (6) Could not resolve host: ${target.host}`;
  const query = source.node ? queryClusterDns(cluster, source.node, namespace, target.host, rng) : undefined;
  if (query && !query.answered) return { error: ` → ${CLUSTER_DNS_IP}:53 (no answer)${unresolved}` };
  const lookup = query?.answered ? `dns@${query.server} → ` : '';
  const answer = query?.answered ? query.answer : undefined;
  if (answer?.name) {
    const address = answer.addresses[0];
    if (!address) return { error: ` → ${lookup.slice(0, -3)}${unresolved}` };
    return { ip: address, port, shown: `${lookup}${answer.name} (${address})` };
  }
  // An Ingress host outside cluster DNS: the way in is the controller's node port.
  const entry = ingressEntry(cluster, target.host, target.scheme);
  if (!entry) return { error: lookup ? ` → ${lookup.slice(0, -3)}${unresolved}` : unresolved };
  return { ip: entry.ip, port: entry.port, shown: `${lookup}${target.host} (${entry.ip})` };
}

/** Where traffic for an Ingress host enters: the controller node's address and its HTTP or HTTPS node port. */
function ingressEntry(
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

interface IngressRequest {
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
function throughIngress(
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
