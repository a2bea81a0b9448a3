import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { SCHEDULED_TIMESTAMP_ANNOTATION, rfc3339InZone, type JobReference } from './cronjob-api.ts';
import { planCronJob, type CronPlan } from './cronjob-plan.ts';
import { parseStandard, type Schedule } from './schedule.ts';
import { mostRecentScheduleTime } from './schedule-times.ts';

const MIN = 60_000;
/** 2025-01-01T00:00:00Z, minute 28928160 since the epoch. */
const T0 = parseTimestamp('2025-01-01T00:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function cronJob(spec: Record<string, unknown> = {}, status: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default', uid: 'cj-uid', creationTimestamp: iso(T0 - 30_000) },
    spec: {
      schedule: '*/1 * * * *',
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        metadata: { labels: { app: 'hello' } },
        spec: {
          template: {
            spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox' }] },
          },
        },
      },
      ...spec,
    },
    status,
  };
}

function job(minute: number, outcome?: 'Complete' | 'Failed'): KubeObject {
  const start = T0 + minute * MIN;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: `hello-${28928160 + minute}`,
      namespace: 'default',
      uid: `job-${minute}`,
      ownerReferences: [
        { apiVersion: 'batch/v1', kind: 'CronJob', name: 'hello', uid: 'cj-uid', controller: true },
      ],
    },
    status: {
      startTime: iso(start),
      ...(outcome
        ? {
            conditions: [{ type: outcome, status: 'True' }],
            ...(outcome === 'Complete' ? { completionTime: iso(start + 5000) } : {}),
          }
        : {}),
    },
  };
}

const ref = (minute: number): JobReference => ({
  kind: 'Job',
  namespace: 'default',
  name: `hello-${28928160 + minute}`,
  uid: `job-${minute}`,
  apiVersion: 'batch/v1',
  resourceVersion: '7',
});

/** The plan as `<write> <what>` lines, events included. */
function writes(plan: CronPlan): string[] {
  return plan.steps.map((s) => {
    switch (s.kind) {
      case 'event':
        return `event ${s.type} ${s.reason}: ${s.message}`;
      case 'deleteJob':
        return `delete job ${s.name}`;
      case 'createJob':
        return `create job ${s.job.metadata.name ?? ''}`;
      case 'updateStatus':
        return `status ${JSON.stringify(s.status)}${s.addCreated ? ' +created' : ''}`;
    }
  });
}

