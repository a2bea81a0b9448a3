/**
 * A Deployment's status and conditions (`sync.go` calculateStatus, `progress.go`
 * syncRolloutStatus, `deployment_util.go` condition helpers), pure.
 */
import type { KubeObject } from '../../api/types.ts';
import { formatTimestamp, parseTimestamp } from '../../time/clock.ts';
import {
  availableReplicasSum,
  dSpec,
  dStatus,
  hasProgressDeadline,
  maxUnavailable,
  readyReplicasSum,
  replicasOf,
  specReplicasSum,
  statusReplicasSum,
  type DeploymentCondition,
  type DeploymentStatus,
} from './deployment-util.ts';

export const AVAILABLE = 'Available';
export const PROGRESSING = 'Progressing';
export const REPLICA_FAILURE = 'ReplicaFailure';

export function newCondition(
  type: string,
  status: string,
  reason: string,
  message: string,
  nowMs: number,
): DeploymentCondition {
  const t = formatTimestamp(nowMs);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getCondition(status: DeploymentStatus, type: string): DeploymentCondition | undefined {
  return status.conditions?.find((c) => c.type === type);
}

/** `SetDeploymentCondition`: same status and reason is no change; same status keeps the transition time. */
export function setCondition(status: DeploymentStatus, condition: DeploymentCondition): void {
  const current = getCondition(status, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return;
  const next = { ...condition };
  if (current && current.status === condition.status) next.lastTransitionTime = current.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== condition.type), next];
}

export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}

/** `calculateStatus`: counts over the ReplicaSets and the Available condition. */
export function calculateStatus(
  d: KubeObject,
  allRSs: readonly (KubeObject | undefined)[],
  newRS: KubeObject | undefined,
  nowMs: number,
): DeploymentStatus {
  const available = availableReplicasSum(allRSs);
  const unavailable = Math.max(0, specReplicasSum(allRSs) - available);
  const old = dStatus(d);
  const status: DeploymentStatus = {};
  // Zero counts are omitted, as the API types mark them omitempty.
  const set = (k: keyof DeploymentStatus, v: number) => {
    if (v) (status as Record<string, number>)[k] = v;
  };
  set('observedGeneration', d.metadata.generation ?? 0);
  set('replicas', statusReplicasSum(allRSs));
  set('updatedReplicas', statusReplicasSum([newRS]));
  set('readyReplicas', readyReplicasSum(allRSs));
  set('availableReplicas', available);
  set('unavailableReplicas', unavailable);
  if (old.conditions) status.conditions = old.conditions.map((c) => ({ ...c }));
  if (old.collisionCount !== undefined) status.collisionCount = old.collisionCount;
  if (available >= replicasOf(d) - maxUnavailable(d)) {
    setCondition(
      status,
      newCondition(
        AVAILABLE,
        'True',
        'MinimumReplicasAvailable',
        'Deployment has minimum availability.',
        nowMs,
      ),
    );
  } else {
    setCondition(
      status,
      newCondition(
        AVAILABLE,
        'False',
        'MinimumReplicasUnavailable',
        'Deployment does not have minimum availability.',
        nowMs,
      ),
    );
  }
  return status;
}

/** `DeploymentComplete`: every replica updated and available, the generation observed. */
export function deploymentComplete(d: KubeObject, s: DeploymentStatus): boolean {
  const r = replicasOf(d);
  return (
    (s.updatedReplicas ?? 0) === r &&
    (s.replicas ?? 0) === r &&
    (s.availableReplicas ?? 0) === r &&
    (s.observedGeneration ?? 0) >= (d.metadata.generation ?? 0)
  );
}

