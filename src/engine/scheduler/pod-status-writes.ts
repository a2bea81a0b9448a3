/**
 * The scheduler's writes to pods other than the binding: the PodScheduled=False condition
 * of an unschedulable pod, and preemption (victims marked and deleted, the node nominated).
 */
import { findKind, type ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { ApiError, type ApiClient } from '../client/api-client.ts';
import type { EventRecorder } from '../client/event-recorder.ts';
import { formatTimestamp } from '../time/clock.ts';
import { SCHEDULER_NAME } from './event-filters.ts';
import type { PreemptionCandidate } from './preemption.ts';
import { podSpec } from './types.ts';

const PODS = findKind('', 'v1', 'Pod') as ResourceInfo;

interface Condition {
  readonly type: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
  readonly lastTransitionTime?: string;
}

/** A write that may find the pod gone: its deletion reaches the scheduler through the informer. */
function tolerateApiErrors(write: () => void): boolean {
  try {
    write();
    return true;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return false;
  }
}

/** Sets PodScheduled=False/Unschedulable with `message`, unless the pod already says exactly that. */
export function setUnschedulableCondition(
  api: ApiClient,
  pod: KubeObject,
  message: string,
  nowMs: number,
): void {
  const conditions = (pod.status as { conditions?: Condition[] } | undefined)?.conditions ?? [];
  const current = conditions.find((c) => c.type === 'PodScheduled');
  if (current?.status === 'False' && current.reason === 'Unschedulable' && current.message === message)
    return;
  const lastTransitionTime =
    current?.status === 'False' && current.lastTransitionTime
      ? current.lastTransitionTime
      : formatTimestamp(nowMs);
  const condition = {
    type: 'PodScheduled',
    status: 'False',
    lastProbeTime: null,
    lastTransitionTime,
    reason: 'Unschedulable',
    message,
  };
  tolerateApiErrors(() =>
    api.patch(
      PODS,
      pod.metadata.namespace,
      pod.metadata.name ?? '',
      'strategic',
      { status: { conditions: [condition] } },
      'status',
    ),
  );
}

/**
 * Evicts the victims the dry run chose (marking each with the DisruptionTarget condition
 * first) and nominates the node for the pod, which is retried once they are gone.
 */
export function preemptVictims(
  api: ApiClient,
  recorder: EventRecorder,
  pod: KubeObject,
  candidate: PreemptionCandidate,
  nowMs: number,
): void {
  const schedulerName = podSpec(pod).schedulerName ?? SCHEDULER_NAME;
  for (const victim of candidate.victims) {
    const ns = victim.metadata.namespace;
    const name = victim.metadata.name ?? '';
    const condition = {
      type: 'DisruptionTarget',
      status: 'True',
      lastTransitionTime: formatTimestamp(nowMs),
      reason: 'PreemptionByScheduler',
      message: `${schedulerName}: preempting to accommodate a higher priority pod`,
    };
    const deleted = tolerateApiErrors(() => {
      api.patch(PODS, ns, name, 'strategic', { status: { conditions: [condition] } }, 'status');
      api.delete(PODS, ns, name);
    });
    if (!deleted) continue;
    const message = `Preempted by pod ${pod.metadata.uid ?? ''} on node ${candidate.node}`;
    recorder.event(victim, 'Normal', 'Preempted', message);
  }
  tolerateApiErrors(() =>
    api.patch(
      PODS,
      pod.metadata.namespace,
      pod.metadata.name ?? '',
      'strategic',
      { status: { nominatedNodeName: candidate.node } },
      'status',
    ),
  );
}
