/**
 * The deployment controller of kube-controller-manager (`pkg/controller/deployment`): owns
 * `<deployment>-<pod-template-hash>` ReplicaSets and moves replicas from the old ones to the
 * one matching the current template, by the RollingUpdate or Recreate strategy, keeping
 * revisions, conditions and status. The replica arithmetic lives in the pure planners; this
 * shell reads the caches and writes.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Cancellable } from '../../apiserver/watch.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { labelSelectorAsSelector, type LabelSelector, type MetaLabelSelector } from '../../labels/index.ts';
import { Controller, type ControllerHost, type SyncResult } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { claimObjects } from '../replicaset/claim.ts';
import { getControllerOf } from '../replicaset/controller-ref.ts';
import { dSpec, dStatus, isRollingUpdate } from './deployment-util.ts';
import { DeploymentSync } from './deployment-sync.ts';
import type { DeploymentSyncHost } from './replica-set-writes.ts';

export const DEPLOYMENT_COMPONENT = 'deployment-controller';
const deployments = servedResource('apps', 'v1', 'Deployment');
const replicaSets = servedResource('apps', 'v1', 'ReplicaSet');
const pods = servedResource('', 'v1', 'Pod');

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

export class DeploymentController extends Controller {
  readonly queue: WorkQueue;
  readonly #deployments: Lister;
  readonly #replicaSets: Lister;
  readonly #recorder: EventRecorder;
  readonly #syncHost: DeploymentSyncHost;
  readonly #deadlineTimers = new Map<string, Cancellable>();

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'deployment');
    this.#recorder = new EventRecorder(this.api, { component: DEPLOYMENT_COMPONENT }, () => host.clock.now());
    this.queue = this.newQueue({
      name: 'deployment',
      workers: 5,
      sync: (key) => this.sync(key),
      describe: (key) => `deployments/${key.slice(key.indexOf('/') + 1)}`,
    });
    const dInformer = informers.informerFor(deployments);
    this.#deployments = dInformer.lister();
    dInformer.addEventHandler({
      onAdd: (d) => this.queue.add(keyOf(d)),
      onUpdate: (_old, d) => this.queue.add(keyOf(d)),
      onDelete: (d) => this.queue.add(keyOf(d)),
    });
    const rsInformer = informers.informerFor(replicaSets);
    this.#replicaSets = rsInformer.lister();
    rsInformer.addEventHandler({
      onAdd: (rs) => this.#replicaSetChanged(undefined, rs),
      onUpdate: (old, rs) => this.#replicaSetChanged(old, rs),
      onDelete: (rs) => this.#enqueueOwner(rs),
    });
    const podInformer = informers.informerFor(pods);
    this.#syncHost = {
      api: this.api,
      recorder: this.#recorder,
      replicaSets: this.#replicaSets,
      pods: podInformer.lister(),
      now: () => host.clock.now(),
    };
    podInformer.addEventHandler({ onDelete: (pod) => this.#podDeleted(pod) });
  }

  #ownerOf(rs: KubeObject): KubeObject | undefined {
    const ref = getControllerOf(rs);
    if (!ref || ref.kind !== 'Deployment') return undefined;
    const d = this.#deployments.get(rs.metadata.namespace, ref.name);
    return d && d.metadata.uid === ref.uid ? d : undefined;
  }

  #enqueueOwner(rs: KubeObject): void {
    const d = this.#ownerOf(rs);
    if (d) this.queue.add(keyOf(d));
  }

  #replicaSetChanged(old: KubeObject | undefined, rs: KubeObject): void {
    if (old && old.metadata.resourceVersion === rs.metadata.resourceVersion) return;
    const ref = getControllerOf(rs);
    if (old && getControllerOf(old) && getControllerOf(old)?.uid !== ref?.uid) this.#enqueueOwner(old);
    if (ref) return this.#enqueueOwner(rs);
    // An orphan: every Deployment that may adopt it looks.
    for (const d of this.#deployments.list(rs.metadata.namespace)) {
      const s = selectorOf(d);
      if (s && !s.isEmpty() && s.matches(rs.metadata.labels ?? {})) this.queue.add(keyOf(d));
    }
  }

  /** A Recreate rollout waits for the old pods to be gone: each deletion is a reason to look. */
  #podDeleted(pod: KubeObject): void {
    const ref = getControllerOf(pod);
    if (!ref || ref.kind !== 'ReplicaSet') return;
    const rs = this.#replicaSets.get(pod.metadata.namespace, ref.name);
    const d = rs && rs.metadata.uid === ref.uid ? this.#ownerOf(rs) : undefined;
    if (d && !isRollingUpdate(d)) this.queue.add(keyOf(d));
  }

  sync(key: string): SyncResult {
    const slash = key.indexOf('/');
    const cached = this.#deployments.get(key.slice(0, slash), key.slice(slash + 1));
    if (!cached) return;
    const st = new DeploymentSync(this.#syncHost, cached);
    const d = st.d;
    const selector = selectorOf(d);
    if (!selector || selector.isEmpty()) {
      this.#recorder.event(
        d,
        'Warning',
        'SelectingAll',
        'This deployment is selecting all pods. A non-empty selector is required.',
      );
      if ((dStatus(d).observedGeneration ?? 0) < (d.metadata.generation ?? 0)) {
        st.updateStatus({ ...dStatus(d), observedGeneration: d.metadata.generation ?? 0 });
      }
      return;
    }
    const rsList = claimObjects(
      { api: this.api, ownerResource: deployments, resource: replicaSets },
      d,
      selector,
      this.#replicaSets.list(d.metadata.namespace),
    );
    if (d.metadata.deletionTimestamp) {
      st.syncStatusOnly(rsList);
      return;
    }
    st.checkPausedConditions();
    if (dSpec(st.d).paused || st.isScalingEvent(rsList)) st.syncScale(rsList);
    else if (isRollingUpdate(st.d)) st.rolloutRolling(rsList);
    else st.rolloutRecreate(rsList);
    if (st.requeueAfterMs === undefined) return undefined;
    if (st.requeueAfterMs === 0) return { requeueRateLimited: true };
    this.#deadlineCheck(key, st.requeueAfterMs);
    return undefined;
  }

  /**
   * The progress-deadline check is a watchdog, not pending work: it is scheduled as a
   * periodic event so that settling a cluster does not fast-forward to the deadline.
   */
  #deadlineCheck(key: string, afterMs: number): void {
    this.#deadlineTimers.get(key)?.cancel();
    const timer = this.host.schedule(
      afterMs,
      this.id,
      () => {
        this.#deadlineTimers.delete(key);
        this.queue.add(key);
      },
      'periodic',
    );
    this.#deadlineTimers.set(key, timer);
  }
}

function selectorOf(d: KubeObject): LabelSelector | undefined {
  const r = labelSelectorAsSelector(dSpec(d).selector as MetaLabelSelector | undefined);
  return r.ok ? r.value : undefined;
}
