/**
 * `trackJobStatusAndRemoveFinalizers`, pure: a finished pod is first listed in
 * `.status.uncountedTerminatedPods`, then its tracking finalizer is removed, then it moves
 * from the list into the succeeded/failed counters. So a pod is counted exactly once, even
 * if the controller stops between the writes. The terminal condition (Complete or Failed)
 * waits until nothing is uncounted and no pod is terminating.
 */
import type { KubeObject } from '../../api/types.ts';
import { podPhase } from '../replicaset/pod-status.ts';
import type { BackoffRecord } from './backoff.ts';
import {
  completionIndexOf,
  findCondition,
  hasTrackingFinalizer,
  isIndexedJob,
  isJobFinished,
  type JobCondition,
  jobSpec,
  type JobStatus,
  jobStatus,
} from './job-api.ts';
import { ensureCondition, newCondition } from './job-conditions.ts';
import {
  decideJob,
  isPodFailed,
  type JobDecision,
  type JobEvent,
  type JobSyncInput,
  type PodWrite,
} from './job-plan.ts';
import { formatIntervals, hasIndex, totalIndexes, withOrderedIndexes } from './indexes.ts';

/** `MaxUncountedPods`: keeps the uncounted UID lists small; the rest waits for the next sync. */
export const MAX_UNCOUNTED_PODS = 500;

export type JobWrite =
  | PodWrite
  | { readonly kind: 'updateStatus'; readonly status: JobStatus }
  | { readonly kind: 'removeFinalizer'; readonly pod: KubeObject }
  | ({ readonly kind: 'event' } & JobEvent);

export interface JobPlan {
  readonly writes: readonly JobWrite[];
  /** Remember this backoff record (upstream stores it with the first status flush). */
  readonly backoff: BackoffRecord | undefined;
  readonly requeueAfterMs: number | undefined;
}

/** What happened to the decision's pod writes. */
export interface PodWriteOutcome {
  readonly createsFailed: number;
  readonly deletesFailed: number;
}

const ALL_SUCCEEDED: PodWriteOutcome = { createsFailed: 0, deletesFailed: 0 };

/** The status as Go serialises it: zero counters and empty lists are omitted. */
function serialise(s: JobStatus): JobStatus {
  const out: JobStatus = {};
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  if (s.terminating !== undefined) out.terminating = s.terminating;
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes;
  const u = s.uncountedTerminatedPods ?? {};
  out.uncountedTerminatedPods = {
    ...(u.succeeded?.length ? { succeeded: [...u.succeeded] } : {}),
    ...(u.failed?.length ? { failed: [...u.failed] } : {}),
  };
  if (s.ready !== undefined) out.ready = s.ready;
  return out;
}

/** `cleanUncountedPodsWithoutFinalizers`: listed pods whose finalizer is gone move to the counters. */
function cleanUncounted(s: JobStatus, withFinalizer: ReadonlySet<string>): boolean {
  const u = s.uncountedTerminatedPods!;
  let changed = false;
  const keepS = (u.succeeded ?? []).filter((uid) => withFinalizer.has(uid));
  if (keepS.length !== (u.succeeded ?? []).length) {
    changed = true;
    s.succeeded = (s.succeeded ?? 0) + (u.succeeded ?? []).length - keepS.length;
    u.succeeded = keepS;
  }
  const keepF = (u.failed ?? []).filter((uid) => withFinalizer.has(uid));
  if (keepF.length !== (u.failed ?? []).length) {
    changed = true;
    s.failed = (s.failed ?? 0) + (u.failed ?? []).length - keepF.length;
    u.failed = keepF;
  }
  return changed;
}

