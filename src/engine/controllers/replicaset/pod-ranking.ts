/**
 * Which pods a ReplicaSet deletes first on scale-down (`controller.ActivePodsWithRanks` and
 * `getPodsToDelete`): the least useful pods go first, so a scale-down hurts as little as
 * possible.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseTimestamp } from '../../time/clock.ts';
import {
  isPodActive,
  isPodReady,
  maxContainerRestarts,
  podCondition,
  podNodeName,
  podPhase,
} from './pod-status.ts';

const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';
const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

interface RankedPod {
  readonly pod: KubeObject;
  /** How many active related pods share this pod's node. */
  readonly rank: number;
}

function deletionCost(pod: KubeObject): number {
  const raw = pod.metadata.annotations?.[POD_DELETION_COST];
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return 0;
  return Number(raw);
}

function timeMs(text: string | null | undefined): number | undefined {
  return text ? parseTimestamp(text) : undefined;
}

/** `afterOrZero`: a missing time sorts first, else the later time does. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (a === undefined || b === undefined) return a === undefined;
  return a > b;
}

/** floor(log2(age in ns)) buckets, so pods of similar age count as equally old. */
function logRank(t: number, nowMs: number): number {
  const ageNs = (nowMs - t) * 1e6;
  return ageNs <= 0 ? -1 : Math.floor(Math.log2(ageNs));
}

/** LogarithmicScaleDown: compares bucketed ages, ties broken by the lower UID. */
function compareTimes(
  a: number | undefined,
  b: number | undefined,
  x: RankedPod,
  y: RankedPod,
  nowMs: number,
) {
  if (a === undefined || b === undefined) return afterOrZero(a, b);
  const diff = logRank(a, nowMs) - logRank(b, nowMs);
  if (diff === 0) return (x.pod.metadata.uid ?? '') < (y.pod.metadata.uid ?? '');
  return diff < 0;
}

/** `ActivePodsWithRanks.Less`: whether `x` should be deleted before `y`. */
function less(x: RankedPod, y: RankedPod, nowMs: number): boolean {
  const nx = podNodeName(x.pod);
  const ny = podNodeName(y.pod);
  if (nx !== ny && (nx === '' || ny === '')) return nx === '';
  const px = PHASE_ORDINAL[podPhase(x.pod)] ?? 0;
  const py = PHASE_ORDINAL[podPhase(y.pod)] ?? 0;
  if (px !== py) return px < py;
  const rx = isPodReady(x.pod);
  const ry = isPodReady(y.pod);
  if (rx !== ry) return !rx;
  const cx = deletionCost(x.pod);
  const cy = deletionCost(y.pod);
  if (cx !== cy) return cx < cy;
  if (x.rank !== y.rank) return x.rank > y.rank;
  if (rx && ry) {
    const tx = timeMs(podCondition(x.pod, 'Ready')?.lastTransitionTime);
    const ty = timeMs(podCondition(y.pod, 'Ready')?.lastTransitionTime);
    if (tx !== ty) return compareTimes(tx, ty, x, y, nowMs);
  }
  const restartsX = maxContainerRestarts(x.pod);
  const restartsY = maxContainerRestarts(y.pod);
  if (restartsX !== restartsY) return restartsX > restartsY;
  const createdX = timeMs(x.pod.metadata.creationTimestamp);
  const createdY = timeMs(y.pod.metadata.creationTimestamp);
  if (createdX !== createdY) return compareTimes(createdX, createdY, x, y, nowMs);
  return false;
}

/**
 * The `diff` pods to delete out of `pods`; `related` are all pods of the same owner family
 * (sibling ReplicaSets of one Deployment), used to prefer nodes that are doubled up.
 */
export function getPodsToDelete(
  pods: readonly KubeObject[],
  related: readonly KubeObject[],
  diff: number,
  nowMs: number,
): KubeObject[] {
  if (diff >= pods.length) return pods.slice(0, diff);
  const onNode = new Map<string, number>();
  for (const p of related) {
    const node = podNodeName(p);
    if (node && isPodActive(p)) onNode.set(node, (onNode.get(node) ?? 0) + 1);
  }
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(podNodeName(pod)) ?? 0 }));
  ranked.sort((a, b) => (less(a, b, nowMs) ? -1 : less(b, a, nowMs) ? 1 : 0));
  return ranked.slice(0, diff).map((r) => r.pod);
}