/** `DeploymentProgressing`: more updated, fewer old, more ready or more available replicas. */
export function deploymentProgressing(d: KubeObject, s: DeploymentStatus): boolean {
  const o = dStatus(d);
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
  return (
    (s.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (s.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
    (s.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
  );
}

/** `DeploymentTimedOut`: no progress for progressDeadlineSeconds since the condition last moved. */
export function deploymentTimedOut(d: KubeObject, s: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(s, PROGRESSING);
  if (!c || c.reason === 'NewReplicaSetAvailable') return false;
  if (c.reason === 'ProgressDeadlineExceeded') return true;
  if (!c.lastUpdateTime) return false;
  return parseTimestamp(c.lastUpdateTime) + (dSpec(d).progressDeadlineSeconds ?? 0) * 1000 < nowMs;
}

/** `syncRolloutStatus`'s new status: counts, then the Progressing and ReplicaFailure conditions. */
export function rolloutStatus(
  d: KubeObject,
  allRSs: readonly (KubeObject | undefined)[],
  newRS: KubeObject | undefined,
  nowMs: number,
): DeploymentStatus {
  const status = calculateStatus(d, allRSs, newRS, nowMs);
  if (!hasProgressDeadline(d)) removeCondition(status, PROGRESSING);
  const current = getCondition(dStatus(d), PROGRESSING);
  const complete =
    (status.replicas ?? 0) === (status.updatedReplicas ?? 0) && current?.reason === 'NewReplicaSetAvailable';
  const subject = newRS
    ? `ReplicaSet "${newRS.metadata.name ?? ''}"`
    : `Deployment "${d.metadata.name ?? ''}"`;
  if (hasProgressDeadline(d) && !complete) {
    if (deploymentComplete(d, status)) {
      setCondition(
        status,
        newCondition(
          PROGRESSING,
          'True',
          'NewReplicaSetAvailable',
          `${subject} has successfully progressed.`,
          nowMs,
        ),
      );
    } else if (deploymentProgressing(d, status)) {
      const c = newCondition(PROGRESSING, 'True', 'ReplicaSetUpdated', `${subject} is progressing.`, nowMs);
      if (current) {
        if (current.status === 'True') c.lastTransitionTime = current.lastTransitionTime;
        removeCondition(status, PROGRESSING);
      }
      setCondition(status, c);
    } else if (deploymentTimedOut(d, status, nowMs)) {
      setCondition(
        status,
        newCondition(
          PROGRESSING,
          'False',
          'ProgressDeadlineExceeded',
          `${subject} has timed out progressing.`,
          nowMs,
        ),
      );
    }
  }
  const failure = replicaFailure(allRSs, newRS);
  if (failure) setCondition(status, failure);
  else removeCondition(status, REPLICA_FAILURE);
  return status;
}

/** `getReplicaFailures`: the new ReplicaSet's ReplicaFailure condition, else an old one's. */
function replicaFailure(
  allRSs: readonly (KubeObject | undefined)[],
  newRS: KubeObject | undefined,
): DeploymentCondition | undefined {
  const failureOf = (rs: KubeObject | undefined): DeploymentCondition | undefined => {
    const c = (rs?.status as { conditions?: DeploymentCondition[] } | undefined)?.conditions?.find(
      (x) => x.type === REPLICA_FAILURE,
    );
    if (!c) return undefined;
    return {
      type: REPLICA_FAILURE,
      status: c.status,
      lastUpdateTime: c.lastTransitionTime,
      lastTransitionTime: c.lastTransitionTime,
      ...(c.reason !== undefined ? { reason: c.reason } : {}),
      ...(c.message !== undefined ? { message: c.message } : {}),
    };
  };
  const fromNew = failureOf(newRS);
  if (fromNew) return fromNew;
  for (const rs of allRSs) {
    if (rs === newRS) continue;
    const f = failureOf(rs);
    if (f) return f;
  }
  return undefined;
}

/** When to look again at a rollout that may time out (`requeueStuckDeployment`), in ms; undefined for never. */
export function stuckRequeueMs(d: KubeObject, status: DeploymentStatus, nowMs: number): number | undefined {
  const current = getCondition(dStatus(d), PROGRESSING);
  if (!hasProgressDeadline(d) || !current || !current.lastUpdateTime) return undefined;
  if (current.reason === 'ProgressDeadlineExceeded' || deploymentComplete(d, status)) return undefined;
  const after =
    parseTimestamp(current.lastUpdateTime) + (dSpec(d).progressDeadlineSeconds ?? 0) * 1000 - nowMs;
  return after < 1000 ? 0 : after + 1000;
}
