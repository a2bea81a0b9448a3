/**
 * Pod facts the workload controllers decide on (`k8s.io/kubernetes/pkg/api/v1/pod` util and
 * `controller_utils.go`): whether a pod still counts, is Ready, and has been Ready for long
 * enough to be Available.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseTimestamp } from '../../time/clock.ts';

export interface PodCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
}

export function podPhase(pod: KubeObject): string {
  return (pod.status as { phase?: string } | undefined)?.phase ?? '';
}

export function podCondition(pod: KubeObject, type: string): PodCondition | undefined {
  const conditions = (pod.status as { conditions?: PodCondition[] } | undefined)?.conditions ?? [];
  return conditions.find((c) => c.type === type);
}

/** `controller.IsPodActive`: not finished and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = podPhase(pod);
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function isPodReady(pod: KubeObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** `podutil.IsPodAvailable`: Ready, and Ready for at least minReadySeconds. */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (minReadySeconds <= 0) return true;
  if (!ready.lastTransitionTime) return false;
  return parseTimestamp(ready.lastTransitionTime) + minReadySeconds * 1000 <= nowMs;
}

export function podNodeName(pod: KubeObject): string {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
}

/** The highest restart count among the pod's containers. */
export function maxContainerRestarts(pod: KubeObject): number {
  const statuses =
    (pod.status as { containerStatuses?: { restartCount?: number }[] } | undefined)?.containerStatuses ?? [];
  return statuses.reduce((max, s) => Math.max(max, s.restartCount ?? 0), 0);
}
