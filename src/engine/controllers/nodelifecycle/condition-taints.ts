/**
 * TaintNodesByCondition's controller half (`doNoScheduleTaintingPass`): a node carries
 * exactly the NoSchedule taints its conditions imply (not-ready, unreachable, memory-,
 * disk-, pid-pressure, network-unavailable) plus `unschedulable` while cordoned. The
 * `not-ready:NoSchedule` taint every Node is admitted with goes once it reports Ready.
 */
import type { KubeObject } from '../../api/types.ts';
import {
  CONDITION_TAINT_KEYS,
  CONDITION_TAINTS,
  nodeConditions,
  nodeTaints,
  taintExists,
  TAINT_UNSCHEDULABLE,
  type Taint,
} from './taints.ts';

export interface TaintChange {
  readonly add: readonly Taint[];
  readonly remove: readonly Taint[];
}

export function planNoScheduleTaints(node: KubeObject): TaintChange {
  const wanted: Taint[] = [];
  for (const condition of nodeConditions(node)) {
    const key = CONDITION_TAINTS[condition.type]?.[condition.status];
    if (key) wanted.push({ key, effect: 'NoSchedule' });
  }
  if ((node.spec as { unschedulable?: unknown } | undefined)?.unschedulable === true) {
    wanted.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  }
  const owned = nodeTaints(node).filter(
    (t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)),
  );
  return {
    add: wanted.filter((t) => !taintExists(owned, t)),
    remove: owned.filter((t) => !taintExists(wanted, t)),
  };
}
