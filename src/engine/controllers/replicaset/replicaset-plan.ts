/**
 * The ReplicaSet controller's decisions (`replica_set.go` manageReplicas and
 * `replica_set_utils.go` calculateStatus), pure: how many pods to create, which to delete,
 * and the status the ReplicaSet should report.
 */
import type { KubeObject } from '../../api/types.ts';
import { selectorFromSet } from '../../labels/index.ts';
import { getPodsToDelete } from './pod-ranking.ts';
import { isPodAvailable, isPodReady } from './pod-status.ts';

/** `BurstReplicas`: the most pods one sync creates or deletes. */
export const BURST_REPLICAS = 500;

export interface ReplicaSetCondition {
  type: string;
  status: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface ReplicaSetStatus {
  replicas: number;
  fullyLabeledReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  observedGeneration?: number;
  conditions?: ReplicaSetCondition[];
}

export interface ReplicaSetSpec {
  replicas?: number;
  minReadySeconds?: number;
  selector?: { matchLabels?: Record<string, string> };
  template?: { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> } };
}

export function rsSpec(rs: KubeObject): ReplicaSetSpec {
  return (rs.spec as ReplicaSetSpec | undefined) ?? {};
}

export function rsStatus(rs: KubeObject): ReplicaSetStatus {
  return (rs.status as ReplicaSetStatus | undefined) ?? { replicas: 0 };
}

export interface ReplicaSetPlan {
  /** Pods to create (already capped by the burst limit). */
  readonly create: number;
  readonly delete: KubeObject[];
}

/** What manageReplicas does with `pods`, the active pods the ReplicaSet owns. */
export function planReplicas(
  rs: KubeObject,
  pods: readonly KubeObject[],
  related: readonly KubeObject[],
  nowMs: number,
): ReplicaSetPlan {
  const diff = pods.length - (rsSpec(rs).replicas ?? 1);
  if (diff < 0) return { create: Math.min(-diff, BURST_REPLICAS), delete: [] };
  if (diff > 0)
    return { create: 0, delete: getPodsToDelete(pods, related, Math.min(diff, BURST_REPLICAS), nowMs) };
  return { create: 0, delete: [] };
}

/** `calculateStatus`: counts over the owned active pods, and the ReplicaFailure condition. */
export function calculateReplicaSetStatus(
  rs: KubeObject,
  pods: readonly KubeObject[],
  manageError: { readonly message: string; readonly creating: boolean } | undefined,
  nowTimestamp: string,
  nowMs: number,
): ReplicaSetStatus {
  const spec = rsSpec(rs);
  const old = rsStatus(rs);
  const templateLabels = selectorFromSet(spec.template?.metadata?.labels ?? {});
  const minReadySeconds = spec.minReadySeconds ?? 0;
  let fullyLabeled = 0;
  let ready = 0;
  let available = 0;
  for (const pod of pods) {
    if (templateLabels.matches(pod.metadata.labels ?? {})) fullyLabeled++;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, nowMs)) available++;
    }
  }
  let conditions = old.conditions ?? [];
  const failure = conditions.find((c) => c.type === 'ReplicaFailure');
  if (manageError && !failure) {
    conditions = [
      ...conditions,
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: nowTimestamp,
        reason: manageError.creating ? 'FailedCreate' : 'FailedDelete',
        message: manageError.message,
      },
    ];
  } else if (!manageError && failure) {
    conditions = conditions.filter((c) => c.type !== 'ReplicaFailure');
  }
  const status: ReplicaSetStatus = { replicas: pods.length };
  // The API types mark these omitempty: zero counts are left out, as Go serialises them.
  if (fullyLabeled) status.fullyLabeledReplicas = fullyLabeled;
  if (ready) status.readyReplicas = ready;
  if (available) status.availableReplicas = available;
  if (old.observedGeneration !== undefined) status.observedGeneration = old.observedGeneration;
  if (conditions.length) status.conditions = conditions;
  return status;
}
