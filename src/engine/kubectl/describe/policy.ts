/** Describers for PodDisruptionBudget and HorizontalPodAutoscaler. */
import type { KubeObject } from '../../api/types.ts';
import { DescribeWriter } from './describe-writer.ts';
import { partsOf, writeIdentity } from './preamble.ts';
import { writeEvents } from './events.ts';
import { arr, num, obj, rfc1123z, s, type Obj } from './format.ts';
import { formatSelector } from './workloads.ts';

export function describePodDisruptionBudget(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const { meta, spec, status } = partsOf(object);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  if (spec.minAvailable !== undefined) w.write(0, `Min available:\t${s(spec.minAvailable)}\n`);
  else if (spec.maxUnavailable !== undefined) w.write(0, `Max unavailable:\t${s(spec.maxUnavailable)}\n`);
  w.write(0, `Selector:\t${spec.selector ? formatSelector(obj(spec.selector)) : '<unset>'}\n`);
  w.write(0, 'Status:\n');
  w.write(2, `Allowed disruptions:\t${num(status.disruptionsAllowed)}\n`);
  w.write(2, `Current:\t${num(status.currentHealthy)}\n`);
  w.write(2, `Desired:\t${num(status.desiredHealthy)}\n`);
  w.write(2, `Total:\t${num(status.expectedPods)}\n`);
  if (events) writeEvents(w, events, now);
  return w.text();
}

function metricLine(metric: Obj, current: Obj | undefined): string {
  if (s(metric.type) !== 'Resource') return `  ${s(metric.type)} metric:\t<unknown>`;
  const resource = obj(metric.resource);
  const target = obj(resource.target);
  const now = obj(current?.resource ? obj(current.resource).current : undefined);
  if (s(target.type) === 'Utilization') {
    const value =
      now.averageUtilization !== undefined
        ? `${s(now.averageUtilization)}% (${s(now.averageValue)})`
        : '<unknown>';
    return `  resource ${s(resource.name)} on pods  (as a percentage of request):\t${value} / ${s(target.averageUtilization)}%`;
  }
  const value = now.averageValue !== undefined ? s(now.averageValue) : '<unknown>';
  return `  resource ${s(resource.name)} on pods:\t${value} / ${s(target.averageValue)}`;
}

export function describeHorizontalPodAutoscaler(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const { meta, spec, status } = partsOf(object);
  const target = obj(spec.scaleTargetRef);
  const w = new DescribeWriter();
  writeIdentity(w, meta);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${s(target.kind)}/${s(target.name)}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  const currents = arr(status.currentMetrics).map(obj);
  arr(spec.metrics)
    .map(obj)
    .forEach((metric, i) => w.write(0, `${metricLine(metric, currents[i])}\n`));
  w.write(0, `Min replicas:\t${spec.minReplicas !== undefined ? s(spec.minReplicas) : '<unset>'}\n`);
  w.write(0, `Max replicas:\t${s(spec.maxReplicas)}\n`);
  w.write(
    0,
    `${s(target.kind)} pods:\t${num(status.currentReplicas)} current / ${num(status.desiredReplicas)} desired\n`,
  );
  const conditions = arr(status.conditions).map(obj);
  if (conditions.length) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${s(c.type)}\t${s(c.status)}\t${s(c.reason)}\t${s(c.message)}\n`);
  }
  if (events) writeEvents(w, events, now);
  return w.text();
}
