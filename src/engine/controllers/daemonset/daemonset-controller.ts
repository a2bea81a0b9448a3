/**
 * The daemonset controller of kube-controller-manager (`pkg/controller/daemon`): runs one
 * pod of each DaemonSet on every node that qualifies (node name, nodeSelector, node
 * affinity, taints), pinning each pod to its node with a `metadata.name` node affinity for
 * the default scheduler to bind; removes pods from nodes that stop qualifying; replaces
 * pods of older templates by the RollingUpdate strategy (OnDelete leaves them); keeps the
 * template history in ControllerRevisions and reports counts in the DaemonSet's status.
 * The decisions are the pure planners'; this shell reads the caches and writes.
 */
import type { KubeObject } from '../../api/types.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { labelSelectorAsSelector, type MetaLabelSelector } from '../../labels/index.ts';
import { Controller, SyncError, type ControllerHost, type SyncResult } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { claimObjects } from '../replicaset/claim.ts';
import { getControllerOf } from '../replicaset/controller-ref.ts';
import { Expectations } from '../replicaset/expectations.ts';
import { isPodReady } from '../replicaset/pod-status.ts';
import {
  calculateDaemonSetStatus,
  planManage,
  planRollingUpdate,
  podsByNode,
  type DaemonSetState,
} from './daemonset-plan.ts';
import { dsSpec } from './daemonset-util.ts';
import { FailedPodsBackoff } from './failed-pods-backoff.ts';
import { cleanupHistory, constructHistory, type HistoryTarget } from './history-writes.ts';
import { nodeShouldRunDaemonPod } from './node-should-run.ts';
import { DaemonPodWrites, writeDaemonSetStatus } from './pod-writes.ts';

export const DAEMONSET_COMPONENT = 'daemonset-controller';
const daemonSets = servedResource('apps', 'v1', 'DaemonSet');
const revisions = servedResource('apps', 'v1', 'ControllerRevision');
const pods = servedResource('', 'v1', 'Pod');
const nodes = servedResource('', 'v1', 'Node');

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

function selectorOf(ds: KubeObject) {
  return labelSelectorAsSelector(dsSpec(ds).selector as MetaLabelSelector | undefined);
}

