/**
 * The job controller's decisions (`syncJob` and `manageJob` in job_controller.go), pure:
 * from a Job, the pods it owns and what the controller remembers, which pods to create or
 * delete and how the Job ends. `planTracking` (job-tracking.ts) turns the result into
 * status writes and finalizer removals; `planJobSync` composes both for the whole sync.
 */
import type { KubeObject } from '../../api/types.ts';
import { formatTimestamp, parseTimestamp } from '../../time/clock.ts';
import { getPodsToDelete } from '../replicaset/pod-ranking.ts';
import { isPodActive, isPodReady, podPhase } from '../replicaset/pod-status.ts';
import { type BackoffRecord, nextBackoffRecord, remainingBackoffMs } from './backoff.ts';
import {
  completionIndexOf,
  findCondition,
  hasTrackingFinalizer,
  isIndexedJob,
  isSuspended,
  type JobCondition,
  jobSpec,
  jobStatus,
} from './job-api.ts';
import {
  ensureCondition,
  MESSAGE_BACKOFF_LIMIT,
  MESSAGE_COMPLETIONS,
  MESSAGE_DEADLINE,
  newCondition,
  REASON_BACKOFF_LIMIT,
  REASON_COMPLETIONS,
  REASON_DEADLINE,
} from './job-conditions.ts';
import { type Interval, parseIntervals, withOrderedIndexes, firstPendingIndexes } from './indexes.ts';
import { newJobPod } from './job-pods.ts';

/** `MaxPodCreateDeletePerSync`. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;
/** `syncJobBatchPeriod`: pod events and delayed syncs wait at least this long. */
export const SYNC_JOB_BATCH_PERIOD_MS = 1000;

export interface JobSyncInput {
  readonly job: KubeObject;
  /** The pods the Job controls (after adoption and release). */
  readonly pods: readonly KubeObject[];
  readonly nowMs: number;
  /** The informer has seen every pod this controller created or deleted. */
  readonly expectationsSatisfied: boolean;
  /** UIDs of pods whose finalizer removal was sent but not yet observed. */
  readonly expectedRmFinalizers: ReadonlySet<string>;
  readonly backoff: BackoffRecord;
}

export type JobEvent = {
  readonly type: 'Normal' | 'Warning';
  readonly reason: string;
  readonly message: string;
};

/** Pod writes of the decision phase, in order. */
export type PodWrite =
  | { readonly kind: 'createPod'; readonly pod: KubeObject; readonly index?: number }
  /** `removeFinalizer`: manageJob's deletions drop the finalizer first, so the pod is never counted. */
  | { readonly kind: 'deletePod'; readonly pod: KubeObject; readonly removeFinalizer: boolean };

export interface JobDecision {
  readonly input: JobSyncInput;
  readonly podWrites: readonly PodWrite[];
  /** Events recorded during the decision (Suspended / Resumed). */
  readonly events: readonly JobEvent[];
  /** Pods counted as active, ready and terminating once the pod writes succeed. */
  readonly active: number;
  readonly ready: number;
  readonly terminating: number;
  readonly startTime: string | undefined;
  readonly conditions: readonly JobCondition[];
  readonly suspendChanged: boolean;
  /** The condition the Job is heading for (interim or terminal), if any. */
  readonly finished: JobCondition | undefined;
  /** finished came from deleting the active pods: a failed deletion cancels it this time. */
  readonly finishedByDeletion: boolean;
  readonly prevSucceededIndexes: readonly Interval[];
  readonly succeededIndexes: readonly Interval[];
  readonly newBackoff: BackoffRecord;
  /** Look at the Job again after this long (deadline or pod-failure backoff). */
  readonly requeueAfterMs: number | undefined;
}

function uncountedSets(job: KubeObject) {
  const u = jobStatus(job).uncountedTerminatedPods ?? {};
  return { succeeded: new Set(u.succeeded ?? []), failed: new Set(u.failed ?? []) };
}

