/**
 * HPA metric specs and statuses between autoscaling/v2 and the older flat shape that
 * autoscaling/v1 keeps in annotations (pkg/apis/autoscaling/v1/conversion.go). The v1 shape
 * is built in Go's struct field order and with Go's zero values ("0" quantities, "" names),
 * because the annotation holds Go's json.Marshal output verbatim.
 */
import type { Obj } from '../defaults/json.ts';
import { child } from '../defaults/json.ts';

/** A resource.Quantity as JSON: always its string form. */
export function quantity(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  return undefined;
}

function put(out: Obj, key: string, value: unknown): void {
  if (value !== undefined && value !== null) out[key] = value;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/** CrossVersionObjectReference: kind and name always, apiVersion when set. */
export function objectReference(ref: Obj | undefined): Obj {
  const out: Obj = { kind: str(ref?.kind), name: str(ref?.name) };
  if (str(ref?.apiVersion) !== '') out.apiVersion = ref?.apiVersion;
  return out;
}

function identifier(name: unknown, selector: unknown): Obj {
  const out: Obj = { name: str(name) };
  put(out, 'selector', selector);
  return out;
}

function parts(m: Obj, key: string): { src: Obj; target: Obj; current: Obj; metric: Obj } | undefined {
  const src = child(m, key);
  if (!src) return undefined;
  return {
    src,
    target: child(src, 'target') ?? {},
    current: child(src, 'current') ?? {},
    metric: child(src, 'metric') ?? {},
  };
}

export function metricSpecToV1(m: Obj): Obj {
  const out: Obj = { type: m.type };
  const object = parts(m, 'object');
  if (object) {
    const o: Obj = {
      target: objectReference(child(object.src, 'describedObject')),
      metricName: str(object.metric.name),
    };
    o.targetValue = quantity(object.target.value) ?? '0';
    put(o, 'selector', object.metric.selector);
    put(o, 'averageValue', quantity(object.target.averageValue));
    out.object = o;
  }
  const pods = parts(m, 'pods');
  if (pods) {
    const o: Obj = {
      metricName: str(pods.metric.name),
      targetAverageValue: quantity(pods.target.averageValue) ?? '0',
    };
    put(o, 'selector', pods.metric.selector);
    out.pods = o;
  }
  for (const key of ['resource', 'containerResource']) {
    const r = parts(m, key);
    if (!r) continue;
    const o: Obj = { name: str(r.src.name) };
    put(o, 'targetAverageUtilization', r.target.averageUtilization);
    put(o, 'targetAverageValue', quantity(r.target.averageValue));
    if (key === 'containerResource') o.container = str(r.src.container);
    out[key] = o;
  }
  const external = parts(m, 'external');
  if (external) {
    const o: Obj = { metricName: str(external.metric.name) };
    put(o, 'metricSelector', external.metric.selector);
    put(o, 'targetValue', quantity(external.target.value));
    put(o, 'targetAverageValue', quantity(external.target.averageValue));
    out.external = o;
  }
  return out;
}

export function metricSpecFromV1(m: Obj): Obj {
  const out: Obj = { type: m.type };
  const object = child(m, 'object');
  if (object) {
    const target: Obj = {
      type: object.averageValue == null ? 'Value' : 'AverageValue',
      value: quantity(object.targetValue) ?? '0',
    };
    put(target, 'averageValue', quantity(object.averageValue));
    out.object = {
      describedObject: objectReference(child(object, 'target')),
      target,
      metric: identifier(object.metricName, object.selector),
    };
  }
  const pods = child(m, 'pods');
  if (pods) {
    out.pods = {
      metric: identifier(pods.metricName, pods.selector),
      target: { type: 'AverageValue', averageValue: quantity(pods.targetAverageValue) ?? '0' },
    };
  }
  for (const key of ['resource', 'containerResource']) {
    const r = child(m, key);
    if (!r) continue;
    const target: Obj = { type: r.targetAverageUtilization == null ? 'AverageValue' : 'Utilization' };
    put(target, 'averageValue', quantity(r.targetAverageValue));
    put(target, 'averageUtilization', r.targetAverageUtilization);
    const o: Obj = { name: str(r.name), target };
    if (key === 'containerResource') o.container = str(r.container);
    out[key] = o;
  }
  const external = child(m, 'external');
  if (external) {
    const target: Obj = { type: external.targetValue == null ? 'AverageValue' : 'Value' };
    put(target, 'value', quantity(external.targetValue));
    put(target, 'averageValue', quantity(external.targetAverageValue));
    out.external = { metric: identifier(external.metricName, external.metricSelector), target };
  }
  return out;
}

export function metricStatusToV1(m: Obj): Obj {
  const out: Obj = { type: m.type };
  const object = parts(m, 'object');
  if (object) {
    const o: Obj = {
      target: objectReference(child(object.src, 'describedObject')),
      metricName: str(object.metric.name),
    };
    o.currentValue = quantity(object.current.value) ?? '0';
    put(o, 'selector', object.metric.selector);
    put(o, 'averageValue', quantity(object.current.averageValue));
    out.object = o;
  }
  const pods = parts(m, 'pods');
  if (pods) {
    const o: Obj = {
      metricName: str(pods.metric.name),
      currentAverageValue: quantity(pods.current.averageValue) ?? '0',
    };
    put(o, 'selector', pods.metric.selector);
    out.pods = o;
  }
  for (const key of ['resource', 'containerResource']) {
    const r = parts(m, key);
    if (!r) continue;
    const o: Obj = { name: str(r.src.name) };
    put(o, 'currentAverageUtilization', r.current.averageUtilization);
    o.currentAverageValue = quantity(r.current.averageValue) ?? '0';
    if (key === 'containerResource') o.container = str(r.src.container);
    out[key] = o;
  }
  const external = parts(m, 'external');
  if (external) {
    const o: Obj = { metricName: str(external.metric.name) };
    put(o, 'metricSelector', external.metric.selector);
    o.currentValue = quantity(external.current.value) ?? '0';
    put(o, 'currentAverageValue', quantity(external.current.averageValue));
    out.external = o;
  }
  return out;
}

export function metricStatusFromV1(m: Obj): Obj {
  const out: Obj = { type: m.type };
  const object = child(m, 'object');
  if (object) {
    const current: Obj = { value: quantity(object.currentValue) ?? '0' };
    put(current, 'averageValue', quantity(object.averageValue));
    out.object = {
      metric: identifier(object.metricName, object.selector),
      current,
      describedObject: objectReference(child(object, 'target')),
    };
  }
  const pods = child(m, 'pods');
  if (pods) {
    out.pods = {
      metric: identifier(pods.metricName, pods.selector),
      current: { averageValue: quantity(pods.currentAverageValue) ?? '0' },
    };
  }
  for (const key of ['resource', 'containerResource']) {
    const r = child(m, key);
    if (!r) continue;
    const current: Obj = { averageValue: quantity(r.currentAverageValue) ?? '0' };
    put(current, 'averageUtilization', r.currentAverageUtilization);
    const o: Obj = { name: str(r.name), current };
    if (key === 'containerResource') o.container = str(r.container);
    out[key] = o;
  }
  const external = child(m, 'external');
  if (external) {
    const current: Obj = { value: quantity(external.currentValue) ?? '0' };
    put(current, 'averageValue', quantity(external.currentAverageValue));
    out.external = { metric: identifier(external.metricName, external.metricSelector), current };
  }
  return out;
}