/** Node changes that cannot change any predicate: only status moved, with the same True conditions. */
function sameForDaemons(old: KubeObject, cur: KubeObject): boolean {
  const trueConditions = (n: KubeObject) =>
    ((n.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? [])
      .filter((c) => c.status === 'True')
      .map((c) => c.type)
      .sort()
      .join(',');
  return (
    trueConditions(old) === trueConditions(cur) &&
    JSON.stringify(old.metadata.labels ?? {}) === JSON.stringify(cur.metadata.labels ?? {}) &&
    JSON.stringify(old.spec ?? {}) === JSON.stringify(cur.spec ?? {})
  );
}

export class DaemonSetController extends Controller {
  readonly queue: WorkQueue;
  readonly expectations: Expectations;
  readonly #daemonSets: Lister;
  readonly #revisions: Lister;
  readonly #pods: Lister;
  readonly #nodes: Lister;
  readonly #recorder: EventRecorder;
  readonly #writes: DaemonPodWrites;
  readonly #history: HistoryTarget;
  #lastSyncPods = 0;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'daemonset');
    const now = () => host.clock.now();
    this.expectations = new Expectations(now);
    this.#recorder = new EventRecorder(this.api, { component: DAEMONSET_COMPONENT }, now);
    this.#writes = new DaemonPodWrites({
      api: this.api,
      pods,
      recorder: this.#recorder,
      expectations: this.expectations,
      backoff: new FailedPodsBackoff(),
      now,
      enqueueAfter: (ds, delayMs) => this.queue.addAfter(keyOf(ds), delayMs),
    });
    this.#history = { api: this.api, revisions, daemonSets, pods };
    this.queue = this.newQueue({
      name: 'daemonset',
      // --concurrent-daemonset-syncs defaults to 2.
      workers: 2,
      sync: (key) => this.sync(key),
      busyMs: () => 1 + Math.floor(this.#lastSyncPods / 100),
      describe: (key) => `daemonsets/${key.slice(key.indexOf('/') + 1)}`,
    });
    const dsInformer = informers.informerFor(daemonSets);
    this.#daemonSets = dsInformer.lister();
    dsInformer.addEventHandler({
      onAdd: (ds) => this.queue.add(keyOf(ds)),
      onUpdate: (old, ds) => {
        if (old.metadata.uid !== ds.metadata.uid) this.expectations.delete(keyOf(old));
        this.queue.add(keyOf(ds));
      },
      onDelete: (ds) => {
        this.expectations.delete(keyOf(ds));
        this.queue.add(keyOf(ds));
      },
    });
    const crInformer = informers.informerFor(revisions);
    this.#revisions = crInformer.lister();
    crInformer.addEventHandler({
      onAdd: (cr) => this.#revisionAdded(cr),
      onUpdate: (old, cr) => this.#revisionUpdated(old, cr),
      onDelete: (cr) => this.#enqueueOwner(cr),
    });
    const podInformer = informers.informerFor(pods);
    this.#pods = podInformer.lister();
    podInformer.addEventHandler({
      onAdd: (pod) => this.#podAdded(pod),
      onUpdate: (old, pod) => this.#podUpdated(old, pod),
      onDelete: (pod) => this.#podDeleted(pod),
    });
    const nodeInformer = informers.informerFor(nodes);
    this.#nodes = nodeInformer.lister();
    nodeInformer.addEventHandler({
      onAdd: (node) => {
        for (const ds of this.#daemonSets.list()) {
          if (nodeShouldRunDaemonPod(node, ds).shouldRun) this.queue.add(keyOf(ds));
        }
      },
      onUpdate: (old, node) => {
        if (sameForDaemons(old, node)) return;
        for (const ds of this.#daemonSets.list()) {
          const was = nodeShouldRunDaemonPod(old, ds);
          const is = nodeShouldRunDaemonPod(node, ds);
          if (was.shouldRun !== is.shouldRun || was.shouldContinueRunning !== is.shouldContinueRunning)
            this.queue.add(keyOf(ds));
        }
      },
    });
  }

  /** `resolveControllerRef`: the DaemonSet a controller reference names, if it is still that one. */
  #owner(o: KubeObject, ref = getControllerOf(o)): KubeObject | undefined {
    if (!ref || ref.kind !== 'DaemonSet') return undefined;
    const ds = this.#daemonSets.get(o.metadata.namespace, ref.name);
    return ds && ds.metadata.uid === ref.uid ? ds : undefined;
  }

  #enqueueOwner(o: KubeObject): void {
    const ds = this.#owner(o);
    if (ds) this.queue.add(keyOf(ds));
  }

  /** The DaemonSets whose selector matches an orphan's labels. */
  #matching(o: KubeObject): KubeObject[] {
    return this.#daemonSets.list(o.metadata.namespace).filter((ds) => {
      const s = selectorOf(ds);
      return s.ok && !s.value.isEmpty() && s.value.matches(o.metadata.labels ?? {});
    });
  }

  #revisionAdded(cr: KubeObject): void {
    if (cr.metadata.deletionTimestamp) return this.#enqueueOwner(cr);
    // A revision with a controller is the controller's own doing: nothing to wake up.
    if (getControllerOf(cr)) return;
    for (const ds of this.#matching(cr)) this.queue.add(keyOf(ds));
  }

  #revisionUpdated(old: KubeObject, cr: KubeObject): void {
    if (old.metadata.resourceVersion === cr.metadata.resourceVersion) return;
    const oldRef = getControllerOf(old);
    const ref = getControllerOf(cr);
    const refChanged = JSON.stringify(oldRef) !== JSON.stringify(ref);
    if (refChanged && oldRef) this.#enqueueOwner(old);
    if (ref) return this.#enqueueOwner(cr);
    const labelsChanged =
      JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(cr.metadata.labels ?? {});
    if (labelsChanged || refChanged) for (const ds of this.#matching(cr)) this.queue.add(keyOf(ds));
  }

  #podAdded(pod: KubeObject): void {
    if (pod.metadata.deletionTimestamp) return this.#podDeleted(pod);
    if (getControllerOf(pod)) {
      const ds = this.#owner(pod);
      if (!ds) return;
      this.expectations.creationObserved(keyOf(ds));
      this.queue.add(keyOf(ds));
      return;
    }
    for (const ds of this.#matching(pod)) this.queue.add(keyOf(ds));
  }

  #podUpdated(old: KubeObject, pod: KubeObject): void {
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    // A graceful deletion starts the replacement now, not when the kubelet finishes.
    if (pod.metadata.deletionTimestamp) return this.#podDeleted(pod);
    const oldRef = getControllerOf(old);
    const ref = getControllerOf(pod);
    const refChanged = JSON.stringify(oldRef) !== JSON.stringify(ref);
    if (refChanged && oldRef) this.#enqueueOwner(old);
    if (ref) {
      const ds = this.#owner(pod);
      if (!ds) return;
      this.queue.add(keyOf(ds));
      const minReadySeconds = dsSpec(ds).minReadySeconds ?? 0;
      // Ready now, Available only after minReadySeconds (plus a second against skew).
      if (!isPodReady(old) && isPodReady(pod) && minReadySeconds > 0)
        this.queue.addAfter(keyOf(ds), minReadySeconds * 1000 + 1000);
      return;
    }
    const labelsChanged =
      JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {});
    if (labelsChanged || refChanged) for (const ds of this.#matching(pod)) this.queue.add(keyOf(ds));
  }

  #podDeleted(pod: KubeObject): void {
    const ds = this.#owner(pod);
    if (!ds) return;
    this.expectations.deletionObserved(keyOf(ds), keyOf(pod));
    this.queue.add(keyOf(ds));
  }

  /** `syncDaemonSet`. */
  sync(key: string): SyncResult {
    const slash = key.indexOf('/');
    const namespace = key.slice(0, slash);
    const ds = this.#daemonSets.get(namespace, key.slice(slash + 1));
    if (!ds) {
      this.expectations.delete(key);
      return;
    }
    const nodeList = this.#nodes.list();
    const selector = selectorOf(ds);
    if (!selector.ok) return;
    if (selector.value.isEmpty()) {
      this.#recorder.event(
        ds,
        'Warning',
        'SelectingAll',
        'This daemon set is selecting all pods. A non-empty selector is required.',
      );
      return;
    }
    // Whether its revisions and pods still exist is unknowable while it is being deleted.
    if (ds.metadata.deletionTimestamp) return;
    const histories = claimObjects(
      { api: this.api, ownerResource: daemonSets, resource: revisions },
      ds,
      selector.value,
      this.#revisions.list(namespace),
    );
    const all = this.#pods.list(namespace);
    this.#lastSyncPods = all.length;
    const own = claimObjects(
      { api: this.api, ownerResource: daemonSets, resource: pods },
      ds,
      selector.value,
      all,
    );
    const { hash, old } = constructHistory(this.#history, ds, histories, own);
    const state: DaemonSetState = { ds, nodes: nodeList, pods: own, hash, nowMs: this.host.clock.now() };
    if (!this.expectations.satisfied(key)) {
      // Status only, without observedGeneration: this generation was not acted on.
      return this.#updateStatus(state, false);
    }
    const errors: string[] = [];
    const plan = planManage(state);
    const manageError = this.#writes.syncNodes(ds, plan.delete, plan.terminal, plan.createOn, hash);
    if (manageError) errors.push(manageError.message);
    if (!manageError && this.expectations.satisfied(key)) {
      if (dsSpec(ds).updateStrategy?.type === 'RollingUpdate') {
        const rolling = planRollingUpdate(state);
        const pinned = new Map(own.map((p) => [p.metadata.name ?? '', p]));
        const toDelete = rolling.delete.flatMap((n) => (pinned.has(n) ? [pinned.get(n)!] : []));
        const rollError = this.#writes.syncNodes(ds, toDelete, [], rolling.createOn, hash);
        if (rollError) errors.push(rollError.message);
      }
    }
    if (errors.length === 0) {
      cleanupHistory(this.#history, ds, old, [...podsByNode(state, true).values()].flat());
    }
    const result = this.#updateStatus(state, true);
    if (errors.length) throw new SyncError(errors.join(', '));
    return result;
  }

  #updateStatus(state: DaemonSetState, observe: boolean): SyncResult {
    const status = calculateDaemonSetStatus(state);
    writeDaemonSetStatus(this.api, daemonSets, state.ds, status, observe);
    const minReadySeconds = dsSpec(state.ds).minReadySeconds ?? 0;
    // A last look after minReadySeconds, should a Ready pod's availability be missed.
    if (minReadySeconds > 0 && status.numberReady !== (status.numberAvailable ?? 0))
      return { requeueAfterMs: minReadySeconds * 1000 };
    return undefined;
  }
}
