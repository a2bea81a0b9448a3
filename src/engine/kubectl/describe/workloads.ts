/** `kubectl describe deployment|replicaset` (DeploymentDescriber, ReplicaSetDescriber). */
import type { KubeObject } from '../../api/types.ts';
import { writePodTemplate } from './containers.ts';
import { writePodsStatus } from './controller-pods.ts';
import { DescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events.ts';
import {
  arr,
  controllerRef,
  num,
  obj,
  rfc1123z,
  s,
  writeAnnotations,
  writeLabels,
  type Obj,
} from './format.ts';

/** metav1.FormatLabelSelector. */
export function formatSelector(selector: Obj): string {
  const parts = Object.keys(obj(selector.matchLabels))
    .sort()
    .map((k) => `${k}=${s(obj(selector.matchLabels)[k])}`);
  for (const e of arr(selector.matchExpressions).map(obj)) {
    const values = arr(e.values).map(s);
    const op = s(e.operator);
    if (op === 'In' || op === 'NotIn') parts.push(`${s(e.key)} ${op.toLowerCase()} (${values.join(',')})`);
    else if (op === 'Exists') parts.push(s(e.key));
    else if (op === 'DoesNotExist') parts.push(`!${s(e.key)}`);
  }
  const text = parts.join(',');
  return text === '' ? '<none>' : text;
}

function writeConditions(w: DescribeWriter, conditions: readonly Obj[]): void {
  if (conditions.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${s(c.type)} \t${s(c.status)}\t${s(c.reason)}\n`);
}

function templateWithoutHash(template: Obj): string {
  const meta = obj(template.metadata);
  const labels = { ...obj(meta.labels) };
  delete labels['pod-template-hash'];
  return JSON.stringify(sortKeys({ ...template, metadata: { ...meta, labels } }));
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, sortKeys(o[k])]),
    );
  }
  return v;
}

function rsSummary(list: readonly Obj[]): string {
  if (list.length === 0) return '<none>';
  return list
    .map(
      (rs) =>
        `${s(obj(rs.metadata).name)} (${num(obj(rs.status).replicas)}/${num(obj(rs.spec).replicas)} replicas created)`,
    )
    .join(', ');
}

/** Old and new ReplicaSets of a Deployment, as deploymentutil.GetAllReplicaSets finds them. */
export function splitReplicaSets(
  deployment: Obj,
  replicaSets: readonly Obj[],
): { old: Obj[]; current?: Obj } {
  const uid = obj(deployment.metadata).uid;
  const owned = replicaSets
    .filter((rs) => controllerRef(obj(rs.metadata))?.uid === uid)
    .sort((a, b) => {
      const ta = Date.parse(s(obj(a.metadata).creationTimestamp));
      const tb = Date.parse(s(obj(b.metadata).creationTimestamp));
      return ta !== tb ? ta - tb : s(obj(a.metadata).name) < s(obj(b.metadata).name) ? -1 : 1;
    });
  const wanted = templateWithoutHash(obj(obj(deployment.spec).template));
  const current = owned.find((rs) => templateWithoutHash(obj(obj(rs.spec).template)) === wanted);
  // kubectl lists every old ReplicaSet here, scaled to zero or not, in creation order.
  const old = owned.filter((rs) => rs !== current);
  return current ? { old, current } : { old };
}

export function describeDeployment(
  deployment: KubeObject,
  replicaSets: readonly Obj[] | undefined,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const w = new DescribeWriter();
  const d = deployment as unknown as Obj;
  const meta = obj(d.metadata);
  const spec = obj(d.spec);
  const status = obj(d.status);
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  w.write(0, `Selector:\t${formatSelector(obj(spec.selector))}\n`);
  w.write(
    0,
    `Replicas:\t${num(spec.replicas, 1)} desired | ${num(status.updatedReplicas)} updated | ${num(status.replicas)} total | ${num(status.availableReplicas)} available | ${num(status.unavailableReplicas)} unavailable\n`,
  );
  const strategy = obj(spec.strategy);
  w.write(0, `StrategyType:\t${s(strategy.type)}\n`);
  w.write(0, `MinReadySeconds:\t${num(spec.minReadySeconds)}\n`);
  if (strategy.rollingUpdate) {
    const ru = obj(strategy.rollingUpdate);
    const v = (x: unknown): string =>
      typeof x === 'number' ? String(x) : typeof x === 'string' ? x : '<nil>';
    w.write(
      0,
      `RollingUpdateStrategy:\t${v(ru.maxUnavailable)} max unavailable, ${v(ru.maxSurge)} max surge\n`,
    );
  }
  writePodTemplate(w, obj(spec.template));
  writeConditions(w, arr(status.conditions).map(obj));
  if (replicaSets) {
    const { old, current } = splitReplicaSets(d, replicaSets);
    w.write(0, `OldReplicaSets:\t${rsSummary(old)}\n`);
    w.write(0, `NewReplicaSet:\t${rsSummary(current ? [current] : [])}\n`);
  }
  if (events) writeEvents(w, events, now);
  return w.text();
}

export function describeReplicaSet(
  replicaSet: KubeObject,
  pods: readonly Obj[] | undefined,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const w = new DescribeWriter();
  const rs = replicaSet as unknown as Obj;
  const meta = obj(rs.metadata);
  const spec = obj(rs.spec);
  const status = obj(rs.status);
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  w.write(0, `Selector:\t${formatSelector(obj(spec.selector))}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  const owner = controllerRef(meta);
  if (owner) w.write(0, `Controlled By:\t${s(owner.kind)}/${s(owner.name)}\n`);
  w.write(0, `Replicas:\t${num(status.replicas)} current / ${num(spec.replicas, 1)} desired\n`);
  if (pods) writePodsStatus(w, 'Pods Status', rs, pods);
  writePodTemplate(w, obj(spec.template));
  writeConditions(w, arr(status.conditions).map(obj));
  if (events) writeEvents(w, events, now);
  return w.text();
}
