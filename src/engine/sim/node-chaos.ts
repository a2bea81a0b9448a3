/** `sim node fail|recover NAME`. */
import type { Cluster } from '../cluster/cluster.ts';
import type { Output } from '../kubectl/output.ts';

export function runNodeChaos(_cluster: Cluster, words: readonly string[], out: Output): void {
  out.fail(`error: "sim ${words.join(' ')}" is not supported by this simulator yet`);
}
