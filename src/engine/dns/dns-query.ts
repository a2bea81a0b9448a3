/**
 * A DNS query as it travels in the cluster: from the asking node to the `kube-dns` cluster IP,
 * through that node's kube-proxy rules to one CoreDNS pod, which answers from the Services and
 * EndpointSlices it watches. With no ready CoreDNS pod behind the Service the query times out,
 * as it does for real when DNS is down.
 */
import type { KubeObject } from '../api/types.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { pickEndpoint } from '../proxy/endpoint-pick.ts';
import type { KubeProxy } from '../proxy/kube-proxy.ts';
import { collectionPrefix } from '../store/keys.ts';
import { CLUSTER_DNS_IP, resolveName, type DnsAnswer } from './cluster-dns.ts';
import { DNS_NAMESPACE } from './coredns-addon.ts';

export type DnsQueryResult =
  | { readonly answered: true; readonly answer: DnsAnswer; readonly server: string }
  | { readonly answered: false };

function listed(cluster: Cluster, group: string, plural: string, namespace?: string): KubeObject[] {
  return cluster.store.list(collectionPrefix(group, plural, namespace)).items;
}

/** Asks cluster DNS for `name` from a pod in `namespace` on `node`; `server` names the CoreDNS pod that answered. */
export function queryClusterDns(
  cluster: Cluster,
  node: string,
  namespace: string,
  name: string,
  rng: { float(): number },
): DnsQueryResult {
  const rule = cluster
    .component<KubeProxy>(`kube-proxy/${node}`)
    ?.rules.find((r) => r.clusterIP === CLUSTER_DNS_IP && r.port === 53 && r.protocol === 'UDP');
  const endpoint = rule && pickEndpoint(rule.endpoints, rng);
  const pod =
    endpoint && listed(cluster, '', 'pods', DNS_NAMESPACE).find((p) => p.metadata.name === endpoint.pod);
  const kubelet = endpoint?.nodeName ? cluster.kubelets.get(endpoint.nodeName) : undefined;
  const reached =
    pod &&
    kubelet?.connect(pod, 53, { method: 'DNS', path: name, clientIp: '', atMs: cluster.clock.now() })
      .outcome !== 'refused';
  if (!endpoint || !reached) {
    cluster.trace.record({
      from: `kube-proxy/${node}`,
      to: `kube-proxy/${node}`,
      type: 'action',
      verb: 'dns',
      object: `services/${DNS_NAMESPACE}/kube-dns`,
      summary: `DNS query for ${name} from ${node} timed out: no CoreDNS pod answered at ${CLUSTER_DNS_IP}:53`,
    });
    return { answered: false };
  }
  const answer = resolveName(
    name,
    namespace,
    listed(cluster, '', 'services'),
    listed(cluster, 'discovery.k8s.io', 'endpointslices'),
  );
  const result = answer.name
    ? answer.cname !== undefined
      ? `CNAME ${answer.cname}`
      : answer.addresses.join(', ') || 'no addresses'
    : 'NXDOMAIN';
  cluster.trace.record({
    from: `kube-proxy/${node}`,
    to: `kubelet/${endpoint.nodeName ?? ''}`,
    type: 'action',
    verb: 'dns',
    object: `pods/${DNS_NAMESPACE}/${endpoint.pod ?? ''}`,
    summary: `DNS query for ${name} from ${node} → ${endpoint.address}:53 (${endpoint.pod ?? ''}): ${result}`,
  });
  return { answered: true, answer, server: endpoint.pod ?? '' };
}