/** `isPodFailed`: Failed, or (unless only failed pods are replaced) deleted before succeeding. */
export function isPodFailed(pod: KubeObject, job: KubeObject): boolean {
  if (podPhase(pod) === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!pod.metadata.deletionTimestamp && podPhase(pod) !== 'Succeeded';
}

function onlyReplaceFailedPods(job: KubeObject): boolean {
  const spec = jobSpec(job);
  return spec.podReplacementPolicy === 'Failed' || spec.podFailurePolicy !== undefined;
}

/** `controller.CountTerminatingPods`: being deleted and not yet finished. */
function isTerminating(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return !!pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

/** A pod whose result is not yet counted: it holds the finalizer and is in no uncounted list. */
function uncountedYet(input: JobSyncInput, pod: KubeObject, listed: ReadonlySet<string>): boolean {
  const uid = pod.metadata.uid ?? '';
  if (!hasTrackingFinalizer(pod) || listed.has(uid) || input.expectedRmFinalizers.has(uid)) return false;
  if (!isIndexedJob(input.job)) return true;
  const ix = completionIndexOf(pod);
  return ix >= 0 && ix < (jobSpec(input.job).completions ?? 0);
}

/** `pastBackoffLimitOnFailure`: with OnFailure, container restarts of running pods count. */
function pastBackoffLimitOnFailure(job: KubeObject, pods: readonly KubeObject[]): boolean {
  const spec = jobSpec(job);
  if (spec.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const pod of pods) {
    const phase = podPhase(pod);
    if (phase !== 'Running' && phase !== 'Pending') continue;
    const st = pod.status as { initContainerStatuses?: { restartCount?: number }[] } | undefined;
    const cs = pod.status as { containerStatuses?: { restartCount?: number }[] } | undefined;
    for (const s of [...(st?.initContainerStatuses ?? []), ...(cs?.containerStatuses ?? [])])
      restarts += s.restartCount ?? 0;
  }
  const limit = spec.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

/** `activePodsForRemoval`: for Indexed Jobs, pods without a valid index or with a repeated one first. */
function activePodsForRemoval(
  job: KubeObject,
  pods: readonly KubeObject[],
  atLeast: number,
  nowMs: number,
): KubeObject[] {
  const rm: KubeObject[] = [];
  let left: KubeObject[] = [...pods];
  if (isIndexedJob(job)) {
    const completions = jobSpec(job).completions ?? 0;
    const byIndex = new Map<number, KubeObject[]>();
    left = [];
    for (const p of pods) {
      const ix = completionIndexOf(p);
      if (ix < 0 || ix >= completions) rm.push(p);
      else byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
    }
    for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
      const same = byIndex.get(ix)!;
      // Of pods sharing an index the most useful one stays.
      const extra = same.length > 1 ? getPodsToDelete(same, [], same.length - 1, nowMs) : [];
      rm.push(...extra);
      left.push(...same.filter((p) => !extra.includes(p)));
    }
  }
  if (rm.length < atLeast) rm.push(...getPodsToDelete(left, [], atLeast - rm.length, nowMs));
  return rm;
}

/** Everything syncJob decides before it tracks the status. */
export function decideJob(input: JobSyncInput): JobDecision {
  const { job, pods, nowMs } = input;
  const spec = jobSpec(job);
  const status = jobStatus(job);
  const uncounted = uncountedSets(job);
  const activePods = pods.filter(isPodActive);
  let ready = activePods.filter(isPodReady).length;
  let terminating = pods.filter(isTerminating).length;
  let active = activePods.length;
  const newSucceeded = pods.filter(
    (p) => uncountedYet(input, p, uncounted.succeeded) && podPhase(p) === 'Succeeded',
  );
  const newFailed = pods.filter((p) => uncountedYet(input, p, uncounted.failed) && isPodFailed(p, job));
  let succeeded = (status.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size;
  const failed = (status.failed ?? 0) + newFailed.length + uncounted.failed.size;
  const suspended = isSuspended(job);
  // The first start: not while suspended.
  let startTime = status.startTime ?? (suspended ? undefined : formatTimestamp(nowMs));
  const newBackoff = nextBackoffRecord(input.backoff, newSucceeded, newFailed);
  let requeueAfterMs: number | undefined;
  const requeue = (ms: number) => {
    requeueAfterMs = requeueAfterMs === undefined ? ms : Math.min(requeueAfterMs, ms);
  };

  // Order matters when several criteria hold: an earlier verdict stands, then failures, then success.
  let finished: JobCondition | undefined;
  const successMet = findCondition(job, 'SuccessCriteriaMet');
  if (successMet?.status === 'True') finished = successMet;
  if (!finished) {
    const target = findCondition(job, 'FailureTarget');
    if (target?.status === 'True')
      finished = newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', nowMs);
  }
  if (!finished) {
    const ads = spec.activeDeadlineSeconds;
    const started = startTime !== undefined ? parseTimestamp(startTime) : undefined;
    if (failed > (spec.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) {
      finished = newCondition('FailureTarget', 'True', REASON_BACKOFF_LIMIT, MESSAGE_BACKOFF_LIMIT, nowMs);
    } else if (ads !== undefined && started !== undefined && !suspended && nowMs - started >= ads * 1000) {
      finished = newCondition('FailureTarget', 'True', REASON_DEADLINE, MESSAGE_DEADLINE, nowMs);
    } else if (ads !== undefined && started !== undefined && !suspended) {
      requeue(ads * 1000 - (nowMs - started));
    }
  }

  let prevSucceededIndexes: Interval[] = [];
  let succeededIndexes: Interval[] = [];
  if (isIndexedJob(job)) {
    const completions = spec.completions ?? 0;
    prevSucceededIndexes = parseIntervals(status.completedIndexes, completions);
    const fresh = pods
      .filter((p) => podPhase(p) === 'Succeeded' && hasTrackingFinalizer(p))
      .map(completionIndexOf)
      .filter((ix) => ix >= 0 && ix < completions);
    succeededIndexes = withOrderedIndexes(
      prevSucceededIndexes,
      [...new Set(fresh)].sort((a, b) => a - b),
    );
    succeeded = succeededIndexes.reduce((n, iv) => n + iv.last - iv.first + 1, 0);
  }

  const podWrites: PodWrite[] = [];
  const events: JobEvent[] = [];
  let conditions = [...(status.conditions ?? [])];
  let suspendChanged = false;
  let finishedByDeletion = false;
  if (finished) {
    // deleteActivePods: the finalizers stay, so the pods are counted as failed below.
    for (const pod of activePods) podWrites.push({ kind: 'deletePod', pod, removeFinalizer: false });
    finishedByDeletion = activePods.length > 0;
    active -= activePods.length;
    terminating += activePods.length;
    ready -= activePods.filter(isPodReady).length;
    // Pods not in the cache yet may still hold finalizers: decide again once they are.
    if (!input.expectationsSatisfied) finished = undefined;
  } else {
    let manageCalled = false;
    if (input.expectationsSatisfied && !job.metadata.deletionTimestamp) {
      manageCalled = true;
      const managed = manageJob(input, activePods, succeeded, terminating, newBackoff, succeededIndexes);
      podWrites.push(...managed.writes);
      active = managed.active;
      terminating += managed.deleted;
      ready -= managed.deletedReady;
      if (managed.requeueAfterMs !== undefined) requeue(managed.requeueAfterMs);
    }
    const completions = spec.completions;
    const complete =
      completions === undefined ? succeeded > 0 && active === 0 : succeeded >= completions && active === 0;
    if (complete) {
      finished = newCondition('SuccessCriteriaMet', 'True', REASON_COMPLETIONS, MESSAGE_COMPLETIONS, nowMs);
    } else if (manageCalled) {
      if (suspended) {
        [conditions, suspendChanged] = ensureCondition(
          conditions,
          'Suspended',
          'True',
          'JobSuspended',
          'Job suspended',
          nowMs,
        );
        if (suspendChanged) events.push({ type: 'Normal', reason: 'Suspended', message: 'Job suspended' });
      } else {
        [conditions, suspendChanged] = ensureCondition(
          conditions,
          'Suspended',
          'False',
          'JobResumed',
          'Job resumed',
          nowMs,
        );
        if (suspendChanged) {
          events.push({ type: 'Normal', reason: 'Resumed', message: 'Job resumed' });
          // activeDeadlineSeconds counts time continuously active: it starts again on resume.
          startTime = formatTimestamp(nowMs);
        }
      }
    }
  }
  return {
    input,
    podWrites,
    events,
    active,
    ready,
    terminating,
    startTime,
    conditions,
    suspendChanged,
    finished,
    finishedByDeletion,
    prevSucceededIndexes,
    succeededIndexes,
    newBackoff,
    requeueAfterMs,
  };
}

interface ManageResult {
  readonly writes: PodWrite[];
  readonly active: number;
  readonly deleted: number;
  readonly deletedReady: number;
  readonly requeueAfterMs?: number;
}

/** `manageJob`: the pods to delete (suspended, too many) or to create (too few, after backoff). */
function manageJob(
  input: JobSyncInput,
  activePods: readonly KubeObject[],
  succeeded: number,
  terminating: number,
  backoff: BackoffRecord,
  succeededIndexes: readonly Interval[],
): ManageResult {
  const { job, nowMs } = input;
  const spec = jobSpec(job);
  const active = activePods.length;
  const deleting = (pods: readonly KubeObject[]): ManageResult => ({
    writes: pods.map((pod) => ({ kind: 'deletePod', pod, removeFinalizer: true })),
    active: active - pods.length,
    deleted: pods.length,
    deletedReady: pods.filter(isPodReady).length,
  });
  if (isSuspended(job)) return deleting(activePodsForRemoval(job, activePods, active, nowMs));

  const parallelism = spec.parallelism ?? 1;
  let wantActive: number;
  if (spec.completions === undefined) {
    // Without completions any success means the work is done: leave what runs, running.
    wantActive = succeeded > 0 ? active : parallelism;
  } else {
    wantActive = Math.max(0, Math.min(spec.completions - succeeded, parallelism));
  }
  const toDelete = activePodsForRemoval(job, activePods, Math.max(0, active - wantActive), nowMs);
  // Deletions take precedence: a sync either deletes or creates, never both.
  if (toDelete.length > 0) return deleting(toDelete.slice(0, MAX_POD_CREATE_DELETE_PER_SYNC));

  const waitingFor = onlyReplaceFailedPods(job) ? terminating : 0;
  let diff = wantActive - waitingFor - active;
  if (diff <= 0) return { writes: [], active, deleted: 0, deletedReady: 0 };
  const remaining = remainingBackoffMs(backoff, nowMs);
  if (remaining > 0) {
    // Upstream reports no active pods while the replacement waits out its backoff.
    return {
      writes: [],
      active: 0,
      deleted: 0,
      deletedReady: 0,
      requeueAfterMs: Math.max(remaining, SYNC_JOB_BATCH_PERIOD_MS),
    };
  }
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  const writes: PodWrite[] = [];
  if (isIndexedJob(job)) {
    const indexes = firstPendingIndexes(
      activePods.map(completionIndexOf),
      succeededIndexes,
      diff,
      spec.completions ?? 0,
    );
    for (const index of indexes) writes.push({ kind: 'createPod', pod: newJobPod(job, index), index });
  } else {
    for (let i = 0; i < diff; i++) writes.push({ kind: 'createPod', pod: newJobPod(job) });
  }
  return { writes, active: active + writes.length, deleted: 0, deletedReady: 0 };
}
