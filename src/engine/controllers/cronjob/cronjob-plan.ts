/**
 * The cronjob controller's decisions for one CronJob (`cronjob_controllerv2.go`
 * cleanupFinishedJobs + syncCronJob), as an ordered list of writes. Pure: the shell feeds it
 * the cached CronJob, the Jobs that name it as controller, and the answers to the reads the
 * real controller makes against the API server, and performs the steps in order.
 */
import type { KubeObject } from '../../api/types.ts';
import { formatRFC1123Z, formatTimestamp, parseTimestamp } from '../../time/clock.ts';
import { findCondition, isJobFinished, jobStatus } from '../job/job-api.ts';
import {
  cronJobSpec,
  cronJobStatus,
  cronTimes,
  jobFromTemplate,
  jobNameFor,
  type CronJobStatus,
  type JobReference,
} from './cronjob-api.ts';
import { effectiveSchedule, knownTimeZone, parseStandard } from './schedule.ts';
import { nextScheduleDelayMs, nextScheduleTime } from './schedule-times.ts';

export type CronStep =
  | {
      readonly kind: 'event';
      readonly type: 'Normal' | 'Warning';
      readonly reason: string;
      readonly message: string;
    }
  | { readonly kind: 'deleteJob'; readonly name: string; readonly uid: string }
  | { readonly kind: 'createJob'; readonly job: KubeObject }
  /** Replaces status; with `addCreated`, the shell first appends the created Job's reference to active. */
  | { readonly kind: 'updateStatus'; readonly status: CronJobStatus; readonly addCreated: boolean };

export interface CronPlan {
  readonly steps: readonly CronStep[];
  /** When to sync again (the next schedule time plus 100ms); undefined: only on a change. */
  readonly requeueAfterMs: number | undefined;
}

export interface CronInputs {
  readonly cronJob: KubeObject;
  /** Jobs in the namespace whose controller reference names this CronJob. */
  readonly jobs: readonly KubeObject[];
  readonly nowMs: number;
  /** Names of active Jobs missing from the cache that the API server still has. */
  readonly activeFoundInApi?: ReadonlySet<string>;
}

/** `byJobStartTime`: started Jobs first, oldest first, names breaking ties. */
function byStartTime(a: KubeObject, b: KubeObject): number {
  const sa = jobStatus(a).startTime;
  const sb = jobStatus(b).startTime;
  if (sa === undefined || sb === undefined) return sa === sb ? 0 : sa === undefined ? 1 : -1;
  const d = parseTimestamp(sa) - parseTimestamp(sb);
  if (d !== 0) return d;
  const [na, nb] = [a.metadata.name ?? '', b.metadata.name ?? ''];
  return na < nb ? -1 : na > nb ? 1 : 0;
}

const finishedType = (job: KubeObject): 'Complete' | 'Failed' | undefined =>
  findCondition(job, 'Complete')?.status === 'True'
    ? 'Complete'
    : findCondition(job, 'Failed')?.status === 'True'
      ? 'Failed'
      : undefined;

