/**
 * `MarkPodsNotReady` (pkg/controller/util/node): the pods of a node that stopped
 * reporting can no longer be trusted to serve, so their Ready condition turns False
 * (which takes them out of Service endpoints) until their kubelet reports again.
 */
import type { KubeObject } from '../../api/types.ts';
import { ApiError, type ApiClient } from '../../client/api-client.ts';
import type { EventRecorder } from '../../client/event-recorder.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { servedResource } from '../discovery.ts';

const pods = servedResource('', 'v1', 'Pod');

interface PodCondition {
  readonly type: string;
  readonly status: string;
  readonly lastTransitionTime?: string | null;
  readonly [field: string]: unknown;
}

/** The pod with Ready=False, or undefined when it has no Ready condition or it is already False. */
export function planPodNotReady(pod: KubeObject, nowMs: number): KubeObject | undefined {
  const status = (pod.status ?? {}) as { conditions?: PodCondition[] };
  const conditions = status.conditions ?? [];
  const i = conditions.findIndex((c) => c.type === 'Ready');
  const ready = conditions[i];
  if (!ready || ready.status === 'False') return undefined;
  const updated: PodCondition = { ...ready, status: 'False', lastTransitionTime: formatTimestamp(nowMs) };
  return {
    ...pod,
    status: { ...status, conditions: conditions.map((c, j) => (j === i ? updated : c)) },
  };
}

/**
 * Writes Ready=False for the pods of `nodeName` and tells each with a `NodeNotReady`
 * event; returns the failures (a pod that is gone meanwhile is none).
 */
export function markPodsNotReady(
  api: ApiClient,
  recorder: EventRecorder,
  onNode: readonly KubeObject[],
  nodeName: string,
  nowMs: number,
): string[] {
  const failures: string[] = [];
  for (const pod of onNode) {
    if (podNode(pod) !== nodeName) continue;
    const updated = planPodNotReady(pod, nowMs);
    if (!updated) continue;
    try {
      api.updateStatus(pods, updated);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.code === 404) continue;
      failures.push(e.message);
    }
    recorder.event(updated, 'Warning', 'NodeNotReady', 'Node is not ready');
  }
  return failures;
}

export function podNode(pod: KubeObject): string {
  const nodeName = (pod.spec as { nodeName?: unknown } | undefined)?.nodeName;
  return typeof nodeName === 'string' ? nodeName : '';
}
