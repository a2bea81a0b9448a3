/**
 * Describers for configuration objects: ConfigMap, Secret (sizes only, never values),
 * ServiceAccount and Namespace (with its quotas and limit ranges).
 */
import type { KubeObject } from '../../api/types.ts';
import { DescribeWriter } from './describe-writer.ts';
import { writeIdentity } from './preamble.ts';
import { writeEvents } from './events.ts';
import { arr, formatLabels, obj, s, writeMultiline, type Obj } from './format.ts';

/** Bytes of a base64 value, as the decoded []byte Go holds. */
function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

export function describeConfigMap(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const o = object as unknown as Obj;
  const w = new DescribeWriter();
  writeIdentity(w, obj(o.metadata));
  w.write(0, '\nData\n====\n');
  const data = obj(o.data);
  for (const key of Object.keys(data).sort()) {
    w.write(0, `${key}:\n----\n`);
    w.write(0, `${s(data[key])}\n`);
    w.write(0, '\n');
  }
  w.write(0, '\nBinaryData\n====\n');
  const binary = obj(o.binaryData);
  for (const key of Object.keys(binary).sort())
    w.write(0, `${key}: ${decodedLength(s(binary[key]))} bytes\n`);
  w.write(0, '\n');
  if (events) writeEvents(w, events, now);
  return w.text();
}

export function describeSecret(object: KubeObject): string {
  const o = object as unknown as Obj;
  const w = new DescribeWriter();
  writeIdentity(w, obj(o.metadata));
  w.write(0, `\nType:\t${s(o.type)}\n`);
  w.write(0, '\nData\n====\n');
  const data = obj(o.data);
  for (const key of Object.keys(data).sort()) w.write(0, `${key}:\t${decodedLength(s(data[key]))} bytes\n`);
  return w.text();
}

export function describeServiceAccount(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const o = object as unknown as Obj;
  const w = new DescribeWriter();
  writeIdentity(w, obj(o.metadata));
  const names = (list: unknown) => arr(list as never).map((r) => s(obj(r).name));
  writeMultiline(w, 0, 'Image pull secrets', names(o.imagePullSecrets));
  writeMultiline(w, 0, 'Mountable secrets', names(o.secrets));
  writeMultiline(w, 0, 'Tokens', []);
  if (events) writeEvents(w, events, now);
  return w.text();
}

export interface NamespaceContext {
  readonly quotas: readonly Obj[];
  readonly limitRanges: readonly Obj[];
}

export function describeNamespace(object: KubeObject, related: NamespaceContext): string {
  const o = object as unknown as Obj;
  const w = new DescribeWriter();
  writeIdentity(w, obj(o.metadata), false);
  w.write(0, `Status:\t${s(obj(o.status).phase)}\n`);
  w.write(0, '\n');
  writeQuotas(w, related.quotas);
  w.write(0, '\n');
  if (related.limitRanges.length === 0) w.write(0, 'No LimitRange resource.\n');
  else {
    w.write(0, 'Resource Limits\n');
    writeLimitRanges(w, related.limitRanges, ' ');
  }
  return w.text();
}

function writeQuotas(w: DescribeWriter, quotas: readonly Obj[]): void {
  if (quotas.length === 0) {
    w.write(0, 'No resource quota.\n');
    return;
  }
  w.write(0, 'Resource Quotas\n');
  for (const quota of [...quotas].sort((a, b) =>
    s(obj(a.metadata).name).localeCompare(s(obj(b.metadata).name)),
  )) {
    w.write(1, `Name:\t${s(obj(quota.metadata).name)}\n`);
    const status = obj(quota.status);
    const hard = obj(status.hard);
    const used = obj(status.used);
    w.write(1, 'Resource\tUsed\tHard\n');
    w.write(1, '--------\t---\t---\n');
    for (const resource of Object.keys(hard).sort()) {
      w.write(1, `${resource}\t${s(used[resource]) || '0'}\t${s(hard[resource])}\n`);
    }
  }
}

/** The LimitRange table; `prefix` is what each line starts with (a space inside describe namespace). */
function writeLimitRanges(w: DescribeWriter, ranges: readonly Obj[], prefix: string): void {
  w.write(0, `${prefix}Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio\n`);
  w.write(0, `${prefix}----\t--------\t---\t---\t---------------\t-------------\t-----------------------\n`);
  for (const range of ranges) {
    for (const item of arr(obj(range.spec).limits).map(obj)) {
      const columns = ['min', 'max', 'defaultRequest', 'default', 'maxLimitRequestRatio'].map((f) =>
        obj(item[f]),
      );
      const resources = [...new Set(columns.flatMap((c) => Object.keys(c)))].sort();
      for (const resource of resources) {
        const cells = columns.map((c) => s(c[resource]) || '-');
        w.write(0, `${prefix}${s(item.type)}\t${resource}\t${cells.join('\t')}\n`);
      }
    }
  }
}

export function describePriorityClass(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const o = object as unknown as Obj;
  const meta = obj(o.metadata);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Value:\t${s(o.value)}\n`);
  w.write(0, `GlobalDefault:\t${o.globalDefault === true}\n`);
  w.write(0, `PreemptionPolicy:\t${s(o.preemptionPolicy)}\n`);
  w.write(0, `Description:\t${s(o.description)}\n`);
  w.write(0, `Annotations:\t${formatLabels(meta.annotations)}\n`);
  if (events) writeEvents(w, events, now);
  return w.text();
}

export function describeResourceQuota(object: KubeObject): string {
  const o = object as unknown as Obj;
  const meta = obj(o.metadata);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  const scopes = arr(obj(o.spec).scopes).map((x) => s(x));
  if (scopes.length) {
    w.write(0, 'Scopes:\t' + scopes.sort().join(', ') + '\n');
  }
  w.write(0, 'Resource\tUsed\tHard\n');
  w.write(0, '--------\t----\t----\n');
  const status = obj(o.status);
  const hard = obj(status.hard);
  const used = obj(status.used);
  for (const resource of Object.keys(hard).sort()) {
    w.write(0, `${resource}\t${s(used[resource]) || '0'}\t${s(hard[resource])}\n`);
  }
  return w.text();
}

export function describeLimitRange(object: KubeObject): string {
  const o = object as unknown as Obj;
  const meta = obj(o.metadata);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  writeLimitRanges(w, [o], '');
  return w.text();
}
