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
import { internalIP } from '../node/node-object.ts';
import { HTTPS_CONTAINER_PORT, isControllerPod } from '../ingress/ingress-nginx.ts';
import { ingressEntry, throughIngress } from './ingress-traffic.ts';
import { httpStatus, listed } from './traffic-support.ts';

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
