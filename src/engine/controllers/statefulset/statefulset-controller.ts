/**
 * The statefulset controller of kube-controller-manager (`pkg/controller/statefulset`):
 * gives each StatefulSet pods with stable names `<set>-<ordinal>`, stable claims from its
 * volumeClaimTemplates and a stable network identity (hostname + the governing Service as
 * subdomain); creates and removes them in ordinal order (OrderedReady) or all at once
 * (Parallel); replaces pods of old revisions from the highest ordinal down; keeps the
 * template history in ControllerRevisions and reports counts in the set's status.
 * The decisions are the pure planner's; this shell reads the caches and writes.
 */
import type { KubeObject } from '../../api/types.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { labelSelectorAsSelector, type MetaLabelSelector } from '../../labels/index.ts';
import { Controller, type ControllerHost, type SyncResult } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { claimObjects } from '../replicaset/claim.ts';
import { getControllerOf } from '../replicaset/controller-ref.ts';
import { isPodReady } from '../replicaset/pod-status.ts';
import { applyRevision, planUpdateRevision, revisionsToTruncate, sortRevisions } from './history.ts';
import { planStatefulSet } from './statefulset-plan.ts';
import { isMemberOf, stsSpec, stsStatus } from './statefulset-util.ts';
import { StatefulSetWrites, type StatefulSetResources } from './statefulset-writes.ts';

export const STATEFULSET_COMPONENT = 'statefulset-controller';
const resources: StatefulSetResources = {
  statefulSets: servedResource('apps', 'v1', 'StatefulSet'),
  pods: servedResource('', 'v1', 'Pod'),
  claims: servedResource('', 'v1', 'PersistentVolumeClaim'),
  revisions: servedResource('apps', 'v1', 'ControllerRevision'),
};

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

function selectorOf(set: KubeObject) {
  return labelSelectorAsSelector(stsSpec(set).selector as MetaLabelSelector | undefined);
}

export class StatefulSetController extends Controller {
  readonly queue: WorkQueue;
  readonly #sets: Lister;
  readonly #pods: Lister;
  readonly #claims: Lister;
  readonly #revisions: Lister;
  readonly #writes: StatefulSetWrites;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'statefulset');
    const recorder = new EventRecorder(this.api, { component: STATEFULSET_COMPONENT }, () =>
      host.clock.now(),
    );
    this.#writes = new StatefulSetWrites(this.api, resources, recorder);
    this.queue = this.newQueue({
      name: 'statefulset',
      // --concurrent-statefulset-syncs defaults to 5.
      workers: 5,
      sync: (key) => this.sync(key),
      describe: (key) => `statefulsets/${key.slice(key.indexOf('/') + 1)}`,
    });
    const setInformer = informers.informerFor(resources.statefulSets);
    this.#sets = setInformer.lister();
    setInformer.addEventHandler({
      onAdd: (set) => this.queue.add(keyOf(set)),
      onUpdate: (_old, set) => this.queue.add(keyOf(set)),
      onDelete: (set) => this.queue.add(keyOf(set)),
    });
    const podInformer = informers.informerFor(resources.pods);
    this.#pods = podInformer.lister();
    podInformer.addEventHandler({
      onAdd: (pod) => this.#podChanged(undefined, pod),
      onUpdate: (old, pod) => this.#podChanged(old, pod),
      onDelete: (pod) => this.#enqueueOwner(pod),
    });
    // Claims and revisions are read from caches only; their changes wake nothing (as in Go).
    this.#claims = informers.informerFor(resources.claims).lister();
    this.#revisions = informers.informerFor(resources.revisions).lister();
  }

  /** `resolveControllerRef`. */
  #owner(o: KubeObject, ref = getControllerOf(o)): KubeObject | undefined {
    if (!ref || ref.kind !== 'StatefulSet') return undefined;
    const set = this.#sets.get(o.metadata.namespace, ref.name);
    return set && set.metadata.uid === ref.uid ? set : undefined;
  }

  #enqueueOwner(o: KubeObject): void {
    const set = this.#owner(o);
    if (set) this.queue.add(keyOf(set));
  }

  /** addPod / updatePod: the owner, or for an orphan every set whose selector matches it. */
  #podChanged(old: KubeObject | undefined, pod: KubeObject): void {
    if (old && old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    const oldRef = old && getControllerOf(old);
    const ref = getControllerOf(pod);
    if (old && oldRef && JSON.stringify(oldRef) !== JSON.stringify(ref)) this.#enqueueOwner(old);
    if (ref) {
      const set = this.#owner(pod, ref);
      if (!set) return;
      this.queue.add(keyOf(set));
      const minReady = stsSpec(set).minReadySeconds ?? 0;
      // Ready now, Available only after minReadySeconds (plus a second against skew).
      if (old && !isPodReady(old) && isPodReady(pod) && minReady > 0)
        this.queue.addAfter(keyOf(set), minReady * 1000 + 1000);
      return;
    }
    if (pod.metadata.deletionTimestamp) return;
    for (const set of this.#sets.list(pod.metadata.namespace)) {
      const s = selectorOf(set);
      if (s.ok && !s.value.isEmpty() && s.value.matches(pod.metadata.labels ?? {}))
        this.queue.add(keyOf(set));
    }
  }

  /** `sync`. */
  sync(key: string): SyncResult {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const set = this.#sets.get(namespace, key.slice(slash + 1));
    if (!set) return;
    const selector = selectorOf(set);
    // An invalid selector cannot be fixed by retrying.
    if (!selector.ok) return;
    // adoptOrphanRevisions + ListRevisions: own revisions and the orphans the selector matches.
    const revisions = claimObjects(
      { api: this.api, ownerResource: resources.statefulSets, resource: resources.revisions },
      set,
      selector.value,
      this.#revisions.list(namespace),
    );
    // getPodsForStatefulSet: only pods whose names make them members can be claimed.
    const pods = claimObjects(
      { api: this.api, ownerResource: resources.statefulSets, resource: resources.pods },
      set,
      selector.value,
      this.#pods.list(namespace).filter((p) => isMemberOf(set, p)),
    );
    const sorted = sortRevisions(revisions);
    const had = stsStatus(set).collisionCount ?? 0;
    const update = this.#writes.updateRevision(planUpdateRevision(set, sorted, had), had);
    const updateRevision = update.revision;
    const currentRevision =
      sorted.find((r) => r.metadata.name === stsStatus(set).currentRevision) ?? updateRevision;
    const claims = new Map(this.#claims.list(namespace).map((c) => [c.metadata.name ?? '', c]));
    const plan = planStatefulSet({
      set,
      currentSet: applyRevision(set, currentRevision),
      updateSet: applyRevision(set, updateRevision),
      currentRevision: currentRevision.metadata.name ?? '',
      updateRevision: updateRevision.metadata.name ?? '',
      collisionCount: update.collisionCount,
      pods,
      claims,
      nowMs: this.host.clock.now(),
    });
    const live = [currentRevision.metadata.name ?? '', updateRevision.metadata.name ?? ''];
    try {
      this.#writes.apply(set, plan.actions);
    } finally {
      // The status and the history are kept up even when a write failed.
      this.#writes.writeStatus(set, plan.status);
      this.#writes.deleteRevisions(revisionsToTruncate(set, sorted, pods, live));
    }
    const minReady = stsSpec(set).minReadySeconds ?? 0;
    if (minReady > 0 && plan.status.availableReplicas !== (stsSpec(set).replicas ?? 1))
      return { requeueAfterMs: minReady * 1000 };
    return undefined;
  }
}
