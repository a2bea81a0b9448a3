/**
 * The `endpoints.kubernetes.io/last-change-trigger-time` annotation (`k8s.io/endpointslice/util`
 * TriggerTimeTracker), shared by the endpoint and endpointslice controllers: per Service, the
 * time of the earliest change that the coming write reflects. A pod's trigger time is the
 * last transition of its Ready condition, the Service's is its creation. A Service seen for
 * the first time gets its creation time; afterwards the earliest trigger time that moved
 * since the previous sync, or none when nothing moved (the annotation is then cleared on
 * the next write). Every sync updates the state, even one that writes nothing.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseTimestamp } from '../../time/clock.ts';

export const LAST_CHANGE_TRIGGER_TIME = 'endpoints.kubernetes.io/last-change-trigger-time';

/** What one Service's previous sync saw: its own trigger time and each pod's, by pod name. */
export interface ServiceTriggerState {
  readonly service: number;
  readonly pods: ReadonlyMap<string, number>;
}

interface PodConditions {
  conditions?: { type?: string; lastTransitionTime?: string }[];
}

/** The Ready condition's last transition; undefined for a pod without one. */
export function podTriggerTime(pod: KubeObject): number | undefined {
  const ready = ((pod.status ?? {}) as PodConditions).conditions?.find((c) => c.type === 'Ready');
  if (!ready?.lastTransitionTime) return undefined;
  const at = parseTimestamp(ready.lastTransitionTime);
  return Number.isNaN(at) ? undefined : at;
}

function serviceTriggerTime(service: KubeObject): number {
  const at = parseTimestamp(service.metadata.creationTimestamp ?? '');
  return Number.isNaN(at) ? 0 : at;
}

/** The trigger time to export (undefined: none) and the state the next sync compares with. Pure. */
export function computeTriggerTime(
  previous: ServiceTriggerState | undefined,
  service: KubeObject,
  pods: readonly KubeObject[],
): { time: number | undefined; state: ServiceTriggerState } {
  let earliest: number | undefined;
  const changed = (at: number) => {
    if (earliest === undefined || at < earliest) earliest = at;
  };
  const podTimes = new Map<string, number>();
  for (const pod of pods) {
    const at = podTriggerTime(pod);
    if (at === undefined) continue;
    const name = pod.metadata.name ?? '';
    podTimes.set(name, at);
    if (at > (previous?.pods.get(name) ?? Number.NEGATIVE_INFINITY)) changed(at);
  }
  const serviceTime = serviceTriggerTime(service);
  if (serviceTime > (previous?.service ?? Number.NEGATIVE_INFINITY)) changed(serviceTime);
  const state = { service: serviceTime, pods: podTimes };
  if (!previous) return { time: serviceTime || undefined, state };
  return { time: earliest, state };
}

/** Go's `time.RFC3339Nano` in UTC: fractional seconds only when present, trailing zeros dropped. */
export function formatRFC3339Nano(ms: number): string {
  const iso = new Date(ms).toISOString();
  return iso.replace(/\.(\d{3})Z$/, (_m, frac: string) => {
    const trimmed = frac.replace(/0+$/, '');
    return trimmed ? `.${trimmed}Z` : 'Z';
  });
}

/** One controller's tracker: the state of every Service it has synced. */
export class TriggerTimeTracker {
  readonly #states = new Map<string, ServiceTriggerState>();

  /** The annotation value for this sync, or undefined when it should be cleared. */
  compute(service: KubeObject, pods: readonly KubeObject[]): string | undefined {
    const key = `${service.metadata.namespace ?? ''}/${service.metadata.name ?? ''}`;
    const { time, state } = computeTriggerTime(this.#states.get(key), service, pods);
    this.#states.set(key, state);
    return time === undefined ? undefined : formatRFC3339Nano(time);
  }

  deleteService(namespace: string, name: string): void {
    this.#states.delete(`${namespace}/${name}`);
  }
}

/** `annotations` with the trigger time set, or removed when there is none; undefined when left empty. */
export function withTriggerTime(
  annotations: Record<string, string> | undefined,
  triggerTime: string | undefined,
): Record<string, string> | undefined {
  const next = { ...(annotations ?? {}) };
  if (triggerTime !== undefined) next[LAST_CHANGE_TRIGGER_TIME] = triggerTime;
  else delete next[LAST_CHANGE_TRIGGER_TIME];
  return Object.keys(next).length ? next : undefined;
}
