/**
 * The StatefulSet controller's writes (`stateful_pod_control.go`, the history client and
 * `updateStatefulSetStatus`): claims before their pod, each pod and claim announced by an
 * event on the set; revisions created under a collision-probing name; the status written
 * only when it changed.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import {
  ApiError,
  isAlreadyExists,
  isConflict,
  isNotFound,
  type ApiClient,
} from '../../client/api-client.ts';
import type { EventRecorder } from '../../client/event-recorder.ts';
import { SyncError } from '../controller.ts';
import { equalRevision, goJson, hashRevisionData, type UpdateRevisionPlan } from './history.ts';
import type { StatefulSetAction } from './statefulset-plan.ts';
import { stsStatus, type StatefulSetStatus } from './statefulset-util.ts';

export interface StatefulSetResources {
  readonly statefulSets: ResourceInfo;
  readonly pods: ResourceInfo;
  readonly claims: ResourceInfo;
  readonly revisions: ResourceInfo;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export class StatefulSetWrites {
  constructor(
    private readonly api: ApiClient,
    private readonly r: StatefulSetResources,
    private readonly recorder: EventRecorder,
  ) {}

  #podEvent(verb: string, set: KubeObject, pod: KubeObject, error?: string): void {
    const name = pod.metadata.name ?? '';
    const setName = set.metadata.name ?? '';
    const title = verb[0]!.toUpperCase() + verb.slice(1);
    if (error === undefined)
      this.recorder.event(
        set,
        'Normal',
        `Successful${title}`,
        `${verb} Pod ${name} in StatefulSet ${setName} successful`,
      );
    else
      this.recorder.event(
        set,
        'Warning',
        `Failed${title}`,
        `${verb} Pod ${name} in StatefulSet ${setName} failed error: ${error}`,
      );
  }

  /** `createPersistentVolumeClaims`: an already existing claim is no event, but still an error. */
  #createClaims(set: KubeObject, pod: KubeObject, claims: readonly KubeObject[]): string[] {
    const errors: string[] = [];
    const setName = set.metadata.name ?? '';
    const podName = pod.metadata.name ?? '';
    for (const claim of claims) {
      const name = claim.metadata.name ?? '';
      try {
        this.api.create(this.r.claims, claim);
        this.recorder.event(
          set,
          'Normal',
          'SuccessfulCreate',
          `create Claim ${name} Pod ${podName} in StatefulSet ${setName} success`,
        );
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        errors.push(`failed to create PVC ${name}: ${e.message}`);
        if (!isAlreadyExists(e))
          this.recorder.event(
            set,
            'Warning',
            'FailedCreate',
            `create Claim ${name} for Pod ${podName} in StatefulSet ${setName} failed error: ${e.message}`,
          );
      }
    }
    return errors;
  }

  /** Carries out the plan in order; the first failure ends the sync with its error. */
  apply(set: KubeObject, actions: readonly StatefulSetAction[]): void {
    for (const action of actions) {
      const { pod } = action;
      const ns = pod.metadata.namespace ?? '';
      const name = pod.metadata.name ?? '';
      switch (action.kind) {
        case 'fail':
          this.#podEvent('create', set, pod, action.message);
          throw new SyncError(action.message);
        case 'createClaims': {
          const errors = this.#createClaims(set, pod, action.claims);
          if (errors.length) throw new SyncError(errors.join(', '));
          break;
        }
        case 'createPod': {
          const errors = this.#createClaims(set, pod, action.claims);
          if (errors.length) {
            this.#podEvent('create', set, pod, errors.join(', '));
            throw new SyncError(errors.join(', '));
          }
          try {
            this.api.create(this.r.pods, pod);
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            // The cache has yet to see the pod: retry, without an event.
            if (isAlreadyExists(e)) throw e;
            this.#podEvent('create', set, pod, e.message);
            throw e;
          }
          this.#podEvent('create', set, pod);
          break;
        }
        case 'deletePod':
          try {
            this.api.delete(this.r.pods, ns, name);
            this.#podEvent('delete', set, pod);
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            this.#podEvent('delete', set, pod, e.message);
            if (!isNotFound(e)) throw e;
          }
          break;
        case 'updatePod':
          try {
            this.api.update(this.r.pods, pod);
            this.#podEvent('update', set, pod);
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            this.#podEvent('update', set, pod, messageOf(e));
            throw e;
          }
          break;
      }
    }
  }

  /**
   * Makes the planned update revision real and returns it with the collision count used:
   * a name taken by a different template bumps the count and tries the next name.
   */
  updateRevision(
    plan: UpdateRevisionPlan,
    collisionCount: number,
  ): { revision: KubeObject; collisionCount: number } {
    if (plan.kind === 'existing') return { revision: plan.revision, collisionCount };
    if (plan.kind === 'renumber') {
      const revision = this.api.update(this.r.revisions, {
        ...plan.revision,
        revision: plan.to,
      } as KubeObject);
      return { revision, collisionCount };
    }
    let count = collisionCount;
    const data = (plan.revision as { data?: unknown }).data;
    const prefix = plan.revision.metadata.name?.slice(0, plan.revision.metadata.name.lastIndexOf('-')) ?? '';
    for (;;) {
      const hash = hashRevisionData(data, count);
      const cr = {
        ...plan.revision,
        metadata: {
          ...plan.revision.metadata,
          name: `${prefix}-${hash}`,
          labels: { ...(plan.revision.metadata.labels ?? {}) },
        },
      } as KubeObject;
      try {
        return { revision: this.api.create(this.r.revisions, cr), collisionCount: count };
      } catch (e) {
        if (!isAlreadyExists(e)) throw e;
        const taken = this.api.get(this.r.revisions, cr.metadata.namespace, cr.metadata.name ?? '');
        if (goJson((taken as { data?: unknown }).data) === goJson(data) || equalRevision(taken, cr))
          return { revision: taken, collisionCount: count };
        count++;
      }
    }
  }

  deleteRevisions(revisions: readonly KubeObject[]): void {
    for (const cr of revisions)
      this.api.delete(this.r.revisions, cr.metadata.namespace, cr.metadata.name ?? '');
  }

  /**
   * `updateStatefulSetStatus` (+ `inconsistentStatus`): nothing is written when the status
   * is unchanged; a conflict reads the set again once and retries.
   */
  writeStatus(set: KubeObject, status: StatefulSetStatus): void {
    const had = stsStatus(set);
    const fields = [
      'replicas',
      'readyReplicas',
      'availableReplicas',
      'currentReplicas',
      'updatedReplicas',
    ] as const;
    const unchanged =
      had.observedGeneration !== undefined &&
      (status.observedGeneration ?? 0) <= had.observedGeneration &&
      fields.every((f) => (had[f] ?? 0) === status[f]) &&
      had.currentRevision === status.currentRevision &&
      had.updateRevision === status.updateRevision;
    if (unchanged) return;
    // Go omits these three when zero (omitempty); replicas and availableReplicas it always writes.
    const written: Record<string, unknown> = { ...status };
    for (const f of ['readyReplicas', 'currentReplicas', 'updatedReplicas'] as const)
      if (status[f] === 0) delete written[f];
    let current = set;
    for (let attempt = 0; ; attempt++) {
      try {
        this.api.updateStatus(this.r.statefulSets, { ...current, status: written });
        return;
      } catch (e) {
        if (!isConflict(e) || attempt >= 1) throw e;
        current = this.api.get(this.r.statefulSets, set.metadata.namespace, set.metadata.name ?? '');
      }
    }
  }
}
