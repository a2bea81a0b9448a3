/**
 * The replicaset controller of kube-controller-manager (`pkg/controller/replicaset`): keeps
 * `spec.replicas` pods matching each ReplicaSet's selector, creating them from its template
 * in slow-start batches and deleting the least useful ones first, adopting orphans and
 * releasing pods that no longer match, and reporting counts in the ReplicaSet's status.
 */
import type { KubeObject } from '../../api/types.ts';
import { ApiError, hasStatusCause, isConflict, isNotFound } from '../../client/api-client.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { labelSelectorAsSelector, type MetaLabelSelector } from '../../labels/index.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { Controller, SyncError, type ControllerHost, type SyncResult } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { claimObjects } from './claim.ts';
import { controllerRefFor, getControllerOf } from './controller-ref.ts';
import { Expectations } from './expectations.ts';
import { isPodActive, isPodReady } from './pod-status.ts';
import { calculateReplicaSetStatus, planReplicas, rsSpec, rsStatus } from './replicaset-plan.ts';
import { sameStatus } from './same-json.ts';

export const REPLICASET_COMPONENT = 'replicaset-controller';
const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';
const pods = servedResource('', 'v1', 'Pod');
const replicaSets = servedResource('apps', 'v1', 'ReplicaSet');

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/** Creations go out in batches of 1, 2, 4, … and stop at the first batch with a failure. */
export function slowStartBatch(count: number, create: () => boolean): number {
  let successes = 0;
  let remaining = count;
  for (let batch = Math.min(remaining, 1); batch > 0; batch = Math.min(2 * batch, remaining)) {
    let failed = false;
    for (let i = 0; i < batch; i++) {
      if (create()) successes++;
      else failed = true;
    }
    remaining -= batch;
    if (failed) break;
  }
  return successes;
}

export class ReplicaSetController extends Controller {
  readonly queue: WorkQueue;
  readonly expectations: Expectations;
  readonly #replicaSets: Lister;
  readonly #pods: Lister;
  readonly #recorder: EventRecorder;
  #lastSyncPods = 0;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'replicaset');
    this.expectations = new Expectations(() => host.clock.now());
    this.#recorder = new EventRecorder(this.api, { component: REPLICASET_COMPONENT }, () => host.clock.now());
    this.queue = this.newQueue({
      name: 'replicaset',
      workers: 5,
      sync: (key) => this.sync(key),
      // A sync walks every pod of its namespace, so its cost grows with them: 1 ms plus
      // 1 ms per 100 pods. Pod changes that arrive meanwhile fold into the next sync,
      // as they do behind a busy worker in kube-controller-manager.
      busyMs: () => 1 + Math.floor(this.#lastSyncPods / 100),
      describe: (key) => `replicasets/${key.slice(key.indexOf('/') + 1)}`,
    });
    const rsInformer = informers.informerFor(replicaSets);
    this.#replicaSets = rsInformer.lister();
    rsInformer.addEventHandler({
      onAdd: (rs) => this.queue.add(keyOf(rs)),
      onUpdate: (_old, rs) => this.queue.add(keyOf(rs)),
      onDelete: (rs) => {
        this.expectations.delete(keyOf(rs));
        this.queue.add(keyOf(rs));
      },
    });
    const podInformer = informers.informerFor(pods);
    this.#pods = podInformer.lister();
    podInformer.addEventHandler({
      onAdd: (pod) => this.#podAdded(pod),
      onUpdate: (old, pod) => this.#podUpdated(old, pod),
      onDelete: (pod) => this.#podDeleted(pod),
    });
  }

