/** `sim proxy NODE`: the rules that node's kube-proxy has programmed, as `iptables-save` prints them there. */
import type { Cluster } from '../cluster/cluster.ts';
import type { Output } from '../kubectl/output.ts';
import { iptablesSaveOutput } from '../proxy/iptables-save.ts';
import type { KubeProxy } from '../proxy/kube-proxy.ts';
import { iptablesSave } from '../proxy/proxy-rules.ts';

export function runProxy(cluster: Cluster, args: readonly string[], out: Output): void {
  const [node] = args;
  if (!node || args.length > 1) return out.fail('error: sim proxy takes exactly one NODE');
  const proxy = cluster.component<KubeProxy>(`kube-proxy/${node}`);
  if (!proxy) return out.fail(`error: node "${node}" has no kube-proxy`);
  out.out(iptablesSaveOutput(iptablesSave(proxy.rules), cluster.clock.now()));
}