describe('planCronJob', () => {
  it('creates the Job of a due slot from the template and requeues for the next slot', () => {
    const plan = planCronJob({ cronJob: cronJob(), jobs: [], nowMs: T0 + 100 });
    expect(writes(plan)).toEqual([
      'create job hello-28928160',
      'status {"lastScheduleTime":"2025-01-01T00:00:00Z"} +created',
    ]);
    const created = plan.steps.find((s) => s.kind === 'createJob');
    expect(created?.kind === 'createJob' && created.job).toEqual({
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name: 'hello-28928160',
        namespace: 'default',
        labels: { app: 'hello' },
        annotations: { [SCHEDULED_TIMESTAMP_ANNOTATION]: '2025-01-01T00:00:00Z' },
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: 'hello',
            uid: 'cj-uid',
            controller: true,
            blockOwnerDeletion: true,
          },
        ],
      },
      spec: {
        template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'hello', image: 'busybox' }] } },
      },
    });
    expect(plan.requeueAfterMs).toBe(MIN);
  });

  it('writes nothing once the slot is taken, and wakes at the next one', () => {
    const cj = cronJob({}, { active: [ref(0)], lastScheduleTime: iso(T0) });
    const plan = planCronJob({ cronJob: cj, jobs: [job(0)], nowMs: T0 + 200 });
    expect(writes(plan)).toEqual([]);
    expect(plan.requeueAfterMs).toBe(MIN - 100);
  });

  it('waits when nothing is due yet', () => {
    const plan = planCronJob({ cronJob: cronJob(), jobs: [], nowMs: T0 - 20_000 });
    expect(writes(plan)).toEqual([]);
    expect(plan.requeueAfterMs).toBe(20_100);
  });

  it('notes a finished active Job and its completion time', () => {
    const cj = cronJob({}, { active: [ref(0)], lastScheduleTime: iso(T0) });
    const plan = planCronJob({ cronJob: cj, jobs: [job(0, 'Complete')], nowMs: T0 + 10_000 });
    expect(writes(plan)).toEqual([
      'event Normal SawCompletedJob: Saw completed job: hello-28928160, condition: Complete',
      'status {"lastScheduleTime":"2025-01-01T00:00:00Z","lastSuccessfulTime":"2025-01-01T00:00:05Z"}',
    ]);
  });

  it('deletes the oldest finished Jobs past each history limit', () => {
    const cj = cronJob(
      {},
      { lastScheduleTime: iso(T0 + 4 * MIN), lastSuccessfulTime: iso(T0 + 3 * MIN + 5000) },
    );
    const jobs = [
      job(3, 'Complete'),
      job(0, 'Complete'),
      job(1, 'Failed'),
      job(2, 'Complete'),
      job(4, 'Failed'),
    ];
    jobs.push(job(1.5, 'Complete'));
    const plan = planCronJob({ cronJob: cj, jobs, nowMs: T0 + 4 * MIN + 30_000 });
    expect(writes(plan)).toEqual([
      'delete job hello-28928160',
      'event Normal SuccessfulDelete: Deleted job hello-28928160',
      'delete job hello-28928161',
      'event Normal SuccessfulDelete: Deleted job hello-28928161',
      `status {"lastScheduleTime":"2025-01-01T00:04:00Z","lastSuccessfulTime":"2025-01-01T00:03:05Z"}`,
    ]);
  });

  it('Forbid skips a slot while a Job runs; Replace deletes the running one first', () => {
    const status = { active: [ref(0)], lastScheduleTime: iso(T0) };
    const forbid = planCronJob({
      cronJob: cronJob({ concurrencyPolicy: 'Forbid' }, status),
      jobs: [job(0)],
      nowMs: T0 + MIN + 100,
    });
    expect(writes(forbid)).toEqual([
      'event Normal JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid',
    ]);
    expect(forbid.requeueAfterMs).toBe(MIN);
    const replace = planCronJob({
      cronJob: cronJob({ concurrencyPolicy: 'Replace' }, status),
      jobs: [job(0)],
      nowMs: T0 + MIN + 100,
    });
    expect(writes(replace)).toEqual([
      'delete job hello-28928160',
      'event Normal SuccessfulDelete: Deleted job hello-28928160',
      'create job hello-28928161',
      'status {"lastScheduleTime":"2025-01-01T00:01:00Z"} +created',
    ]);
    const allow = planCronJob({ cronJob: cronJob({}, status), jobs: [job(0)], nowMs: T0 + MIN + 100 });
    expect(writes(allow)).toEqual([
      'create job hello-28928161',
      `status {"active":[${JSON.stringify(ref(0))}],"lastScheduleTime":"2025-01-01T00:01:00Z"} +created`,
    ]);
  });

  it('a suspended CronJob creates nothing and is not requeued', () => {
    const plan = planCronJob({ cronJob: cronJob({ suspend: true }), jobs: [], nowMs: T0 + 5 * MIN });
    expect(writes(plan)).toEqual([]);
    expect(plan.requeueAfterMs).toBeUndefined();
  });

  it('past startingDeadlineSeconds a slot is skipped, not run late', () => {
    // The deadline moves the earliest time considered to now - 10s, so the slot at 00:00 is
    // never offered (the controller's MissSchedule check then has nothing to see).
    const cj = cronJob({ schedule: '0 * * * *', startingDeadlineSeconds: 10 });
    const late = planCronJob({ cronJob: cj, jobs: [], nowMs: T0 + 30_000 });
    expect(writes(late)).toEqual([]);
    expect(late.requeueAfterMs).toBe(60 * MIN - 30_000 + 100);
    const plan = planCronJob({ cronJob: cj, jobs: [], nowMs: T0 + 5_000 });
    expect(writes(plan)).toEqual([
      'create job hello-28928160',
      'status {"lastScheduleTime":"2025-01-01T00:00:00Z"} +created',
    ]);
    expect(plan.requeueAfterMs).toBe(60 * MIN - 5_000 + 100);
  });

  it('after more than 100 missed times it warns, then still runs the latest', () => {
    const cj = cronJob({}, { lastScheduleTime: iso(T0 - 200 * MIN) });
    const plan = planCronJob({ cronJob: cj, jobs: [], nowMs: T0 + 100 });
    expect(writes(plan)).toEqual([
      'event Warning TooManyMissedTimes: too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      'create job hello-28928160',
      'status {"lastScheduleTime":"2025-01-01T00:00:00Z"} +created',
    ]);
  });

  it('drops an active Job that no longer exists', () => {
    const cj = cronJob({}, { active: [ref(0)], lastScheduleTime: iso(T0) });
    const plan = planCronJob({ cronJob: cj, jobs: [], nowMs: T0 + 200 });
    expect(writes(plan)).toEqual([
      'event Normal MissingJob: Active job went missing: hello-28928160',
      'status {"lastScheduleTime":"2025-01-01T00:00:00Z"}',
    ]);
    const still = planCronJob({
      cronJob: cj,
      jobs: [],
      nowMs: T0 + 200,
      activeFoundInApi: new Set([ref(0).name!]),
    });
    expect(writes(still)).toEqual([]);
  });

  it('an impossible date is reported as an invalid schedule', () => {
    const plan = planCronJob({ cronJob: cronJob({ schedule: '59 23 31 2 *' }), jobs: [], nowMs: T0 });
    expect(writes(plan)).toEqual([
      'event Warning InvalidSchedule: invalid schedule: 59 23 31 2 * : time difference between two schedules is less than 1 second',
    ]);
    expect(plan.requeueAfterMs).toBeUndefined();
  });

  it('schedules in spec.timeZone and stamps the slot in that zone', () => {
    const cj = cronJob({ schedule: '0 9 * * *', timeZone: 'Asia/Tokyo' });
    const plan = planCronJob({ cronJob: cj, jobs: [], nowMs: T0 + 100 });
    const created = plan.steps.find((s) => s.kind === 'createJob');
    expect(created?.kind === 'createJob' && created.job.metadata.annotations).toEqual({
      [SCHEDULED_TIMESTAMP_ANNOTATION]: '2025-01-01T09:00:00+09:00',
    });
  });
});

