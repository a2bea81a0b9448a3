/**
 * The delay before a failed Job pod is replaced (`backoff_utils.go`): 10 s after the first
 * failure since the last success, doubling with each further one, capped at
 * `MaxJobPodFailureBackOff` (10 minutes in job_controller.go; the docs round it to six).
 * The record lives in the controller's memory, keyed by Job, as upstream's backoffStore.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { podCondition } from '../replicaset/pod-status.ts';

export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  readonly failuresAfterLastSuccess: number;
  readonly lastFailureMs: number | undefined;
}

export const NO_BACKOFF: BackoffRecord = { failuresAfterLastSuccess: 0, lastFailureMs: undefined };

interface ContainerStatus {
  state?: { terminated?: { finishedAt?: string } };
}

/**
 * `getFinishedTime`: the latest container finish, else when Ready turned False, else the
 * deletion time minus its grace period, else the creation time.
 */
export function podFinishedMs(pod: KubeObject): number {
  const statuses = (pod.status as { containerStatuses?: ContainerStatus[] } | undefined)?.containerStatuses;
  if (statuses && statuses.length > 0) {
    let latest: number | undefined;
    for (const s of statuses) {
      const at = s.state?.terminated?.finishedAt;
      if (!at) {
        latest = undefined;
        break;
      }
      latest = Math.max(latest ?? -Infinity, parseTimestamp(at));
    }
    if (latest !== undefined) return latest;
  }
  const ready = podCondition(pod, 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime) return parseTimestamp(ready.lastTransitionTime);
  if (pod.metadata.deletionTimestamp) {
    const grace = pod.metadata.deletionGracePeriodSeconds ?? 0;
    return parseTimestamp(pod.metadata.deletionTimestamp) - grace * 1000;
  }
  return pod.metadata.creationTimestamp ? parseTimestamp(pod.metadata.creationTimestamp) : 0;
}

/** `newBackoffRecord`: the record after the pods that finished since the last sync. */
export function nextBackoffRecord(
  old: BackoffRecord,
  newSucceeded: readonly KubeObject[],
  newFailed: readonly KubeObject[],
): BackoffRecord {
  const failedTimes = newFailed.map(podFinishedMs).sort((a, b) => a - b);
  if (newSucceeded.length === 0) {
    if (failedTimes.length === 0) return old;
    return {
      failuresAfterLastSuccess: old.failuresAfterLastSuccess + failedTimes.length,
      lastFailureMs: failedTimes[failedTimes.length - 1],
    };
  }
  const lastSuccess = Math.max(...newSucceeded.map(podFinishedMs));
  // Only the failures after the last success count; the latest of them is the last failure.
  const after = failedTimes.filter((t) => t > lastSuccess);
  return {
    failuresAfterLastSuccess: after.length,
    lastFailureMs: after.length ? after[after.length - 1] : undefined,
  };
}

/** `getRemainingTimeForFailuresCount`: how long pod creation must still wait, in ms. */
export function remainingBackoffMs(record: BackoffRecord, nowMs: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureMs === undefined) return 0;
  let backoff = DEFAULT_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < record.failuresAfterLastSuccess; i++) {
    backoff *= 2;
    if (backoff >= MAX_POD_FAILURE_BACKOFF_MS) {
      backoff = MAX_POD_FAILURE_BACKOFF_MS;
      break;
    }
  }
  const elapsed = nowMs - record.lastFailureMs;
  return backoff < elapsed ? 0 : backoff - elapsed;
}
