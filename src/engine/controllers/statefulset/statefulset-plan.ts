/**
 * The StatefulSet controller's decisions (`stateful_set_control.go` updateStatefulSet,
 * processReplica, processCondemned, the rolling update and the status), pure: given the
 * set, its current and update templates and the pods and claims it has, the ordered list
 * of writes one sync makes, and the status it reports.
 *
 * OrderedReady ("monotonic") makes at most one move per sync and only when every pod below
 * is Running and Available: create the lowest missing ordinal, or delete the highest
 * condemned one (scale down), or replace the highest pod of an old revision (rolling
 * update). Parallel creates and deletes without waiting; a rolling update still goes one
 * pod at a time.
 */
import type { KubeObject } from '../../api/types.ts';
import {
  claimsFor,
  endOrdinal,
  isCreated,
  isFailed,
  isHealthy,
  isPending,
  isRunningAndAvailable,
  isRunningAndReady,
  isSucceeded,
  isTerminating,
  newStatefulSetPod,
  ordinalOf,
  podMatchesSet,
  podRevision,
  repairedPod,
  startOrdinal,
  stsSpec,
  type StatefulSetStatus,
} from './statefulset-util.ts';

export interface StatefulSetState {
  readonly set: KubeObject;
  /** The set as of its current revision, and as of its update revision (`ApplyRevision`). */
  readonly currentSet: KubeObject;
  readonly updateSet: KubeObject;
  readonly currentRevision: string;
  readonly updateRevision: string;
  readonly collisionCount: number;
  /** The pods the set controls (claimed, members by name). */
  readonly pods: readonly KubeObject[];
  /** The claims in the set's namespace, by name. */
  readonly claims: ReadonlyMap<string, KubeObject>;
  readonly nowMs: number;
}

export type StatefulSetAction =
  /** Create the missing claims, then the pod (`CreateStatefulPod`). */
  | { readonly kind: 'createPod'; readonly pod: KubeObject; readonly claims: readonly KubeObject[] }
  /** A pending pod whose claims went missing gets them back (`createMissingPersistentVolumeClaims`). */
  | { readonly kind: 'createClaims'; readonly pod: KubeObject; readonly claims: readonly KubeObject[] }
  | { readonly kind: 'deletePod'; readonly pod: KubeObject }
  /** Identity or storage repaired in place (`UpdateStatefulPod`). */
  | { readonly kind: 'updatePod'; readonly pod: KubeObject }
  /** A claim the pod needs is being deleted: the pod cannot be made this sync. */
  | { readonly kind: 'fail'; readonly pod: KubeObject; readonly message: string };

export interface StatefulSetPlan {
  readonly actions: StatefulSetAction[];
  readonly status: StatefulSetStatus;
}

/** The claims of `pod` that do not exist yet; a failure when one is being deleted. */
function missingClaims(s: StatefulSetState, pod: KubeObject): { claims: KubeObject[]; error?: string } {
  const claims: KubeObject[] = [];
  for (const claim of claimsFor(s.set, ordinalOf(pod))) {
    const existing = s.claims.get(claim.metadata.name ?? '');
    if (!existing) claims.push(claim);
    else if (existing.metadata.deletionTimestamp)
      return { claims, error: `pvc ${claim.metadata.name ?? ''} is being deleted` };
  }
  return { claims };
}

/** `computeReplicaStatus` over the pods that exist (the ones about to be created do not). */
function replicaStatus(s: StatefulSetState, pods: readonly KubeObject[]) {
  const minReady = stsSpec(s.set).minReadySeconds ?? 0;
  const out = { replicas: 0, readyReplicas: 0, availableReplicas: 0, currentReplicas: 0, updatedReplicas: 0 };
  for (const pod of pods) {
    if (isCreated(pod)) out.replicas++;
    if (isRunningAndReady(pod)) {
      out.readyReplicas++;
      if (isRunningAndAvailable(pod, minReady, s.nowMs)) out.availableReplicas++;
    }
    if (isCreated(pod) && !isTerminating(pod)) {
      if (podRevision(pod) === s.currentRevision) out.currentReplicas++;
      if (podRevision(pod) === s.updateRevision) out.updatedReplicas++;
    }
  }
  return out;
}

/** The template a new pod of this ordinal is made from: below the partition, the current one. */
function newPod(s: StatefulSetState, ordinal: number): KubeObject {
  const strategy = stsSpec(s.currentSet).updateStrategy;
  const rolling = strategy?.type === 'RollingUpdate';
  const start = startOrdinal(s.set);
  const currentReplicas =
    (s.currentSet.status as { currentReplicas?: number } | undefined)?.currentReplicas ?? 0;
  // Go's condition groups as (RollingUpdate without parameters && …) || (with a partition && …).
  const keepCurrent = strategy?.rollingUpdate
    ? ordinal < start + (strategy.rollingUpdate.partition ?? 0)
    : rolling && ordinal < start + currentReplicas;
  const source = keepCurrent ? s.currentSet : s.updateSet;
  const revision = keepCurrent ? s.currentRevision : s.updateRevision;
  return newStatefulSetPod(s.set, stsSpec(source).template ?? {}, ordinal, revision);
}

