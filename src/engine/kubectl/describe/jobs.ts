/** Describers for Job and CronJob. */
import type { KubeObject } from '../../api/types.ts';
import { humanDuration } from '../../printers/duration/human-duration.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { writePodTemplate } from './containers.ts';
import { DescribeWriter } from './describe-writer.ts';
import { partsOf, writeIdentity } from './preamble.ts';
import { writeEvents } from './events.ts';
import {
  arr,
  controllerRef,
  num,
  goBoolPointer,
  obj,
  rfc1123z,
  s,
  writeAnnotations,
  writeLabels,
  type Obj,
} from './format.ts';
import { formatSelector } from './workloads.ts';

export function describeJob(object: KubeObject, events: readonly Obj[] | undefined, now: number): string {
  const { meta, spec, status } = partsOf(object);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  w.write(0, `Selector:\t${formatSelector(obj(spec.selector))}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  const owner = controllerRef(meta);
  if (owner) w.write(0, `Controlled By:\t${s(owner.kind)}/${s(owner.name)}\n`);
  if (spec.parallelism !== undefined) w.write(0, `Parallelism:\t${s(spec.parallelism)}\n`);
  w.write(0, `Completions:\t${spec.completions !== undefined ? s(spec.completions) : '<unset>'}\n`);
  if (spec.completionMode !== undefined) w.write(0, `Completion Mode:\t${s(spec.completionMode)}\n`);
  if (spec.suspend !== undefined) w.write(0, `Suspend:\t${spec.suspend === true}\n`);
  if (spec.backoffLimit !== undefined) w.write(0, `Backoff Limit:\t${s(spec.backoffLimit)}\n`);
  if (spec.ttlSecondsAfterFinished !== undefined) {
    w.write(0, `TTL Seconds After Finished:\t${s(spec.ttlSecondsAfterFinished)}\n`);
  }
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  if (status.completionTime) w.write(0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
  if (status.startTime && status.completionTime) {
    const ms = parseTimestamp(s(status.completionTime)) - parseTimestamp(s(status.startTime));
    w.write(0, `Duration:\t${humanDuration(ms)}\n`);
  }
  if (spec.activeDeadlineSeconds !== undefined) {
    w.write(0, `Active Deadline Seconds:\t${s(spec.activeDeadlineSeconds)}s\n`);
  }
  const active = num(status.active);
  const counts = `${num(status.succeeded)} Succeeded / ${num(status.failed)} Failed`;
  w.write(
    0,
    status.ready === undefined
      ? `Pods Statuses:\t${active} Active / ${counts}\n`
      : `Pods Statuses:\t${active} Active (${num(status.ready)} Ready) / ${counts}\n`,
  );
  if (spec.completionMode === 'Indexed') {
    w.write(0, `Completed Indexes:\t${capIndexesListOrNone(s(status.completedIndexes ?? ''), 50)}\n`);
  }
  writePodTemplate(w, obj(spec.template));
  if (events) writeEvents(w, events, now);
  return w.text();
}

/** `capIndexesListOrNone`: past `softLimit` characters the list ends at the next comma with `...`. */
function capIndexesListOrNone(indexes: string, softLimit: number): string {
  if (indexes.length === 0) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

function orUnset(value: unknown, suffix = ''): string {
  return value === undefined || value === null ? '<unset>' : `${s(value as never)}${suffix}`;
}

export function describeCronJob(object: KubeObject, events: readonly Obj[] | undefined, now: number): string {
  const { meta, spec, status } = partsOf(object);
  const w = new DescribeWriter();
  writeIdentity(w, meta);
  w.write(0, `Schedule:\t${s(spec.schedule)}\n`);
  w.write(0, `Concurrency Policy:\t${s(spec.concurrencyPolicy)}\n`);
  w.write(0, `Suspend:\t${goBoolPointer(spec.suspend)}\n`);
  w.write(0, `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}\n`);
  w.write(0, `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}\n`);
  w.write(0, `Starting Deadline Seconds:\t${orUnset(spec.startingDeadlineSeconds, 's')}\n`);
  const jobSpec = obj(obj(spec.jobTemplate).spec);
  w.write(0, `Selector:\t${jobSpec.selector ? formatSelector(obj(jobSpec.selector)) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${orUnset(jobSpec.parallelism)}\n`);
  w.write(0, `Completions:\t${orUnset(jobSpec.completions)}\n`);
  if (jobSpec.activeDeadlineSeconds !== undefined) {
    w.write(0, `Active Deadline Seconds:\t${s(jobSpec.activeDeadlineSeconds)}s\n`);
  }
  writePodTemplate(w, obj(jobSpec.template));
  w.write(
    0,
    `Last Schedule Time:\t${status.lastScheduleTime ? rfc1123z(status.lastScheduleTime) : '<unset>'}\n`,
  );
  const active = arr(status.active).map((r) => s(obj(r).name));
  w.write(0, `Active Jobs:\t${active.length ? active.join(', ') : '<none>'}\n`);
  if (events) writeEvents(w, events, now);
  return w.text();
}
