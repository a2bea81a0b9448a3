/** Quantity sums for describe (resourcehelper's pod requests/limits and node allocation). */
import type { JsonValue } from '../../api/types.ts';
import {
  formatQuantity,
  parseQuantity,
  quantityMilliValue,
  quantityValue,
  type Quantity,
} from '../../apiserver/validation/quantity.ts';
import { arr, obj, type Obj } from './format.ts';

export const zero: Quantity = { mantissa: 0n, scale: 0, format: 'DecimalSI' };

export function addQuantity(a: Quantity, b: Quantity): Quantity {
  const scale = Math.min(a.scale, b.scale);
  let mantissa = a.mantissa * 10n ** BigInt(a.scale - scale) + b.mantissa * 10n ** BigInt(b.scale - scale);
  let sc = scale;
  while (mantissa !== 0n && mantissa % 10n === 0n) {
    mantissa /= 10n;
    sc++;
  }
  return { mantissa, scale: mantissa === 0n ? 0 : sc, format: a.mantissa === 0n ? b.format : a.format };
}

function maxQuantity(a: Quantity, b: Quantity): Quantity {
  return quantityMilliValue(b) > quantityMilliValue(a) ? b : a;
}

export type ResourceList = Map<string, Quantity>;

function listOf(v: JsonValue | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, raw] of Object.entries(obj(v))) {
    const q = parseQuantity(raw);
    if (q) out.set(k, q);
  }
  return out;
}

/** A pod's effective requests or limits: sum of containers, at least each init container, plus overhead. */
export function podResources(pod: Obj, which: 'requests' | 'limits'): ResourceList {
  const spec = obj(pod.spec);
  const total: ResourceList = new Map();
  for (const c of arr(spec.containers).map(obj)) {
    for (const [k, q] of listOf(obj(c.resources)[which])) total.set(k, addQuantity(total.get(k) ?? zero, q));
  }
  for (const c of arr(spec.initContainers).map(obj)) {
    for (const [k, q] of listOf(obj(c.resources)[which])) total.set(k, maxQuantity(total.get(k) ?? zero, q));
  }
  for (const [k, q] of listOf(spec.overhead)) {
    if (which === 'requests' || total.has(k)) total.set(k, addQuantity(total.get(k) ?? zero, q));
  }
  return total;
}

export function resourceList(v: JsonValue | undefined): ResourceList {
  return listOf(v);
}

export function fmt(q: Quantity | undefined): string {
  return formatQuantity(q ?? zero);
}

/** Integer percentage of the allocatable amount, as describe computes it. */
export function percent(
  resource: string,
  q: Quantity | undefined,
  allocatable: Quantity | undefined,
): number {
  if (!q || !allocatable) return 0;
  const milli = resource === 'cpu';
  const denominator = milli ? quantityMilliValue(allocatable) : quantityValue(allocatable);
  if (denominator === 0) return 0;
  const numerator = milli ? quantityMilliValue(q) : quantityValue(q);
  return Math.trunc((numerator / denominator) * 100);
}
