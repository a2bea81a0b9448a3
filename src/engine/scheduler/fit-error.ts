/** The texts of an unschedulable pod's FailedScheduling event and PodScheduled condition. */
import type { FilterStatus } from './framework.ts';

/** `FitError.Error()`: reasons counted per distinct text, formatted `<n> <reason>`, sorted as strings. */
export function fitErrorMessage(
  numAllNodes: number,
  statuses: readonly FilterStatus[],
  postFilterMsg = '',
): string {
  const histogram = new Map<string, number>();
  for (const s of statuses) for (const r of s.reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
  const parts = [...histogram].map(([reason, n]) => `${n} ${reason}`).sort(compareStrings);
  let msg = `0/${numAllNodes} nodes are available:`;
  if (parts.length) msg += ` ${parts.join(', ')}.`;
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const NO_VICTIMS = 'No preemption victims found for incoming pod';
export const PREEMPTION_NOT_HELPFUL = 'Preemption is not helpful for scheduling';
export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods';