export function planStatefulSet(s: StatefulSetState): StatefulSetPlan {
  const spec = stsSpec(s.set);
  const monotonic = spec.podManagementPolicy !== 'Parallel';
  const minReady = spec.minReadySeconds ?? 0;
  const start = startOrdinal(s.set);
  const end = endOrdinal(s.set);
  const existing: (KubeObject | undefined)[] = Array.from({ length: end - start }, () => undefined);
  const condemned: KubeObject[] = [];
  for (const pod of s.pods) {
    const ordinal = ordinalOf(pod);
    if (ordinal >= start && ordinal < end) existing[ordinal - start] = pod;
    else if (ordinal >= 0) condemned.push(pod);
  }
  condemned.sort((a, b) => ordinalOf(b) - ordinalOf(a));
  const replicas = existing.map((p, i) => p ?? newPod(s, start + i));
  const counts = replicaStatus(s, [...replicas, ...condemned]);
  const actions: StatefulSetAction[] = [];
  const status = (): StatefulSetPlan => ({ actions, status: finish(s, counts) });
  if (s.set.metadata.deletionTimestamp) return status();

  const firstUnhealthy = [...replicas, ...condemned].find((p) => !isHealthy(p));

  // Each living replica, lowest first; `true` means this sync can go no further.
  const processReplica = (pod: KubeObject, isNew: boolean): boolean => {
    if (!isNew && (isFailed(pod) || isSucceeded(pod))) {
      // The replacement comes on a later sync, once this one is gone.
      if (!isTerminating(pod)) actions.push({ kind: 'deletePod', pod });
      return true;
    }
    if (isNew) {
      const { claims, error } = missingClaims(s, pod);
      actions.push(error ? { kind: 'fail', pod, message: error } : { kind: 'createPod', pod, claims });
      return monotonic || !!error;
    }
    if (isPending(pod)) {
      const { claims, error } = missingClaims(s, pod);
      if (error) {
        actions.push({ kind: 'fail', pod, message: error });
        return true;
      }
      if (claims.length) actions.push({ kind: 'createClaims', pod, claims });
    }
    if (isTerminating(pod) && monotonic) return true;
    if (!isRunningAndAvailable(pod, minReady, s.nowMs) && monotonic) return true;
    if (!podMatchesSet(s.set, pod)) actions.push({ kind: 'updatePod', pod: repairedPod(s.updateSet, pod) });
    return false;
  };
  for (let i = 0; i < replicas.length; i++) {
    const exit = processReplica(replicas[i]!, existing[i] === undefined);
    const failed = actions.some((a) => a.kind === 'fail');
    if ((exit && monotonic) || failed) return status();
  }

  // Condemned pods, highest ordinal first: in order, only once all below are available.
  for (const pod of condemned) {
    if (isTerminating(pod)) {
      if (monotonic) return status();
      continue;
    }
    if (monotonic && !isRunningAndAvailable(pod, minReady, s.nowMs) && pod !== firstUnhealthy)
      return status();
    actions.push({ kind: 'deletePod', pod });
    if (monotonic) return status();
  }

  if (spec.updateStrategy?.type === 'OnDelete') return status();

  // The rolling update: the highest replica of an old revision goes first (from the partition up).
  const partition = spec.updateStrategy?.rollingUpdate?.partition ?? 0;
  for (let target = replicas.length - 1; target >= partition; target--) {
    const pod = replicas[target]!;
    if (existing[target] && podRevision(pod) !== s.updateRevision && !isTerminating(pod)) {
      actions.push({ kind: 'deletePod', pod });
      counts.currentReplicas--;
      return status();
    }
    if (!isHealthy(pod)) return status();
  }
  return status();
}

/** The status written (`updateStatus` + `completeRollingUpdate`). */
function finish(s: StatefulSetState, counts: ReturnType<typeof replicaStatus>): StatefulSetStatus {
  const status: StatefulSetStatus = {
    observedGeneration: s.set.metadata.generation ?? 0,
    ...counts,
    currentRevision: s.currentRevision,
    updateRevision: s.updateRevision,
    collisionCount: s.collisionCount,
  };
  if (
    stsSpec(s.set).updateStrategy?.type === 'RollingUpdate' &&
    status.updatedReplicas === status.replicas &&
    status.readyReplicas === status.replicas
  ) {
    status.currentReplicas = status.updatedReplicas;
    status.currentRevision = status.updateRevision;
  }
  return status;
}
