/**
 * The batch/v1 CronJob fields the cronjob controller reads and writes, and the Job it makes
 * from `spec.jobTemplate` (`utils.go` getJobFromTemplate2, getJobName).
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { controllerRefFor } from '../replicaset/controller-ref.ts';
import type { CronTimes } from './schedule-times.ts';

/** `batchv1.CronJobScheduledTimestampAnnotation`: the slot a Job was created for, in the CronJob's zone. */
export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';

export interface JobReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
}

export interface CronJobStatus {
  active?: JobReference[];
  lastScheduleTime?: string;
  lastSuccessfulTime?: string;
}

export interface CronJobSpec {
  schedule?: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: string;
  suspend?: boolean;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
  jobTemplate?: {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: Record<string, unknown>;
  };
}

export function cronJobSpec(cj: KubeObject): CronJobSpec {
  return (cj.spec as CronJobSpec | undefined) ?? {};
}

export function cronJobStatus(cj: KubeObject): CronJobStatus {
  return (cj.status as CronJobStatus | undefined) ?? {};
}

export function cronTimes(cj: KubeObject): CronTimes {
  const last = cronJobStatus(cj).lastScheduleTime;
  return {
    creationMs: parseTimestamp(cj.metadata.creationTimestamp ?? '1970-01-01T00:00:00Z'),
    lastScheduleMs: last ? parseTimestamp(last) : undefined,
    startingDeadlineSeconds: cronJobSpec(cj).startingDeadlineSeconds,
  };
}

/** `getJobName`: the slot in minutes since the epoch, so one slot never makes two Jobs. */
export function jobNameFor(cj: KubeObject, scheduledMs: number): string {
  return `${cj.metadata.name ?? ''}-${Math.floor(scheduledMs / 60_000)}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Go's `t.In(zone).Format(time.RFC3339)`: local wall time with `Z` or a `±hh:mm` offset. */
export function rfc3339InZone(ms: number, timeZone: string | undefined): string {
  const zone = timeZone ?? 'UTC';
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  const offsetMin = Math.round((wall - (ms - (ms % 1000))) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  const offset = offsetMin === 0 ? 'Z' : `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  const date = `${String(get('year')).padStart(4, '0')}-${pad(get('month'))}-${pad(get('day'))}`;
  return `${date}T${pad(get('hour'))}:${pad(get('minute'))}:${pad(get('second'))}${offset}`;
}

/**
 * `getJobFromTemplate2`: the template's labels and annotations (plus the scheduled-time
 * annotation), a deterministic name, the CronJob as controller, and a copy of the Job spec.
 */
export function jobFromTemplate(cj: KubeObject, scheduledMs: number): KubeObject {
  const template = cronJobSpec(cj).jobTemplate ?? {};
  const labels = { ...(template.metadata?.labels ?? {}) };
  const annotations = {
    ...(template.metadata?.annotations ?? {}),
    [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339InZone(scheduledMs, cronJobSpec(cj).timeZone),
  };
  const owner: OwnerReference = controllerRefFor({ ...cj, apiVersion: 'batch/v1', kind: 'CronJob' });
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobNameFor(cj, scheduledMs),
      namespace: cj.metadata.namespace ?? 'default',
      ...(Object.keys(labels).length > 0 ? { labels } : {}),
      annotations,
      ownerReferences: [owner],
    },
    spec: JSON.parse(JSON.stringify(template.spec ?? {})) as Record<string, unknown>,
  };
}

/** `getRef`: the reference status.active keeps to a Job. */
export function jobReference(job: KubeObject): JobReference {
  return {
    kind: 'Job',
    namespace: job.metadata.namespace ?? '',
    name: job.metadata.name ?? '',
    uid: job.metadata.uid ?? '',
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata.resourceVersion ?? '',
  };
}
