/**
 * Completion indexes of an Indexed Job as ordered, merged intervals (`indexed_job_utils.go`):
 * `.status.completedIndexes` is written as `1,3-5,7` — runs of three or more use a hyphen,
 * runs of two a comma.
 */
export interface Interval {
  readonly first: number;
  readonly last: number;
}

export type Intervals = readonly Interval[];

/** The intervals merged with `added`, which must be in increasing order. */
export function withOrderedIndexes(intervals: Intervals, added: readonly number[]): Interval[] {
  const out: { first: number; last: number }[] = [];
  const push = (iv: Interval) => {
    const lastOut = out[out.length - 1];
    if (!lastOut || iv.first > lastOut.last + 1) out.push({ ...iv });
    else if (lastOut.last < iv.last) lastOut.last = iv.last;
  };
  let i = 0;
  let j = 0;
  while (i < intervals.length && j < added.length) {
    if (intervals[i]!.first < added[j]!) push(intervals[i++]!);
    else {
      push({ first: added[j]!, last: added[j]! });
      j++;
    }
  }
  while (i < intervals.length) push(intervals[i++]!);
  while (j < added.length) {
    push({ first: added[j]!, last: added[j]! });
    j++;
  }
  return out;
}

export function totalIndexes(intervals: Intervals): number {
  return intervals.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
}

export function hasIndex(intervals: Intervals, index: number): boolean {
  return intervals.some((iv) => iv.first <= index && index <= iv.last);
}

export function formatIntervals(intervals: Intervals): string {
  return intervals
    .map((iv) => {
      if (iv.last === iv.first) return `${iv.first}`;
      return `${iv.first}${iv.last === iv.first + 1 ? ',' : '-'}${iv.last}`;
    })
    .join(',');
}

/** `succeededIndexesFromString`: indexes at or beyond `completions` are dropped; bad parts skipped. */
export function parseIntervals(text: string | undefined, completions: number): Interval[] {
  if (!text) return [];
  const out: { first: number; last: number }[] = [];
  for (const part of text.split(',')) {
    const [a, b] = part.split('-');
    if (a === undefined || !/^\d+$/.test(a)) continue;
    const first = Number(a);
    if (first >= completions) break;
    let last = first;
    if (b !== undefined) {
      if (!/^\d+$/.test(b)) continue;
      last = Math.min(Number(b), completions - 1);
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}

/** `firstPendingIndexes`: the lowest `count` indexes below `completions` neither running nor done. */
export function firstPendingIndexes(
  activeIndexes: readonly number[],
  succeeded: Intervals,
  count: number,
  completions: number,
): number[] {
  if (count === 0) return [];
  const active = [...new Set(activeIndexes.filter((i) => i >= 0))].sort((a, b) => a - b);
  const nonPending = withOrderedIndexes(succeeded, active);
  const result: number[] = [];
  let candidate = 0;
  for (const iv of nonPending) {
    for (; candidate < completions && result.length < count && candidate < iv.first; candidate++)
      result.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && result.length < count; candidate++) result.push(candidate);
  return result;
}
