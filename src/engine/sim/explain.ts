/** `sim explain pod NAME [-n NS]`: the scheduler's latest decision for a pod, plugin by plugin. */
import type { Cluster } from '../cluster/cluster.ts';
import { FlagError, parseFlags } from '../kubectl/flags.ts';
import type { Output } from '../kubectl/output.ts';
import { formatDecision } from '../scheduler/explain-format.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { objectKey } from '../store/keys.ts';

const USAGE = 'error: usage: sim explain pod NAME [-n NAMESPACE]';

export function runExplain(cluster: Cluster, words: readonly string[], out: Output): void {
  let parsed;
  try {
    parsed = parseFlags(words, [{ name: 'namespace', short: 'n', type: 'string', default: 'default' }]);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    out.fail(`error: ${e.message}`);
    return;
  }
  const [kind, name, ...extra] = parsed.args;
  if (!['pod', 'pods', 'po'].includes(kind ?? '') || !name || extra.length) {
    out.fail(USAGE);
    return;
  }
  const namespace = String(parsed.flags.namespace ?? 'default');
  const scheduler = cluster.component<Scheduler>('scheduler');
  const decision = scheduler?.decision(namespace, name);
  if (decision) {
    out.out(formatDecision(decision));
    return;
  }
  // The simulator's own look at the pod, not an API request: it leaves no trace record.
  const stored = cluster.store.get(objectKey('', 'pods', namespace, name));
  if (!stored) {
    out.fail(`Error from server (NotFound): pods "${name}" not found`);
    return;
  }
  const nodeName = (stored.object.spec as { nodeName?: string } | undefined)?.nodeName;
  out.fail(
    nodeName
      ? `error: pod ${namespace}/${name} runs on ${nodeName} but the scheduler kept no decision for it (it was bound before the scheduler saw it, or its decision was dropped)`
      : `error: the scheduler has not tried to place pod ${namespace}/${name} yet`,
  );
}