describe('schedule', () => {
  const next = (s: Schedule | { error: string }, from: number) => ('error' in s ? s.error : s.next(from));
  it('follows robfig: strictly after, descriptors, @every, day fields OR-ed', () => {
    expect(next(parseStandard('*/1 * * * *'), T0)).toBe(T0 + MIN);
    expect(next(parseStandard('@hourly'), T0 + 1)).toBe(T0 + 60 * MIN);
    expect(next(parseStandard('@every 90s'), T0 + 500)).toBe(T0 + 90_000);
    // 2025-01-01 is a Wednesday: the 3rd (day 3) comes before Monday the 6th.
    expect(next(parseStandard('0 0 3 * 1'), T0 + 1)).toBe(T0 + 2 * 24 * 60 * MIN);
    expect(next(parseStandard('TZ=Asia/Tokyo 0 9 * * *'), T0 + 1)).toBe(T0 + 24 * 60 * MIN);
    expect(next(parseStandard('* * * *'), T0)).toBe('expected exactly 5 fields, found 4: [* * * *]');
    expect(next(parseStandard('TZ=Nowhere/Land * * * * *'), T0)).toBe(
      'provided bad location Nowhere/Land: unknown time zone Nowhere/Land',
    );
  });
  it('estimates missed times from the gap between two slots', () => {
    const s = parseStandard('*/5 * * * *') as Schedule;
    const r = mostRecentScheduleTime(
      { creationMs: T0, lastScheduleMs: undefined, startingDeadlineSeconds: undefined },
      T0 + 23 * MIN,
      s,
      false,
    );
    expect(r).toEqual({ earliest: T0, mostRecent: T0 + 20 * MIN, missed: 'few' });
  });
  it('formats RFC 3339 in a zone', () => {
    expect(rfc3339InZone(T0, undefined)).toBe('2025-01-01T00:00:00Z');
    expect(rfc3339InZone(T0, 'America/New_York')).toBe('2024-12-31T19:00:00-05:00');
  });
});
