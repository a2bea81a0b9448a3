import { describe, expect, it } from 'vitest';
import { NOW } from '../testdata/meta.ts';
import * as w from '../testdata/workloads.ts';
import { cronJobPrinter, jobPrinter } from './batch.ts';

const ctx = { now: NOW };

describe('job rows', () => {
  it('has STATUS before COMPLETIONS (v1.30+)', () => {
    expect(jobPrinter.columns.filter((c) => c.priority === 0).map((c) => c.name)).toEqual([
      'Name', 'Status', 'Completions', 'Duration', 'Age',
    ]); // prettier-ignore
  });

  it.each([
    [w.completeJob, ['pi', 'Complete', '1/1', '47s', '2d3h']],
    [w.failedJob, ['flaky', 'Failed', '1/3', '29m', '30m']],
    [w.runningJob, ['batch-work', 'Running', '0/1 of 4', '3m10s', '3m20s']],
    [w.suspendedJob, ['later', 'Suspended', '0/2', '', '60s']],
  ])('%#', (job, expected) => {
    expect(jobPrinter.row(job, ctx).slice(0, 5)).toEqual(expected);
  });

  it('reports Terminating for a deleted job that has not finished', () => {
    const deleting = {
      ...w.runningJob,
      metadata: { ...w.runningJob.metadata, deletionTimestamp: '2025-01-01T12:00:00Z' },
    };
    expect(jobPrinter.row(deleting, ctx)[1]).toBe('Terminating');
  });

  it('prints the selector in wide output', () => {
    expect(jobPrinter.row(w.completeJob, ctx).slice(5)).toEqual([
      'pi',
      'perl:5.34',
      'batch.kubernetes.io/controller-uid=uid-pi',
    ]);
  });
});

describe('cron job rows', () => {
  it('shows TIMEZONE, SUSPEND and LAST SCHEDULE', () => {
    expect(cronJobPrinter.row(w.cronJob, ctx).slice(0, 7)).toEqual([
      'hello',
      '*/5 * * * *',
      '<none>',
      'False',
      1,
      '2m10s',
      '3d',
    ]);
    expect(cronJobPrinter.row(w.zonedCronJob, ctx).slice(0, 7)).toEqual([
      'nightly',
      '0 2 * * *',
      'Europe/Paris',
      'True',
      0,
      '<none>',
      '20s',
    ]);
  });

  it('prints <unset> for a missing suspend flag', () => {
    const spec = { ...(w.cronJob['spec'] as object), suspend: undefined };
    expect(cronJobPrinter.row({ ...w.cronJob, spec }, ctx)[3]).toBe('<unset>');
  });
});
