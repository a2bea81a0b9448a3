/**
 * `sim node fail|recover NAME`: the machine's kubelet stops (no more Lease renewals, no
 * node status, its containers left as they were) or starts again. Everything that follows
 * is the control plane noticing, through the API, as it would on a real cluster.
 */
import type { Cluster } from '../cluster/cluster.ts';
import type { Output } from '../kubectl/output.ts';
import { objectKey } from '../store/keys.ts';

/** Nodes whose kubelet `sim node fail` stopped, per cluster. */
const failedNodes = new WeakMap<Cluster, Set<string>>();

export function isNodeFailed(cluster: Cluster, name: string): boolean {
  return failedNodes.get(cluster)?.has(name) ?? false;
}

export function runNodeChaos(cluster: Cluster, words: readonly string[], out: Output): void {
  const [action, name, ...extra] = words;
  if ((action !== 'fail' && action !== 'recover') || !name || extra.length > 0) {
    out.fail(`error: usage: sim node ${action ?? 'fail|recover'} NAME`);
    return;
  }
  // The simulator's own look at the machines, not an API request: it leaves no trace record.
  if (!cluster.store.get(objectKey('', 'nodes', undefined, name))) {
    out.fail(`error: node "${name}" not found`);
    return;
  }
  const failed = failedNodes.get(cluster) ?? new Set<string>();
  failedNodes.set(cluster, failed);
  const kubelet = cluster.component(`kubelet/${name}`);
  if (action === 'fail') {
    if (failed.has(name)) {
      out.fail(`error: node "${name}" has already failed; "sim node recover ${name}" brings it back`);
      return;
    }
    kubelet?.stop?.();
    failed.add(name);
    out.out(`node/${name} failed: its kubelet stopped (no more Lease renewals or node status)\n`);
    return;
  }
  if (!failed.has(name)) {
    out.fail(`error: node "${name}" is running; only a node stopped with "sim node fail" can recover`);
    return;
  }
  kubelet?.start();
  failed.delete(name);
  out.out(`node/${name} recovered: its kubelet is running again\n`);
}
