/**
 * Job conditions as the job controller writes them (`newCondition`,
 * `ensureJobConditionStatus`). Since v1.31 a Job first gets the interim SuccessCriteriaMet
 * or FailureTarget condition and only once its pods are done the terminal Complete or Failed.
 */
import { formatTimestamp } from '../../time/clock.ts';
import type { JobCondition } from './job-api.ts';

export const REASON_BACKOFF_LIMIT = 'BackoffLimitExceeded';
export const MESSAGE_BACKOFF_LIMIT = 'Job has reached the specified backoff limit';
export const REASON_DEADLINE = 'DeadlineExceeded';
export const MESSAGE_DEADLINE = 'Job was active longer than specified deadline';
export const REASON_COMPLETIONS = 'CompletionsReached';
export const MESSAGE_COMPLETIONS = 'Reached expected number of succeeded pods';

export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  nowMs: number,
): JobCondition {
  const now = formatTimestamp(nowMs);
  return { type, status, lastProbeTime: now, lastTransitionTime: now, reason, message };
}

/**
 * Sets a condition: replaces one of the type whose status, reason or message differ, or
 * appends it unless it would be a new False one. Returns the list and whether it changed.
 */
export function ensureCondition(
  list: readonly JobCondition[],
  type: string,
  status: string,
  reason: string,
  message: string,
  nowMs: number,
): [JobCondition[], boolean] {
  const i = list.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = list[i]!;
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message)
      return [[...list], false];
    const out = [...list];
    out[i] = newCondition(type, status, reason, message, nowMs);
    return [out, true];
  }
  if (status !== 'False') return [[...list, newCondition(type, status, reason, message, nowMs)], true];
  return [[...list], false];
}