export function planCronJob(inputs: CronInputs): CronPlan {
  const { cronJob: cj, jobs, nowMs } = inputs;
  const spec = cronJobSpec(cj);
  const steps: CronStep[] = [];
  const event = (type: 'Normal' | 'Warning', reason: string, message: string) =>
    steps.push({ kind: 'event', type, reason, message });
  const status = JSON.parse(JSON.stringify(cronJobStatus(cj))) as CronJobStatus;
  let active: JobReference[] = status.active ?? [];
  let update = false;
  const removeActive = (uid: string) => (active = active.filter((r) => r.uid !== uid));
  const deleteJob = (job: KubeObject) => {
    steps.push({ kind: 'deleteJob', name: job.metadata.name ?? '', uid: job.metadata.uid ?? '' });
    removeActive(job.metadata.uid ?? '');
    event('Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name ?? ''}`);
    update = true;
  };
  const finish = (requeueAfterMs: number | undefined, created?: KubeObject): CronPlan => {
    if (created) steps.push({ kind: 'createJob', job: created });
    if (update || created) {
      const next: CronJobStatus = { ...status };
      if (active.length > 0) next.active = active;
      else delete next.active;
      steps.push({ kind: 'updateStatus', status: next, addCreated: created !== undefined });
    }
    return { steps, requeueAfterMs };
  };

  // cleanupFinishedJobs: keep the newest N finished Jobs of each outcome.
  for (const [outcome, limit] of [
    ['Complete', spec.successfulJobsHistoryLimit],
    ['Failed', spec.failedJobsHistoryLimit],
  ] as const) {
    if (limit === undefined) continue;
    const finished = jobs.filter((j) => finishedType(j) === outcome).sort(byStartTime);
    for (const job of finished.slice(0, Math.max(0, finished.length - limit))) deleteJob(job);
  }

  // Reconcile status.active with the Jobs that exist.
  for (const job of jobs) {
    const uid = job.metadata.uid ?? '';
    const found = active.some((r) => r.uid === uid);
    if (!found && !isJobFinished(job)) {
      event(
        'Warning',
        'UnexpectedJob',
        `Saw a job that the controller did not create or forgot: ${job.metadata.name ?? ''}`,
      );
    } else if (isJobFinished(job)) {
      if (found) {
        removeActive(uid);
        event(
          'Normal',
          'SawCompletedJob',
          `Saw completed job: ${job.metadata.name ?? ''}, condition: ${finishedType(job) ?? ''}`,
        );
        update = true;
      }
      const completed = jobStatus(job).completionTime;
      if (finishedType(job) === 'Complete' && completed !== undefined) {
        const last = status.lastSuccessfulTime;
        if (last === undefined || parseTimestamp(completed) > parseTimestamp(last)) {
          status.lastSuccessfulTime = completed;
          update = true;
        }
      }
    }
  }
  const listed = new Set(jobs.map((j) => j.metadata.uid ?? ''));
  for (const ref of [...active]) {
    if (listed.has(ref.uid ?? '') || inputs.activeFoundInApi?.has(ref.name ?? '')) continue;
    event('Normal', 'MissingJob', `Active job went missing: ${ref.name ?? ''}`);
    removeActive(ref.uid ?? '');
    update = true;
  }

  if (cj.metadata.deletionTimestamp !== undefined) return finish(undefined);
  if (spec.timeZone !== undefined && !knownTimeZone(spec.timeZone)) {
    event(
      'Warning',
      'UnknownTimeZone',
      `invalid timeZone: "${spec.timeZone}": unknown time zone ${spec.timeZone}`,
    );
    return finish(undefined);
  }
  if (spec.suspend === true) return finish(undefined);

  const text = spec.schedule ?? '';
  if (text.includes('TZ')) {
    event(
      'Warning',
      'UnsupportedSchedule',
      `CRON_TZ or TZ used in schedule "${text}" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
    );
  }
  const schedule = parseStandard(effectiveSchedule(text, spec.timeZone));
  if ('error' in schedule) {
    event('Warning', 'UnparseableSchedule', `unparseable schedule: "${text}" : ${schedule.error}`);
    return finish(undefined);
  }
  const times = cronTimes(cj);
  const due = nextScheduleTime(times, nowMs, schedule);
  if (due.tooMany) {
    event(
      'Warning',
      'TooManyMissedTimes',
      'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    );
  }
  if (due.error !== undefined) {
    event('Warning', 'InvalidSchedule', `invalid schedule: ${text} : ${due.error}`);
    return finish(undefined);
  }
  const requeue = () => nextScheduleDelayMs(times, nowMs, schedule);
  if (due.time === undefined) return finish(requeue());
  const scheduled = due.time;
  const deadline = spec.startingDeadlineSeconds;
  if (deadline !== undefined && scheduled + deadline * 1000 < nowMs) {
    event('Warning', 'MissSchedule', `Missed scheduled time to start a job: ${formatRFC1123Z(scheduled)}`);
    return finish(requeue());
  }
  const name = jobNameFor(cj, scheduled);
  const last = status.lastScheduleTime;
  if (active.some((r) => r.name === name) || (last !== undefined && parseTimestamp(last) === scheduled)) {
    return finish(requeue());
  }
  if (spec.concurrencyPolicy === 'Forbid' && active.length > 0) {
    event(
      'Normal',
      'JobAlreadyActive',
      'Not starting job because prior execution is running and concurrency policy is Forbid',
    );
    return finish(requeue());
  }
  if (spec.concurrencyPolicy === 'Replace') {
    for (const ref of [...active]) {
      deleteJob({ metadata: { name: ref.name ?? '', uid: ref.uid ?? '' } } as KubeObject);
    }
  }
  status.lastScheduleTime = formatTimestamp(scheduled);
  // The next requeue counts from the slot just taken, as Go's does after setting lastScheduleTime.
  const after = nextScheduleDelayMs({ ...times, lastScheduleMs: scheduled }, nowMs, schedule);
  return finish(after, jobFromTemplate(cj, scheduled));
}
