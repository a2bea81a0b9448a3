/** Which watch events concern the scheduler, and which changes could make a pending pod fit. */
import type { KubeObject } from '../api/types.ts';
import { podSpec } from './types.ts';

export const SCHEDULER_NAME = 'default-scheduler';

export function isAssigned(pod: KubeObject): boolean {
  return !!podSpec(pod).nodeName;
}

export function isTerminal(pod: KubeObject): boolean {
  const phase = (pod.status as { phase?: string } | undefined)?.phase;
  return phase === 'Succeeded' || phase === 'Failed';
}

export function responsibleFor(pod: KubeObject): boolean {
  const spec = podSpec(pod);
  return (
    (spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME &&
    !spec.nodeName &&
    !pod.metadata.deletionTimestamp &&
    !(spec.schedulingGates ?? []).length
  );
}

/** `isPodUpdated`: a change beyond status and bookkeeping, which might make the pod schedulable. */
export function podChanged(a: KubeObject, b: KubeObject): boolean {
  const strip = (p: KubeObject) => {
    const { resourceVersion: _rv, generation: _g, managedFields: _mf, ...meta } = p.metadata;
    return JSON.stringify([meta, p.spec]);
  };
  return strip(a) !== strip(b);
}

/** Node changes that can make a pod fit: labels, taints, allocatable, cordoning, conditions. */
export function nodeSchedulingChanged(a: KubeObject, b: KubeObject): boolean {
  const view = (n: KubeObject) => {
    const spec = (n.spec ?? {}) as { taints?: unknown; unschedulable?: unknown };
    const status = (n.status ?? {}) as {
      allocatable?: unknown;
      conditions?: { type: string; status: string }[];
    };
    return JSON.stringify([
      n.metadata.labels,
      spec.taints,
      spec.unschedulable,
      status.allocatable,
      (status.conditions ?? []).map((c) => [c.type, c.status]),
    ]);
  };
  return view(a) !== view(b);
}
