/**
 * When a pod on a node with NoExecute taints must go (pkg/controller/tainteviction):
 * at once if some taint is not tolerated; after the shortest `tolerationSeconds` of the
 * tolerations that match; never if those tolerate forever.
 */

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
  readonly timeAdded?: string;
}

export interface Toleration {
  readonly key?: string;
  readonly operator?: string;
  readonly value?: string;
  readonly effect?: string;
  readonly tolerationSeconds?: number | null;
}

/** `Toleration.ToleratesTaint`: an empty key or effect matches any. */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      return false;
  }
}

/** `GetMatchingTolerations`: whether every taint is tolerated, and the first toleration matching each. */
export function matchingTolerations(
  taints: readonly Taint[],
  tolerations: readonly Toleration[],
): { allTolerated: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const match = tolerations.find((t) => toleratesTaint(t, taint));
    if (!match) return { allTolerated: false, used: [] };
    used.push(match);
  }
  return { allTolerated: true, used };
}

/** `getMinTolerationTime`: the shortest tolerationSeconds in ms, 0 for none given, -1 for forever. */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

/** A deletion already planned for the pod: pending until `fireAtMs`, or done. */
export type ScheduledEviction =
  | { readonly state: 'pending'; readonly createdAtMs: number; readonly fireAtMs: number }
  | { readonly state: 'done' };

export type EvictionDecision =
  /** Delete now, after cancelling whatever was planned. */
  | { readonly action: 'evict-now' }
  /** Cancel a planned deletion (the pod tolerates the taints forever). */
  | { readonly action: 'cancel' }
  /** Plan the deletion at `fireAtMs`. */
  | { readonly action: 'schedule'; readonly createdAtMs: number; readonly fireAtMs: number }
  /** Leave things as they are. */
  | { readonly action: 'keep' };

/** `processPodOnNode` for a pod on a node with at least one NoExecute taint. */
export function planEviction(
  tolerations: readonly Toleration[],
  noExecuteTaints: readonly Taint[],
  nowMs: number,
  scheduled: ScheduledEviction | undefined,
): EvictionDecision {
  const { allTolerated, used } = matchingTolerations(noExecuteTaints, tolerations);
  if (!allTolerated) return { action: 'evict-now' };
  const min = minTolerationMs(used);
  if (min < 0) return { action: 'cancel' };
  // A planned deletion stays as it is: the toleration counts from when it was first planned
  // (and one already carried out is not repeated).
  if (scheduled) return { action: 'keep' };
  return { action: 'schedule', createdAtMs: nowMs, fireAtMs: nowMs + min };
}

/** The NoExecute taints of a taint list. */
export function noExecuteTaints(taints: readonly Taint[]): Taint[] {
  return taints.filter((t) => t.effect === 'NoExecute');
}
