/**
 * The writes one Deployment sync makes to its ReplicaSets and its own status
 * (`sync.go` getNewReplicaSet, scaleReplicaSet, cleanupDeployment): creating the template's
 * ReplicaSet (with hash-collision handling), keeping revisions and replicas annotations,
 * scaling with `ScalingReplicaSet` events, and deleting history beyond the limit.
 */
import type { KubeObject } from '../../api/types.ts';
import {
  ApiError,
  hasStatusCause,
  isAlreadyExists,
  isNotFound,
  type ApiClient,
} from '../../client/api-client.ts';
import type { EventRecorder } from '../../client/event-recorder.ts';
import type { Lister } from '../../client/lister.ts';
import { servedResource } from '../discovery.ts';
import { controllerRefFor, getControllerOf } from '../replicaset/controller-ref.ts';
import { rsSpec, rsStatus } from '../replicaset/replicaset-plan.ts';
import {
  byRevision,
  dSpec,
  dStatus,
  equalIgnoreHash,
  findNewReplicaSet,
  findOldReplicaSets,
  hasProgressDeadline,
  maxRevision,
  maxSurge,
  POD_TEMPLATE_HASH_LABEL,
  replicasAnnotationsNeedUpdate,
  replicasOf,
  rsReplicas,
  setDeploymentRevision,
  setNewReplicaSetAnnotations,
  setReplicasAnnotations,
  type DeploymentStatus,
} from './deployment-util.ts';
import { getCondition, newCondition, PROGRESSING, setCondition } from './deployment-status.ts';
import { computeHash } from './pod-template-hash.ts';
import { newRSNewReplicas, type Scaling } from './rolling-plan.ts';

const deployments = servedResource('apps', 'v1', 'Deployment');
const replicaSets = servedResource('apps', 'v1', 'ReplicaSet');

export const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

/** The ScalingReplicaSet event texts of kube-controller-manager v1.34. */
export function scalingMessage(rs: string, from: number, to: number): string {
  return `Scaled ${to > from ? 'up' : 'down'} replica set ${rs} from ${from} to ${to}`;
}

/** What a sync reads and writes with: the controller's client, recorder, caches and clock. */
export interface DeploymentSyncHost {
  readonly api: ApiClient;
  readonly recorder: EventRecorder;
  readonly replicaSets: Lister;
  readonly pods: Lister;
  now(): number;
}

export class DeploymentWrites {
  /** The Deployment as this sync sees it: its status and annotations change as the sync goes. */
  d: KubeObject;
  /** When to look again for the progress deadline (0: at once, rate limited). */
  requeueAfterMs: number | undefined;

  constructor(
    protected readonly host: DeploymentSyncHost,
    deployment: KubeObject,
  ) {
    this.d = clone(deployment);
  }

  updateStatus(status: DeploymentStatus): void {
    const body: KubeObject = { ...this.d, status };
    const updated = this.host.api.updateStatus(deployments, body);
    this.d = {
      ...this.d,
      status,
      metadata: { ...this.d.metadata, resourceVersion: updated.metadata.resourceVersion },
    };
  }

  /** `getAllReplicaSetsAndSyncRevision`. */
  protected allReplicaSets(rsList: KubeObject[], create: boolean) {
    const oldRSs = findOldReplicaSets(this.d, rsList);
    const newRS = this.newReplicaSet(rsList, oldRSs, create);
    return { newRS, oldRSs };
  }

  /** `getNewReplicaSet`: finds (and syncs the revision of) or creates the template's ReplicaSet. */
  protected newReplicaSet(
    rsList: KubeObject[],
    oldRSs: KubeObject[],
    create: boolean,
  ): KubeObject | undefined {
    const d = this.d;
    const existing = findNewReplicaSet(d, rsList);
    const newRevision = maxRevision(oldRSs) + 1;
    const now = this.host.now();
    if (existing) {
      const copy = clone(existing);
      const annotationsUpdated = setNewReplicaSetAnnotations(d, copy, newRevision, true);
      const minReady = dSpec(d).minReadySeconds ?? 0;
      if (annotationsUpdated || (rsSpec(copy).minReadySeconds ?? 0) !== minReady) {
        copy.spec = { ...(copy.spec as object), minReadySeconds: minReady };
        if (!minReady) delete (copy.spec as { minReadySeconds?: number }).minReadySeconds;
        return this.host.api.update(replicaSets, copy);
      }
      let needsUpdate = setDeploymentRevision(
        d,
        copy.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '',
      );
      const status = clone(dStatus(d));
      if (!getCondition(status, PROGRESSING) && hasProgressDeadline(d)) {
        setCondition(
          status,
          newCondition(
            PROGRESSING,
            'True',
            'FoundNewReplicaSet',
            `Found new replica set "${copy.metadata.name ?? ''}"`,
            now,
          ),
        );
        needsUpdate = true;
      }
      if (needsUpdate) this.updateStatus(status);
      return copy;
    }
    if (!create) return undefined;
    return this.createReplicaSet(oldRSs, newRevision);
  }

