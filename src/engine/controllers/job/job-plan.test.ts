import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { NO_BACKOFF, remainingBackoffMs } from './backoff.ts';
import { formatIntervals, parseIntervals, withOrderedIndexes, firstPendingIndexes } from './indexes.ts';
import { JOB_TRACKING_FINALIZER, type JobStatus } from './job-api.ts';
import type { JobSyncInput } from './job-plan.ts';
import { planJobSync } from './job-tracking.ts';

const NOW = 1_735_732_800_000;
const T = (secondsAgo: number) => formatTimestamp(NOW - secondsAgo * 1000);

function job(spec: Record<string, unknown> = {}, status: JobStatus = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: 'job-uid', generation: 1 },
    spec: {
      parallelism: 1,
      completions: 1,
      backoffLimit: 6,
      completionMode: 'NonIndexed',
      suspend: false,
      podReplacementPolicy: 'TerminatingOrFailed',
      template: {
        metadata: { labels: { 'job-name': 'pi' } },
        spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0' }] },
      },
      ...spec,
    },
    status,
  };
}

function pod(
  name: string,
  phase: string,
  finishedSecondsAgo = 0,
  extra: Partial<KubeObject['metadata']> = {},
) {
  const finished = phase === 'Succeeded' || phase === 'Failed';
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      finalizers: [JOB_TRACKING_FINALIZER],
      creationTimestamp: T(60),
      ...extra,
    },
    spec: {},
    status: {
      phase,
      ...(finished
        ? { containerStatuses: [{ state: { terminated: { finishedAt: T(finishedSecondsAgo) } } }] }
        : {}),
    },
  } as KubeObject;
}

function input(j: KubeObject, pods: KubeObject[], over: Partial<JobSyncInput> = {}): JobSyncInput {
  return {
    job: j,
    pods,
    nowMs: NOW,
    expectationsSatisfied: true,
    expectedRmFinalizers: new Set(),
    backoff: NO_BACKOFF,
    ...over,
  };
}

/** The plan's writes as `<kind> <detail>` lines, statuses in full. */
function writes(i: JobSyncInput): unknown[] {
  return planJobSync(i).writes.map((w) => {
    switch (w.kind) {
      case 'createPod':
        return `create ${w.pod.metadata.generateName ?? ''}${w.index ?? ''}`;
      case 'deletePod':
        return `delete ${w.pod.metadata.name ?? ''}${w.removeFinalizer ? ' (finalizer removed)' : ''}`;
      case 'removeFinalizer':
        return `removeFinalizer ${w.pod.metadata.name ?? ''}`;
      case 'event':
        return `event ${w.type} ${w.reason}: ${w.message}`;
      case 'updateStatus':
        return { status: w.status };
    }
  });
}

const complete = (reason: string, message: string, type: string) => ({
  type,
  status: 'True',
  lastProbeTime: T(0),
  lastTransitionTime: T(0),
  reason,
  message,
});