  #owner(pod: KubeObject): KubeObject | undefined {
    const ref = getControllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return undefined;
    const rs = this.#replicaSets.get(pod.metadata.namespace, ref.name);
    return rs && rs.metadata.uid === ref.uid ? rs : undefined;
  }

  /** The ReplicaSets whose selector matches an orphan pod. */
  #matching(pod: KubeObject): KubeObject[] {
    return this.#replicaSets.list(pod.metadata.namespace).filter((rs) => {
      const s = labelSelectorAsSelector(rsSpec(rs).selector as MetaLabelSelector | undefined);
      return s.ok && !s.value.isEmpty() && s.value.matches(pod.metadata.labels ?? {});
    });
  }

  #podAdded(pod: KubeObject): void {
    if (pod.metadata.deletionTimestamp) return this.#podDeleted(pod);
    if (getControllerOf(pod)) {
      const rs = this.#owner(pod);
      if (!rs) return;
      this.expectations.creationObserved(keyOf(rs));
      this.queue.add(keyOf(rs));
      return;
    }
    for (const rs of this.#matching(pod)) this.queue.add(keyOf(rs));
  }

  #podUpdated(old: KubeObject, pod: KubeObject): void {
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    if (pod.metadata.deletionTimestamp && !old.metadata.deletionTimestamp) this.#podDeleted(pod);
    const oldRef = getControllerOf(old);
    const ref = getControllerOf(pod);
    if (oldRef && oldRef.uid !== ref?.uid) {
      const previous = this.#owner(old);
      if (previous) this.queue.add(keyOf(previous));
    }
    if (ref) {
      const rs = this.#owner(pod);
      if (!rs) return;
      this.queue.add(keyOf(rs));
      const minReadySeconds = rsSpec(rs).minReadySeconds ?? 0;
      // A pod that just became Ready turns Available only later: look again then.
      if (!isPodReady(old) && isPodReady(pod) && minReadySeconds > 0)
        this.queue.addAfter(keyOf(rs), minReadySeconds * 1000 + 1000);
      return;
    }
    for (const rs of this.#matching(pod)) this.queue.add(keyOf(rs));
  }

  #podDeleted(pod: KubeObject): void {
    const rs = this.#owner(pod);
    if (!rs) return;
    this.expectations.deletionObserved(keyOf(rs), keyOf(pod));
    this.queue.add(keyOf(rs));
  }

  sync(key: string): SyncResult {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const rs = this.#replicaSets.get(namespace, key.slice(slash + 1));
    if (!rs) {
      this.expectations.delete(key);
      return;
    }
    const needsSync = this.expectations.satisfied(key);
    const selector = labelSelectorAsSelector(rsSpec(rs).selector as MetaLabelSelector | undefined);
    if (!selector.ok) return;
    const all = this.#pods.list(namespace);
    this.#lastSyncPods = all.length;
    const claimed = claimObjects(
      { api: this.api, ownerResource: replicaSets, resource: pods },
      rs,
      selector.value,
      all.filter(isPodActive),
    );
    let manageError: { message: string; creating: boolean } | undefined;
    if (needsSync && !rs.metadata.deletionTimestamp) manageError = this.#manageReplicas(rs, claimed, all);
    const now = this.host.clock.now();
    const status = calculateReplicaSetStatus(rs, claimed, manageError, formatTimestamp(now), now);
    const updated = this.#writeStatus(rs, status);
    if (manageError) throw new SyncError(manageError.message);
    const minReadySeconds = rsSpec(updated).minReadySeconds ?? 0;
    const st = rsStatus(updated);
    if (minReadySeconds > 0 && (st.readyReplicas ?? 0) === (rsSpec(updated).replicas ?? 1)) {
      if ((st.availableReplicas ?? 0) !== (rsSpec(updated).replicas ?? 1))
        return { requeueAfterMs: minReadySeconds * 1000 };
    }
    return undefined;
  }

  /** Pods of every ReplicaSet sharing this one's controller: for spreading deletions across nodes. */
  #relatedPods(rs: KubeObject, all: readonly KubeObject[]): KubeObject[] {
    // `getIndirectlyRelatedPods`: the pods matching any ReplicaSet of the same controller; a
    // ReplicaSet without one has no relatives, so no node counts as doubled up.
    const owner = getControllerOf(rs);
    if (!owner) return [];
    const selectors = this.#replicaSets
      .list(rs.metadata.namespace)
      .filter((s) => getControllerOf(s)?.uid === owner.uid)
      .map((s) => labelSelectorAsSelector(rsSpec(s).selector as MetaLabelSelector | undefined))
      .flatMap((r) => (r.ok ? [r.value] : []));
    return all.filter((p) => selectors.some((sel) => sel.matches(p.metadata.labels ?? {})));
  }

  #manageReplicas(rs: KubeObject, claimed: KubeObject[], all: readonly KubeObject[]) {
    const key = keyOf(rs);
    const now = this.host.clock.now();
    const plan = planReplicas(rs, claimed, this.#relatedPods(rs, all), now);
    if (plan.create > 0) {
      this.expectations.expectCreations(key, plan.create);
      let error: string | undefined;
      const created = slowStartBatch(plan.create, () => {
        const failure = this.#createPod(rs);
        if (failure !== undefined) error = failure;
        return failure === undefined;
      });
      for (let skipped = plan.create - created; skipped > 0; skipped--)
        this.expectations.creationObserved(key);
      return error === undefined ? undefined : { message: error, creating: true };
    }
    if (plan.delete.length > 0) {
      this.expectations.expectDeletions(key, plan.delete.map(keyOf));
      let error: string | undefined;
      for (const pod of plan.delete) {
        try {
          this.api.delete(pods, pod.metadata.namespace, pod.metadata.name ?? '');
          this.#recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name ?? ''}`);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          this.expectations.deletionObserved(key, keyOf(pod));
          if (isNotFound(e)) continue;
          this.#recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`);
          error = e.message;
        }
      }
      return error === undefined ? undefined : { message: error, creating: false };
    }
    return undefined;
  }

  /** Creates one pod from the template; the failure message, if any. */
  #createPod(rs: KubeObject): string | undefined {
    const template =
      (rs.spec as { template?: { metadata?: KubeObject['metadata']; spec?: unknown } }).template ?? {};
    const pod: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        generateName: `${rs.metadata.name ?? ''}-`,
        namespace: rs.metadata.namespace ?? '',
        ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
        ...(template.metadata?.annotations ? { annotations: { ...template.metadata.annotations } } : {}),
        ownerReferences: [controllerRefFor(rs)],
      },
      spec: JSON.parse(JSON.stringify(template.spec ?? {})) as unknown,
    };
    try {
      const created = this.api.create(pods, pod);
      this.#recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name ?? ''}`);
      return undefined;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.#recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
      // Every create in a terminating namespace fails: that is no failure of this ReplicaSet.
      if (hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) return undefined;
      return e.message;
    }
  }

  /**
   * `updateReplicaSetStatus`: writes only when something changed or the generation is not
   * observed yet; on a conflict it reads the ReplicaSet again and tries once more.
   */
  #writeStatus(rs: KubeObject, status: ReturnType<typeof calculateReplicaSetStatus>): KubeObject {
    let current = rs;
    for (let attempt = 0; ; attempt++) {
      const generation = current.metadata.generation ?? 0;
      const { observedGeneration: _observed, ...counts } = status;
      const { observedGeneration, ...had } = rsStatus(current);
      if (sameStatus(had, counts) && observedGeneration === generation) return current;
      try {
        return this.api.updateStatus(replicaSets, {
          ...current,
          status: { ...counts, observedGeneration: generation },
        });
      } catch (e) {
        if (!isConflict(e) || attempt >= 1) throw e;
        current = this.api.get(replicaSets, current.metadata.namespace, current.metadata.name ?? '');
      }
    }
  }
}
