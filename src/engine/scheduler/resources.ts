/**
 * Resource arithmetic of the scheduler (`framework.Resource`, `resourcehelper.PodRequests`):
 * CPU in millicores, everything else in base units.
 */
import { parseQuantity, quantityMilliValue, quantityValue } from '../apiserver/validation/quantity.ts';
import type { Container, PodSpec } from './types.ts';

export type ResourceList = Map<string, number>;

/** For scoring only, a container without requests counts as this much (`pkg/scheduler/util`). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

function amount(name: string, value: string | number | undefined): number {
  const q = parseQuantity(typeof value === 'number' ? String(value) : value);
  if (!q) return 0;
  return name === 'cpu' ? quantityMilliValue(q) : quantityValue(q);
}

function containerRequests(c: Container, nonZero: boolean): ResourceList {
  const out: ResourceList = new Map();
  const requests = c.resources?.requests ?? {};
  const limits = c.resources?.limits ?? {};
  // The API server defaults a missing request to its limit; read it the same way here.
  for (const name of new Set([...Object.keys(limits), ...Object.keys(requests)])) {
    out.set(name, amount(name, requests[name] ?? limits[name]));
  }
  if (nonZero) {
    if (!out.has('cpu')) out.set('cpu', DEFAULT_MILLI_CPU_REQUEST);
    if (!out.has('memory')) out.set('memory', DEFAULT_MEMORY_REQUEST);
  }
  return out;
}

function addInto(target: ResourceList, add: ResourceList): void {
  for (const [k, v] of add) target.set(k, (target.get(k) ?? 0) + v);
}

function maxInto(target: ResourceList, other: ResourceList): void {
  for (const [k, v] of other) if (v > (target.get(k) ?? 0)) target.set(k, v);
}

/**
 * What a pod asks for: the sum over its containers and sidecars, or the largest init
 * container step if that is more, plus the pod overhead. `nonZero` counts containers
 * without cpu/memory requests at the scoring defaults.
 */
export function podRequests(spec: PodSpec, nonZero = false): ResourceList {
  const reqs: ResourceList = new Map();
  for (const c of spec.containers ?? []) addInto(reqs, containerRequests(c, nonZero));
  const sidecars: ResourceList = new Map();
  const initMax: ResourceList = new Map();
  for (const c of spec.initContainers ?? []) {
    const r = containerRequests(c, nonZero);
    if (c.restartPolicy === 'Always') {
      addInto(sidecars, r);
      maxInto(initMax, sidecars);
    } else {
      const step: ResourceList = new Map(sidecars);
      addInto(step, r);
      maxInto(initMax, step);
    }
  }
  addInto(reqs, sidecars);
  maxInto(reqs, initMax);
  const overhead: ResourceList = new Map();
  for (const [k, v] of Object.entries(spec.overhead ?? {})) overhead.set(k, amount(k, v));
  addInto(reqs, overhead);
  return reqs;
}

/** A node's allocatable resources from its status. */
export function parseResourceList(list: Readonly<Record<string, unknown>> | undefined): ResourceList {
  const out: ResourceList = new Map();
  for (const [k, v] of Object.entries(list ?? {})) {
    out.set(k, amount(k, typeof v === 'number' || typeof v === 'string' ? v : undefined));
  }
  return out;
}

export function addResources(target: ResourceList, add: ResourceList, sign = 1): void {
  for (const [k, v] of add) target.set(k, (target.get(k) ?? 0) + sign * v);
}
