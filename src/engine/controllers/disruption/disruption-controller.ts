/**
 * The disruption controller of kube-controller-manager: keeps every PodDisruptionBudget's
 * status (allowed disruptions, healthy and expected pods) current as its pods come, go and
 * change readiness, which is what the eviction API checks and spends.
 */
import type { KubeObject } from '../../api/types.ts';
import { ApiError, isNotFound } from '../../client/api-client.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { labelSelectorAsSelector } from '../../labels/index.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { Controller, SyncError, type ControllerHost } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { getControllerOf } from '../replicaset/controller-ref.ts';
import { budgetStatus } from './disruption-plan.ts';

const pdbs = servedResource('policy', 'v1', 'PodDisruptionBudget');
const pods = servedResource('', 'v1', 'Pod');
const replicaSets = servedResource('apps', 'v1', 'ReplicaSet');
const deployments = servedResource('apps', 'v1', 'Deployment');
const statefulSets = servedResource('apps', 'v1', 'StatefulSet');

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

export class DisruptionController extends Controller {
  readonly queue: WorkQueue;
  readonly #pdbs: Lister;
  readonly #pods: Lister;
  readonly #replicaSets: Lister;
  readonly #deployments: Lister;
  readonly #statefulSets: Lister;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'disruption');
    this.queue = this.newQueue({
      name: 'disruption',
      sync: (key) => this.sync(key),
      describe: (k) => `poddisruptionbudgets/${k}`,
    });
    const pdbInformer = informers.informerFor(pdbs);
    this.#pdbs = pdbInformer.lister();
    const enqueue = (o: KubeObject) => this.queue.add(keyOf(o));
    pdbInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_old, p) => enqueue(p) });
    const podInformer = informers.informerFor(pods);
    this.#pods = podInformer.lister();
    const podChanged = (pod: KubeObject) => {
      for (const pdb of this.#pdbs.list(pod.metadata.namespace)) {
        const selector = labelSelectorAsSelector((pdb.spec as { selector?: never }).selector);
        if (selector.ok && selector.value.matches(pod.metadata.labels ?? {})) enqueue(pdb);
      }
    };
    podInformer.addEventHandler({
      onAdd: podChanged,
      onUpdate: (_old, p) => podChanged(p),
      onDelete: podChanged,
    });
    this.#replicaSets = informers.informerFor(replicaSets).lister();
    this.#deployments = informers.informerFor(deployments).lister();
    this.#statefulSets = informers.informerFor(statefulSets).lister();
  }

  /** The scale a pod's controller wants: a ReplicaSet's, or its Deployment's; a StatefulSet's. */
  #scaleOf(pod: KubeObject): { key: string; replicas: number } | undefined {
    const ref = getControllerOf(pod);
    const ns = pod.metadata.namespace;
    const replicas = (o: KubeObject | undefined) =>
      (o?.spec as { replicas?: number } | undefined)?.replicas ?? 1;
    if (ref?.kind === 'ReplicaSet') {
      const rs = this.#replicaSets.get(ns, ref.name);
      const owner = rs && getControllerOf(rs);
      if (owner?.kind === 'Deployment') {
        const deployment = this.#deployments.get(ns, owner.name);
        return deployment ? { key: `Deployment/${owner.name}`, replicas: replicas(deployment) } : undefined;
      }
      return rs ? { key: `ReplicaSet/${ref.name}`, replicas: replicas(rs) } : undefined;
    }
    if (ref?.kind === 'StatefulSet') {
      const sts = this.#statefulSets.get(ns, ref.name);
      return sts ? { key: `StatefulSet/${ref.name}`, replicas: replicas(sts) } : undefined;
    }
    return undefined;
  }

  sync(key: string): void {
    const slash = key.indexOf('/');
    const pdb = this.#pdbs.get(key.slice(0, slash), key.slice(slash + 1));
    if (!pdb) return;
    const selector = labelSelectorAsSelector((pdb.spec as { selector?: never }).selector);
    // An empty or invalid selector selects nothing.
    const selected =
      selector.ok && !selector.value.isEmpty() ? this.#pods.list(pdb.metadata.namespace, selector.value) : [];
    const now = this.host.clock.now();
    const status = budgetStatus({
      pdb,
      pods: selected,
      scaleOf: (p) => this.#scaleOf(p),
      nowMs: now,
      now: formatTimestamp(now),
    });
    if (JSON.stringify(status) === JSON.stringify(pdb.status ?? {})) return;
    try {
      this.api.updateStatus(pdbs, { ...pdb, status });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (!isNotFound(e)) throw new SyncError(e.message);
    }
  }
}
