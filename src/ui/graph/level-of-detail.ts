/**
 * Beyond a few hundred pods one element per pod costs more frames than it teaches: machines
 * then show their pods as counts and a colour bar, and only the pods in trouble one by one.
 */
import { useCluster, type MirroredObject } from '../state/cluster-store.ts';
import { podTone, type PodTone } from './pod-tone.ts';

export const AGGREGATE_ABOVE_PODS = 300;
/** Troubled pods still drawn one by one on an aggregated machine, so errors stay visible. */
export const TROUBLED_SHOWN = 6;

export interface PodCounts {
  /** `[status, count]`, the most common first, then by name. */
  readonly byStatus: readonly (readonly [string, number])[];
  readonly byTone: Readonly<Record<PodTone, number>>;
  readonly total: number;
}

/**
 * Counts as one string, so a selector returns a value that compares equal while nothing
 * visible changed: `Running=40,Pending=2`.
 */
export function countSignature(pods: readonly (MirroredObject | undefined)[]): string {
  const counts = new Map<string, number>();
  for (const pod of pods) {
    if (pod) counts.set(pod.display.status, (counts.get(pod.display.status) ?? 0) + 1);
  }
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([status, n]) => `${status}=${n}`)
    .join(',');
}

export function parseCounts(signature: string): PodCounts {
  const byTone: Record<PodTone, number> = { ok: 0, pending: 0, leaving: 0, bad: 0 };
  const byStatus: [string, number][] = [];
  let total = 0;
  for (const part of signature ? signature.split(',') : []) {
    const at = part.lastIndexOf('=');
    const status = part.slice(0, at);
    const n = Number(part.slice(at + 1));
    byStatus.push([status, n]);
    byTone[podTone(status)] += n;
    total += n;
  }
  return { byStatus, byTone, total };
}

/** Whether the graph draws pods as counts; changes only when the pod count crosses the threshold. */
export function useAggregated(): boolean {
  return useCluster((s) => (s.keysByKind['Pod']?.length ?? 0) > AGGREGATE_ABOVE_PODS);
}
