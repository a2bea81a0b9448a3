/** Describers for DaemonSet, StatefulSet and ReplicationController. */
import type { KubeObject } from '../../api/types.ts';
import { writePodTemplate } from './containers.ts';
import { writePodsStatus } from './controller-pods.ts';
import { DescribeWriter } from './describe-writer.ts';
import { partsOf } from './preamble.ts';
import { writeEvents } from './events.ts';
import {
  arr,
  formatLabels,
  num,
  obj,
  rfc1123z,
  s,
  writeAnnotations,
  writeLabels,
  type Obj,
} from './format.ts';
import { accessModes } from './storage.ts';
import { formatSelector } from './workloads.ts';

export function describeDaemonSet(
  object: KubeObject,
  pods: readonly Obj[],
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const { o, meta, spec, status } = partsOf(object);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  w.write(0, `Selector:\t${formatSelector(obj(spec.selector))}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(obj(obj(spec.template).spec).nodeSelector)}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${num(status.desiredNumberScheduled)}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${num(status.currentNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${num(status.updatedNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${num(status.numberAvailable)}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${num(status.numberMisscheduled)}\n`);
  writePodsStatus(w, 'Pods Status', o, pods);
  writePodTemplate(w, obj(spec.template));
  if (events) writeEvents(w, events, now);
  return w.text();
}

function writeClaimTemplates(w: DescribeWriter, templates: readonly Obj[]): void {
  if (templates.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const template of templates) {
    const meta = obj(template.metadata);
    const spec = obj(template.spec);
    w.write(1, `Name:\t${s(meta.name)}\n`);
    w.write(1, `StorageClass:\t${s(spec.storageClassName)}\n`);
    writeLabels(w, 1, 'Labels', meta.labels);
    writeAnnotations(w, 1, meta.annotations);
    w.write(1, `Capacity:\t${s(obj(obj(spec.resources).requests).storage)}\n`);
    w.write(1, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  }
}

export function describeStatefulSet(
  object: KubeObject,
  pods: readonly Obj[],
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const { o, meta, spec, status } = partsOf(object);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${formatSelector(obj(spec.selector))}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  w.write(0, `Replicas:\t${num(spec.replicas, 1)} desired | ${num(status.replicas)} total\n`);
  const strategy = obj(spec.updateStrategy);
  w.write(0, `Update Strategy:\t${s(strategy.type)}\n`);
  if (strategy.rollingUpdate) {
    const rolling = obj(strategy.rollingUpdate);
    if (rolling.partition !== undefined) w.write(1, `Partition:\t${s(rolling.partition)}\n`);
    if (rolling.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${s(rolling.maxUnavailable)}\n`);
  }
  writePodsStatus(w, 'Pods Status', o, pods);
  writePodTemplate(w, obj(spec.template));
  writeClaimTemplates(w, arr(spec.volumeClaimTemplates).map(obj));
  if (events) writeEvents(w, events, now);
  return w.text();
}

export function describeReplicationController(
  object: KubeObject,
  pods: readonly Obj[],
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const { o, meta, spec, status } = partsOf(object);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  w.write(0, `Replicas:\t${num(status.replicas)} current / ${num(spec.replicas, 1)} desired\n`);
  writePodsStatus(w, 'Pods Status', o, pods);
  writePodTemplate(w, obj(spec.template));
  if (events) writeEvents(w, events, now);
  return w.text();
}
