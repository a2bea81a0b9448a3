/**
 * Which scheduled time a CronJob owes a Job for, and when to look again (`utils.go`
 * mostRecentScheduleTime, nextScheduleTime, nextScheduleTimeDuration). All times are epoch
 * milliseconds on the virtual clock.
 */
import type { Schedule } from './schedule.ts';

/** The controller's padding past a schedule time (`nextScheduleDelta`), for clock skew. */
export const NEXT_SCHEDULE_DELTA_MS = 100;
/** More missed times than this and the controller says so (`TooManyMissedTimes`). */
export const MANY_MISSED = 100;

export type Missed = 'none' | 'few' | 'many';

export interface MostRecent {
  /** lastScheduleTime, else the creation time (pushed forward by the starting deadline). */
  readonly earliest: number;
  /** The latest schedule time at or before now, after `earliest`; undefined when none. */
  readonly mostRecent: number | undefined;
  readonly missed: Missed;
  /** Set when two consecutive times coincide: the schedule can never fire. */
  readonly error?: string;
}

export interface CronTimes {
  readonly creationMs: number;
  readonly lastScheduleMs: number | undefined;
  readonly startingDeadlineSeconds: number | undefined;
}

/**
 * `mostRecentScheduleTime`: rather than walking every missed time since `earliest`, it
 * estimates their number from the gap between the next two and walks only the last stretch.
 */
export function mostRecentScheduleTime(
  cj: CronTimes,
  nowMs: number,
  schedule: Schedule,
  includeStartingDeadline: boolean,
): MostRecent {
  let earliest = cj.lastScheduleMs ?? cj.creationMs;
  if (includeStartingDeadline && cj.startingDeadlineSeconds !== undefined) {
    earliest = Math.max(earliest, nowMs - cj.startingDeadlineSeconds * 1000);
  }
  const t1 = schedule.next(earliest);
  const t2 = t1 === undefined ? undefined : schedule.next(t1);
  // robfig returns the zero time for an impossible schedule; "now" is never before it.
  if (t1 !== undefined && nowMs < t1) return { earliest, mostRecent: undefined, missed: 'none' };
  if (t1 !== undefined && t2 !== undefined && nowMs < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (t1 === undefined || between < 1) {
    return {
      earliest,
      mostRecent: undefined,
      missed: 'none',
      error: 'time difference between two schedules is less than 1 second',
    };
  }
  const elapsed = Math.trunc((nowMs - t1) / 1000);
  const count = Math.trunc(elapsed / between) + 1;
  let mostRecent: number | undefined;
  const start = t1 + (count - 2) * between * 1000;
  for (let t = schedule.next(start); t !== undefined && t <= nowMs; t = schedule.next(t)) mostRecent = t;
  const missed: Missed = count > MANY_MISSED ? 'many' : count > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** `nextScheduleTimeDuration`: how long until the next schedule time after the last one owed. */
export function nextScheduleDelayMs(cj: CronTimes, nowMs: number, schedule: Schedule): number {
  const r = mostRecentScheduleTime(cj, nowMs, schedule, false);
  let from: number;
  if (r.error !== undefined) from = nowMs;
  else if (r.mostRecent !== undefined) from = r.mostRecent;
  else from = r.missed === 'none' ? r.earliest : nowMs;
  // With no next time at all, robfig's zero time makes the delay hugely negative: requeue now.
  const next = schedule.next(from);
  return next === undefined ? 0 : next + NEXT_SCHEDULE_DELTA_MS - nowMs;
}

/** `nextScheduleTime`: the unmet schedule time to act on now (deadline applied), if any. */
export function nextScheduleTime(
  cj: CronTimes,
  nowMs: number,
  schedule: Schedule,
): { time?: number; tooMany: boolean; error?: string } {
  const r = mostRecentScheduleTime(cj, nowMs, schedule, true);
  if (r.mostRecent === undefined || r.mostRecent > nowMs) {
    return { tooMany: false, ...(r.error !== undefined ? { error: r.error } : {}) };
  }
  return { time: r.mostRecent, tooMany: r.missed === 'many' };
}
