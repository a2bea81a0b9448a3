/**
 * `NodeShouldRunDaemonPod` (daemon_controller.go): whether a DaemonSet wants a pod on a
 * node (shouldRun) and whether a pod already there may stay (shouldContinueRunning). The
 * candidate pod is the template with the daemon tolerations, checked against the node's
 * name, the template's nodeSelector and required node affinity, and the node's taints.
 */
import type { KubeObject } from '../../api/types.ts';
import { NodeInfo } from '../../scheduler/node-info.ts';
import { nodeMatchesPodSelector } from '../../scheduler/plugins/node-affinity.ts';
import { toleratesAny } from '../../scheduler/plugins/taint-toleration.ts';
import type { Taint } from '../../scheduler/types.ts';
import { dsSpec, withDaemonTolerations } from './daemonset-util.ts';

export interface ShouldRun {
  readonly shouldRun: boolean;
  readonly shouldContinueRunning: boolean;
}

function nodeTaints(node: KubeObject): Taint[] {
  return (node.spec as { taints?: Taint[] } | undefined)?.taints ?? [];
}

export function nodeShouldRunDaemonPod(node: KubeObject, ds: KubeObject): ShouldRun {
  const name = node.metadata.name ?? '';
  const spec = withDaemonTolerations(dsSpec(ds).template?.spec ?? {});
  if (spec.nodeName && spec.nodeName !== name) return { shouldRun: false, shouldContinueRunning: false };
  // The scheduler's own matcher (component-helpers nodeaffinity in Go), so the
  // controller never wants a pod where the scheduler would refuse to bind it.
  if (!nodeMatchesPodSelector(spec, new NodeInfo(node))) {
    return { shouldRun: false, shouldContinueRunning: false };
  }
  const tolerations = spec.tolerations ?? [];
  const untolerated = (effects: readonly string[]) =>
    nodeTaints(node).some((t) => effects.includes(t.effect) && !toleratesAny(tolerations, t));
  if (untolerated(['NoSchedule', 'NoExecute'])) {
    // A pod already running stays unless a NoExecute taint would evict it anyway.
    return { shouldRun: false, shouldContinueRunning: !untolerated(['NoExecute']) };
  }
  return { shouldRun: true, shouldContinueRunning: true };
}
