/**
 * Jobs and CronJobs (printers.go printJob, printCronJob). Since v1.30 a Job row starts with
 * a STATUS derived from its conditions, and a CronJob row shows its TIMEZONE.
 */
import type { KubeObject } from '../../api/types.ts';
import { humanDuration, parseTimestamp, translateTimestampSince } from '../duration/human-duration.ts';
import { int, list, obj, objList, optInt, optStr, path } from './access.ts';
import { boolPtr, containerCells, formatLabelSelector } from './cells.ts';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn, wide } from './columns.ts';
import { age, nameOf, type KindPrinter, type RowContext } from './printer.ts';

const selectorColumn = wide('Selector', 'string', 'A label query over pods that should match the pod count.');

/** hasJobCondition: the first condition of the type decides. */
function hasCondition(job: KubeObject, type: string): boolean {
  const found = objList(path(job, 'status', 'conditions')).find((c) => c['type'] === type);
  return found?.['status'] === 'True';
}

function jobStatus(job: KubeObject): string {
  if (hasCondition(job, 'Complete')) return 'Complete';
  if (hasCondition(job, 'Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp !== undefined) return 'Terminating';
  if (hasCondition(job, 'Suspended')) return 'Suspended';
  if (hasCondition(job, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

function completions(job: KubeObject): string {
  const spec = obj(job['spec']);
  const succeeded = int(path(job, 'status', 'succeeded'));
  const wanted = optInt(spec['completions']);
  if (wanted !== undefined) return `${succeeded}/${wanted}`;
  const parallelism = optInt(spec['parallelism']) ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

function duration(job: KubeObject, ctx: RowContext): string {
  const start = parseTimestamp(path(job, 'status', 'startTime'));
  if (start === undefined) return '';
  const end = parseTimestamp(path(job, 'status', 'completionTime'));
  return humanDuration((end ?? ctx.now) - start);
}

export const jobPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Status', 'string', 'Status of the job.'),
    column('Completions', 'string', 'The number of pods which reached phase Succeeded.'),
    column('Duration', 'string', 'Time required to complete the job.'),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  row(job, ctx) {
    const [names, images] = containerCells(path(job, 'spec', 'template', 'spec'));
    return [
      nameOf(job),
      jobStatus(job),
      completions(job),
      duration(job, ctx),
      age(job, ctx),
      names,
      images,
      formatLabelSelector(path(job, 'spec', 'selector')),
    ];
  },
};

export const cronJobPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Schedule', 'string', 'The schedule in Cron format.'),
    column('Timezone', 'string', 'The time zone name for the given schedule.'),
    column('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions.'),
    column('Active', 'integer', 'A list of pointers to currently running jobs.'),
    column(
      'Last Schedule',
      'string',
      'Information when was the last time the job was successfully scheduled.',
    ),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  row(cj, ctx) {
    const spec = obj(cj['spec']);
    const lastSchedule = path(cj, 'status', 'lastScheduleTime');
    const jobSpec = path(spec, 'jobTemplate', 'spec');
    const [names, images] = containerCells(path(jobSpec, 'template', 'spec'));
    return [
      nameOf(cj),
      optStr(spec['schedule']) ?? '',
      optStr(spec['timeZone']) ?? '<none>',
      boolPtr(spec['suspend']),
      list(path(cj, 'status', 'active')).length,
      lastSchedule === undefined || lastSchedule === null
        ? '<none>'
        : translateTimestampSince(lastSchedule, ctx.now),
      age(cj, ctx),
      names,
      images,
      formatLabelSelector(path(jobSpec, 'selector')),
    ];
  },
};