/** The status writes and finalizer removals after the decision's pod writes had `outcome`. */
export function planTracking(d: JobDecision, outcome: PodWriteOutcome = ALL_SUCCEEDED): JobPlan {
  const { job, pods, nowMs } = d.input;
  const old = jobStatus(job);
  const indexed = isIndexedJob(job);
  const completions = jobSpec(job).completions ?? 0;
  let finished: JobCondition | undefined = d.finished;
  if (d.finishedByDeletion && outcome.deletesFailed > 0) finished = undefined;
  const active = d.active - outcome.createsFailed + outcome.deletesFailed;
  const terminating = d.terminating - outcome.deletesFailed;

  const s: JobStatus = {
    ...old,
    conditions: [...d.conditions],
    active,
    ready: d.ready,
    terminating,
    uncountedTerminatedPods: {
      succeeded: [...(old.uncountedTerminatedPods?.succeeded ?? [])],
      failed: [...(old.uncountedTerminatedPods?.failed ?? [])],
    },
  };
  if (d.startTime !== undefined) s.startTime = d.startTime;
  const writes: JobWrite[] = [];
  let needsFlush =
    d.suspendChanged ||
    active !== (old.active ?? 0) ||
    d.ready !== old.ready ||
    terminating !== old.terminating;

  const counted = {
    succeeded: new Set(old.uncountedTerminatedPods?.succeeded ?? []),
    failed: new Set(old.uncountedTerminatedPods?.failed ?? []),
  };
  const sorted = indexed ? [...pods].sort((a, b) => completionIndexOf(a) - completionIndexOf(b)) : [...pods];
  const withFinalizer = new Set(
    sorted
      .filter((p) => hasTrackingFinalizer(p) && !d.input.expectedRmFinalizers.has(p.metadata.uid ?? ''))
      .map((p) => p.metadata.uid ?? ''),
  );
  if (cleanUncounted(s, withFinalizer)) needsFlush = true;
  const u = s.uncountedTerminatedPods!;
  const toRemove: KubeObject[] = [];
  const newIndexes: number[] = [];
  let reachedMax = false;
  for (const pod of sorted) {
    const uid = pod.metadata.uid ?? '';
    if (!hasTrackingFinalizer(pod) || d.input.expectedRmFinalizers.has(uid)) continue;
    const failed = isPodFailed(pod, job);
    // canRemoveFinalizer: the Job is ending or the pod has finished.
    if (!(job.metadata.deletionTimestamp || finished || podPhase(pod) === 'Succeeded' || failed)) continue;
    toRemove.push(pod);
    const ix = completionIndexOf(pod);
    if (podPhase(pod) === 'Succeeded' && !counted.failed.has(uid)) {
      if (indexed) {
        // The index itself records the success; no UID needed.
        if (ix >= 0 && ix < completions && !hasIndex(d.prevSucceededIndexes, ix)) {
          newIndexes.push(ix);
          needsFlush = true;
        }
      } else if (!counted.succeeded.has(uid)) {
        u.succeeded = [...(u.succeeded ?? []), uid];
        needsFlush = true;
      }
    } else if (failed || (finished && finished.type !== 'SuccessCriteriaMet')) {
      // Once the Job fails, every pod not yet finished counts as failed.
      if (!counted.failed.has(uid) && (!indexed || (ix >= 0 && ix < completions))) {
        u.failed = [...(u.failed ?? []), uid];
        needsFlush = true;
      }
    }
    if (newIndexes.length + (u.succeeded ?? []).length + (u.failed ?? []).length >= MAX_UNCOUNTED_PODS) {
      reachedMax = true;
      break;
    }
  }
  if (indexed) {
    const all = withOrderedIndexes(
      d.succeededIndexes,
      [...newIndexes].sort((a, b) => a - b),
    );
    const text = formatIntervals(all);
    if (text !== (old.completedIndexes ?? '')) needsFlush = true;
    s.succeeded = totalIndexes(all);
    s.completedIndexes = text;
  }
  if (finished?.type === 'FailureTarget') {
    s.conditions = [...(s.conditions ?? []), finished];
    needsFlush = true;
    finished = newCondition('Failed', 'True', finished.reason ?? '', finished.message ?? '', nowMs);
  }
  if (finished?.type === 'SuccessCriteriaMet') {
    if (findCondition(job, 'SuccessCriteriaMet')?.status !== 'True') {
      s.conditions = [...(s.conditions ?? []), finished];
      needsFlush = true;
    }
    finished = newCondition('Complete', 'True', finished.reason ?? '', finished.message ?? '', nowMs);
  }

  let backoff: BackoffRecord | undefined;
  if (needsFlush) {
    writes.push({ kind: 'updateStatus', status: serialise(s) });
    backoff = d.newBackoff;
    needsFlush = false;
  }
  for (const pod of toRemove) {
    writes.push({ kind: 'removeFinalizer', pod });
    withFinalizer.delete(pod.metadata.uid ?? '');
  }
  if (cleanUncounted(s, withFinalizer)) needsFlush = true;

  // enactJobFinished: only with nothing left uncounted and no pod still terminating.
  let jobFinished = false;
  const uncountedLeft = (u.succeeded ?? []).length + (u.failed ?? []).length;
  if (!reachedMax && finished && uncountedLeft === 0 && terminating <= 0) {
    [s.conditions] = ensureCondition(
      s.conditions ?? [],
      finished.type,
      finished.status,
      finished.reason ?? '',
      finished.message ?? '',
      nowMs,
    );
    if (finished.type === 'Complete') s.completionTime = finished.lastTransitionTime;
    jobFinished = true;
    needsFlush = true;
  }
  if (needsFlush) {
    writes.push({ kind: 'updateStatus', status: serialise(s) });
    if (jobFinished && finished) writes.push(...finishEvents(job, s, finished));
  }
  return { writes, backoff, requeueAfterMs: d.requeueAfterMs };
}

/** `recordJobFinished`. */
function finishEvents(job: KubeObject, s: JobStatus, finished: JobCondition): JobWrite[] {
  if (finished.type !== 'Complete')
    return [
      { kind: 'event', type: 'Warning', reason: finished.reason ?? '', message: finished.message ?? '' },
    ];
  const out: JobWrite[] = [];
  const completions = jobSpec(job).completions;
  if (completions !== undefined && (s.succeeded ?? 0) > completions)
    out.push({
      kind: 'event',
      type: 'Warning',
      reason: 'TooManySucceededPods',
      message: 'Too many succeeded pods running after completion count reached',
    });
  out.push({ kind: 'event', type: 'Normal', reason: 'Completed', message: 'Job completed' });
  return out;
}

/** One whole sync, assuming every write succeeds: the decision's writes, then the tracking. */
export function planJobSync(input: JobSyncInput): JobPlan {
  // A finished Job is never looked at again.
  if (isJobFinished(input.job)) return { writes: [], backoff: undefined, requeueAfterMs: undefined };
  const d = decideJob(input);
  const tracking = planTracking(d);
  return {
    writes: [...d.podWrites, ...d.events.map((e): JobWrite => ({ kind: 'event', ...e })), ...tracking.writes],
    backoff: tracking.backoff,
    requeueAfterMs: tracking.requeueAfterMs,
  };
}