  protected createReplicaSet(oldRSs: KubeObject[], newRevision: number): KubeObject | undefined {
    const d = this.d;
    const spec = dSpec(d);
    const collisionCount = dStatus(d).collisionCount;
    const hash = computeHash(spec.template ?? {}, collisionCount);
    const template = clone(spec.template ?? {});
    const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    template.metadata = { ...(template.metadata ?? {}), labels };
    const selector = clone(spec.selector ?? {});
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    const name = `${d.metadata.name ?? ''}-${hash}`;
    const rs: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name,
        namespace: d.metadata.namespace ?? '',
        labels: { ...labels },
        ownerReferences: [controllerRefFor(d)],
      },
      spec: {
        replicas: 0,
        ...(spec.minReadySeconds ? { minReadySeconds: spec.minReadySeconds } : {}),
        selector,
        template,
      },
    };
    const replicas = newRSNewReplicas(d, [...oldRSs, rs], rs);
    (rs.spec as { replicas: number }).replicas = replicas;
    setNewReplicaSetAnnotations(d, rs, newRevision, false);
    const now = this.host.now();
    let created: KubeObject;
    try {
      created = this.host.api.create(replicaSets, rs);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (isAlreadyExists(e)) {
        const found = this.host.replicaSets.get(d.metadata.namespace, name);
        if (
          found &&
          getControllerOf(found)?.uid === d.metadata.uid &&
          equalIgnoreHash(spec.template, rsSpec(found).template)
        )
          return found;
        // A ReplicaSet of another template holds the name: hash again with a higher collisionCount.
        this.updateStatus({ ...clone(dStatus(d)), collisionCount: (collisionCount ?? 0) + 1 });
        throw e;
      }
      if (hasStatusCause(e, 'NamespaceTerminating')) throw e;
      const msg = `Failed to create new replica set "${name}": ${e.message}`;
      if (hasProgressDeadline(d)) {
        const status = clone(dStatus(d));
        setCondition(status, newCondition(PROGRESSING, 'False', 'ReplicaSetCreateError', msg, now));
        try {
          this.updateStatus(status);
        } catch (err) {
          if (!(err instanceof ApiError)) throw err;
        }
      }
      this.host.recorder.event(d, 'Warning', 'ReplicaSetCreateError', msg);
      throw e;
    }
    if (replicas > 0)
      this.host.recorder.event(d, 'Normal', 'ScalingReplicaSet', scalingMessage(name, 0, replicas));
    setDeploymentRevision(d, String(newRevision));
    const status = clone(dStatus(d));
    if (hasProgressDeadline(d)) {
      setCondition(
        status,
        newCondition(PROGRESSING, 'True', 'NewReplicaSetCreated', `Created new replica set "${name}"`, now),
      );
    }
    this.updateStatus(status);
    return created;
  }

  /** `scaleReplicaSet(AndRecordEvent)`: resizes one ReplicaSet and records the event. */
  protected scale(s: Scaling): KubeObject {
    const { rs, replicas } = s;
    const d = this.d;
    const base = rs;
    const sizeChanges = rsReplicas(base) !== replicas;
    if (!sizeChanges && !s.syncAnnotations) return base;
    const max = replicasOf(d) + maxSurge(d);
    if (!sizeChanges && !replicasAnnotationsNeedUpdate(base, replicasOf(d), max)) return base;
    const copy = clone(base);
    copy.spec = { ...(copy.spec as object), replicas };
    setReplicasAnnotations(copy, replicasOf(d), max);
    const updated = this.host.api.update(replicaSets, copy);
    if (sizeChanges) {
      this.host.recorder.event(
        d,
        'Normal',
        'ScalingReplicaSet',
        scalingMessage(rs.metadata.name ?? '', rsReplicas(base), replicas),
      );
    }
    return updated;
  }

  /** Applies scalings in order, later ones seeing the ReplicaSets the earlier ones wrote. */
  protected applyScalings(scalings: readonly Scaling[]): boolean {
    const latest = new Map<string, KubeObject>();
    let scaled = false;
    for (const s of scalings) {
      const rs = latest.get(s.rs.metadata.uid ?? '') ?? s.rs;
      const updated = this.scale({ ...s, rs });
      if (updated !== rs) {
        latest.set(rs.metadata.uid ?? '', updated);
        if (rsReplicas(rs) !== s.replicas) scaled = true;
      }
    }
    return scaled;
  }

  /** `cleanupDeployment`: deletes the oldest scaled-down ReplicaSets beyond revisionHistoryLimit. */
  protected cleanup(oldRSs: readonly KubeObject[]): void {
    const d = this.d;
    const limit = dSpec(d).revisionHistoryLimit;
    if (limit === undefined) return;
    const cleanable = oldRSs.filter((rs) => !rs.metadata.deletionTimestamp).sort(byRevision);
    const diff = cleanable.length - limit;
    for (let i = 0; i < diff; i++) {
      const rs = cleanable[i]!;
      const observed = rsStatus(rs).observedGeneration ?? 0;
      if (rsStatus(rs).replicas !== 0 || rsReplicas(rs) !== 0 || (rs.metadata.generation ?? 0) > observed)
        continue;
      try {
        this.host.api.delete(replicaSets, rs.metadata.namespace, rs.metadata.name ?? '');
      } catch (e) {
        if (!isNotFound(e)) throw e;
      }
    }
  }
}