describe('planJobSync', () => {
  it('starts a new Job: one pod, then the status; again with the pod seen, nothing', () => {
    expect(writes(input(job(), []))).toEqual([
      'create pi-',
      { status: { startTime: T(0), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 } },
    ]);
    const started = job(
      {},
      { startTime: T(0), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 },
    );
    expect(writes(input(started, [pod('pi-a', 'Pending')]))).toEqual([]);
  });

  it('creates the pod from the template with the finalizer and a controller reference', () => {
    const create = planJobSync(input(job(), [])).writes[0]!;
    expect(create.kind === 'createPod' && create.pod.metadata).toEqual({
      generateName: 'pi-',
      namespace: 'default',
      labels: { 'job-name': 'pi' },
      finalizers: [JOB_TRACKING_FINALIZER],
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          name: 'pi',
          uid: 'job-uid',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    });
  });

  it('counts a succeeded pod through uncountedTerminatedPods, then completes', () => {
    const running = job(
      {},
      { startTime: T(30), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 1 },
    );
    const scm = complete(
      'CompletionsReached',
      'Reached expected number of succeeded pods',
      'SuccessCriteriaMet',
    );
    expect(writes(input(running, [pod('pi-a', 'Succeeded', 1)]))).toEqual([
      {
        status: {
          conditions: [scm],
          startTime: T(30),
          terminating: 0,
          uncountedTerminatedPods: { succeeded: ['uid-pi-a'] },
          ready: 0,
        },
      },
      'removeFinalizer pi-a',
      {
        status: {
          conditions: [scm, { ...scm, type: 'Complete' }],
          startTime: T(30),
          completionTime: T(0),
          succeeded: 1,
          terminating: 0,
          uncountedTerminatedPods: {},
          ready: 0,
        },
      },
      'event Normal Completed: Job completed',
    ]);
    const done = job(
      {},
      {
        conditions: [scm, { ...scm, type: 'Complete' }],
        startTime: T(30),
        completionTime: T(0),
        succeeded: 1,
      },
    );
    expect(writes(input(done, [pod('pi-a', 'Succeeded', 1, { finalizers: [] })]))).toEqual([]);
  });

  it('waits out the backoff before replacing a failed pod', () => {
    const running = job(
      {},
      { startTime: T(30), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 },
    );
    const plan = planJobSync(input(running, [pod('pi-a', 'Failed', 1)]));
    // 10 s after the failure, which was 1 s ago.
    expect(plan.requeueAfterMs).toBe(9000);
    expect(plan.backoff).toEqual({ failuresAfterLastSuccess: 1, lastFailureMs: NOW - 1000 });
    expect(plan.writes.map((w) => w.kind)).toEqual(['updateStatus', 'removeFinalizer', 'updateStatus']);
    const counted = job(
      {},
      { startTime: T(30), failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 },
    );
    const a = pod('pi-a', 'Failed', 1, { finalizers: [] });
    expect(writes(input(counted, [a], { backoff: plan.backoff! }))).toEqual([]);
    expect(writes(input(counted, [a], { backoff: plan.backoff!, nowMs: NOW + 9000 }))).toEqual([
      'create pi-',
      {
        status: {
          startTime: T(30),
          active: 1,
          failed: 1,
          terminating: 0,
          uncountedTerminatedPods: {},
          ready: 0,
        },
      },
    ]);
  });

  it('fails the Job past its backoffLimit: FailureTarget first, then Failed', () => {
    const running = job(
      { backoffLimit: 1 },
      { startTime: T(30), active: 1, failed: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 },
    );
    const target = complete(
      'BackoffLimitExceeded',
      'Job has reached the specified backoff limit',
      'FailureTarget',
    );
    expect(writes(input(running, [pod('pi-b', 'Failed', 1)]))).toEqual([
      {
        status: {
          conditions: [target],
          startTime: T(30),
          failed: 1,
          terminating: 0,
          uncountedTerminatedPods: { failed: ['uid-pi-b'] },
          ready: 0,
        },
      },
      'removeFinalizer pi-b',
      {
        status: {
          conditions: [target, { ...target, type: 'Failed' }],
          startTime: T(30),
          failed: 2,
          terminating: 0,
          uncountedTerminatedPods: {},
          ready: 0,
        },
      },
      'event Warning BackoffLimitExceeded: Job has reached the specified backoff limit',
    ]);
  });

  it('past activeDeadlineSeconds deletes the active pods and counts them failed', () => {
    const running = job(
      { activeDeadlineSeconds: 30 },
      { startTime: T(31), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 },
    );
    const out = writes(input(running, [pod('pi-a', 'Running')]));
    expect(out[0]).toBe('delete pi-a');
    expect(out[1]).toEqual({
      status: {
        conditions: [
          complete('DeadlineExceeded', 'Job was active longer than specified deadline', 'FailureTarget'),
        ],
        startTime: T(31),
        terminating: 1,
        uncountedTerminatedPods: { failed: ['uid-pi-a'] },
        ready: 0,
      },
    });
    // The pod is still terminating: Failed waits for it.
    expect(out.slice(2)).toEqual([
      'removeFinalizer pi-a',
      {
        status: {
          conditions: [
            complete('DeadlineExceeded', 'Job was active longer than specified deadline', 'FailureTarget'),
          ],
          startTime: T(31),
          failed: 1,
          terminating: 1,
          uncountedTerminatedPods: {},
          ready: 0,
        },
      },
    ]);
    // Before the deadline the Job is looked at again when it passes.
    expect(
      planJobSync(input(job({ activeDeadlineSeconds: 30 }, { startTime: T(10) }), [])).requeueAfterMs,
    ).toBe(20_000);
  });

  it('runs parallelism pods until the remaining completions, and deletes a surplus', () => {
    const j = job({ completions: 5, parallelism: 2 });
    expect(writes(input(j, [])).slice(0, 2)).toEqual(['create pi-', 'create pi-']);
    const four = job({ completions: 5, parallelism: 2 }, { succeeded: 4, startTime: T(5) });
    const active = [pod('pi-a', 'Running'), pod('pi-b', 'Pending')];
    expect(writes(input(four, active))[0]).toBe('delete pi-b (finalizer removed)');
  });

  it('creates Indexed pods for the lowest pending indexes', () => {
    const j = job(
      { completionMode: 'Indexed', completions: 4, parallelism: 4 },
      { completedIndexes: '1', succeeded: 1 },
    );
    const running = pod('pi-0-x', 'Running', 0, {
      annotations: { 'batch.kubernetes.io/job-completion-index': '0' },
    });
    const plan = planJobSync(input(j, [running]));
    const creates = plan.writes.filter((w) => w.kind === 'createPod');
    expect(creates.map((w) => w.pod.metadata.generateName)).toEqual(['pi-2-', 'pi-3-']);
    const p = creates[0]!.pod;
    expect(p.metadata.annotations).toEqual({ 'batch.kubernetes.io/job-completion-index': '2' });
    expect(p.metadata.labels?.['batch.kubernetes.io/job-completion-index']).toBe('2');
    expect((p.spec as { hostname: string }).hostname).toBe('pi-2');
    expect((p.spec as { containers: { env: unknown[] }[] }).containers[0]!.env).toEqual([
      {
        name: 'JOB_COMPLETION_INDEX',
        valueFrom: {
          fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" },
        },
      },
    ]);
  });

  it('records succeeded indexes in completedIndexes', () => {
    const j = job(
      { completionMode: 'Indexed', completions: 3, parallelism: 3 },
      { startTime: T(9), active: 3, terminating: 0, uncountedTerminatedPods: {}, ready: 0 },
    );
    const done = (ix: number) =>
      pod(`pi-${ix}`, 'Succeeded', 1, {
        annotations: { 'batch.kubernetes.io/job-completion-index': String(ix) },
      });
    const plan = planJobSync(
      input(j, [
        done(2),
        done(0),
        pod('pi-1', 'Running', 0, { annotations: { 'batch.kubernetes.io/job-completion-index': '1' } }),
      ]),
    );
    const first = plan.writes[0]!;
    expect(first.kind === 'updateStatus' && first.status).toMatchObject({
      completedIndexes: '0,2',
      succeeded: 2,
      active: 1,
    });
    expect(plan.writes.filter((w) => w.kind === 'removeFinalizer').map((w) => w.pod.metadata.name)).toEqual([
      'pi-0',
      'pi-2',
    ]);
  });
});

describe('pod failure backoff', () => {
  it('is 10s doubling per failure since the last success, capped at 10 minutes', () => {
    const wait = (n: number) => remainingBackoffMs({ failuresAfterLastSuccess: n, lastFailureMs: NOW }, NOW);
    expect([0, 1, 2, 3, 6, 7, 20].map(wait)).toEqual([0, 10_000, 20_000, 40_000, 320_000, 600_000, 600_000]);
  });
});

describe('completion index intervals', () => {
  it('formats runs of three or more with a hyphen and merges new indexes', () => {
    expect(formatIntervals(withOrderedIndexes(parseIntervals('1,3-4', 10), [5, 7]))).toBe('1,3-5,7');
    expect(formatIntervals(withOrderedIndexes([], [0, 1]))).toBe('0,1');
    expect(parseIntervals('0-9', 5)).toEqual([{ first: 0, last: 4 }]);
    expect(firstPendingIndexes([0], parseIntervals('2', 5), 3, 5)).toEqual([1, 3, 4]);
  });
});
