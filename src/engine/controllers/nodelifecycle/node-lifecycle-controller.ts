/**
 * The node lifecycle controller of kube-controller-manager
 * (pkg/controller/nodelifecycle/node_lifecycle_controller.go), events from `node-controller`.
 *
 * - Every `--node-monitor-period` it checks each node's Lease and Ready heartbeat; a node
 *   silent for the grace period gets Unknown conditions, a `NodeNotReady` event, and its
 *   pods are marked not ready.
 * - A node whose Ready condition is False or Unknown is queued, per zone and rate-limited,
 *   for the `not-ready` or `unreachable` NoExecute taint, which the taint eviction
 *   controller turns into evictions; the taints go when the node is Ready again. A zone
 *   with no Ready node at all gets no NoExecute taints (the control plane itself is more
 *   likely cut off than every node dead).
 * - On every node change it keeps the condition NoSchedule taints in line with the
 *   conditions (this is what lifts the `not-ready:NoSchedule` taint a Node registers with).
 */
import type { KubeObject } from '../../api/types.ts';
import type { Cancellable } from '../../apiserver/watch.ts';
import { ApiError } from '../../client/api-client.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import { nodeNameIndex } from '../../client/indexer.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { SharedInformer } from '../../client/informer.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { Controller, SyncError, type ControllerHost } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { planNoScheduleTaints } from './condition-taints.ts';
import {
  DEFAULT_TIMINGS,
  NODE_MONITOR_PERIOD_MS,
  planNodeHealth,
  type HealthTimings,
  type NodeHealth,
} from './node-health.ts';
import { removeTaintOffNode, swapNodeControllerTaint } from './node-taint-client.ts';
import { markPodsNotReady, podNode } from './pod-readiness.ts';
import { NoExecuteTainter } from './no-execute-tainter.ts';
import { NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE, zoneKey } from './taints.ts';

export const NODE_LEASE_NAMESPACE = 'kube-node-lease';
/** The pod index by node the controller shares with the taint eviction controller. */
export const POD_NODE_INDEX = 'spec.nodeName';
/** How often the controller checks whether its caches have synced before its first pass. */
const CACHE_SYNC_POLL_MS = 100;
/** `NodeHealthUpdateRetry`. */
const HEALTH_UPDATE_ATTEMPTS = 5;
/** Nodes with this label count for no zone's disruption. */
const EXCLUDE_DISRUPTION_LABEL = 'node.kubernetes.io/exclude-disruption';
/** Beta labels kept equal to the stable ones (`labelReconcileInfo`). */
const LABEL_PAIRS: readonly (readonly [string, string])[] = [
  ['kubernetes.io/os', 'beta.kubernetes.io/os'],
  ['kubernetes.io/arch', 'beta.kubernetes.io/arch'],
];

const nodes = servedResource('', 'v1', 'Node');
const pods = servedResource('', 'v1', 'Pod');
const leases = servedResource('coordination.k8s.io', 'v1', 'Lease');

export interface NodeLifecycleOptions {
  readonly timings?: HealthTimings;
  readonly monitorPeriodMs?: number;
}

export class NodeLifecycleController extends Controller {
  readonly nodeQueue: WorkQueue;
  readonly podQueue: WorkQueue;
  readonly #nodeInformer: SharedInformer;
  readonly #leaseInformer: SharedInformer;
  readonly #podInformer: SharedInformer;
  readonly #nodes: Lister;
  readonly #leases: Lister;
  readonly #pods: Lister;
  readonly #recorder: EventRecorder;
  readonly #timings: HealthTimings;
  readonly #monitorPeriodMs: number;
  readonly #health = new Map<string, NodeHealth>();
  readonly #known = new Map<string, KubeObject>();
  readonly #retry = new Set<string>();
  readonly #noExecute: NoExecuteTainter;
  #monitorTimer: Cancellable | undefined;
  /** The trace record the current monitor pass's writes hang from, made on its first write. */
  #passCause: number | undefined;

  constructor(host: ControllerHost, informers: SharedInformerFactory, options: NodeLifecycleOptions = {}) {
    super(host, informers, 'nodelifecycle');
    this.#timings = options.timings ?? DEFAULT_TIMINGS;
    this.#monitorPeriodMs = options.monitorPeriodMs ?? NODE_MONITOR_PERIOD_MS;
    this.#recorder = new EventRecorder(this.api, { component: 'node-controller' }, () => host.clock.now());
    this.nodeQueue = this.newQueue({
      name: 'node_lifecycle_controller',
      sync: (key) => this.syncNode(key),
      describe: (key) => `nodes/${key}`,
    });
    this.podQueue = this.newQueue({
      name: 'node_lifecycle_controller_pods',
      sync: (key) => this.syncPod(key),
      describe: (key) => `pods/${key}`,
    });
    this.#podInformer = informers.informerFor(pods, { indexers: { [POD_NODE_INDEX]: nodeNameIndex } });
    this.#pods = this.#podInformer.lister();
    this.#podInformer.addEventHandler({
      onAdd: (pod) => this.#podUpdated(undefined, pod),
      onUpdate: (old, pod) => this.#podUpdated(old, pod),
    });
    this.#nodeInformer = informers.informerFor(nodes);
    this.#nodes = this.#nodeInformer.lister();
    this.#nodeInformer.addEventHandler({
      onAdd: (node) => this.nodeQueue.add(node.metadata.name ?? ''),
      onUpdate: (_old, node) => this.nodeQueue.add(node.metadata.name ?? ''),
      onDelete: (node) => this.#retry.delete(node.metadata.name ?? ''),
    });
    this.#leaseInformer = informers.informerFor(leases);
    this.#leases = this.#leaseInformer.lister();
    this.#noExecute = new NoExecuteTainter({
      owner: this.id,
      scheduler: host,
      nodes: this.#nodes,
      swap: (node, add, remove) =>
        this.#tryWrite(() => swapNodeControllerTaint(this.api, nodes, node, [add], [remove], this.#now())),
      markReachable: (node) => this.#markNodeAsReachable(node),
    });
  }

  override start(): void {
    super.start();
    this.#scheduleMonitor(0);
  }

  override stop(): void {
    super.stop();
    this.#monitorTimer?.cancel();
    this.#noExecute.stop();
  }

  /** What the controller remembers of a node's health (for tests and explanations). */
  healthOf(nodeName: string): NodeHealth | undefined {
    return this.#health.get(nodeName);
  }

  /** `doNoScheduleTaintingPass` and `reconcileNodeLabels` for one node. */
  syncNode(name: string): void {
    const node = this.#nodes.get(undefined, name);
    if (!node) return;
    const change = planNoScheduleTaints(node);
    if (change.add.length || change.remove.length) {
      swapNodeControllerTaint(this.api, nodes, node, change.add, change.remove, this.#now());
    }
    const labels = node.metadata.labels ?? {};
    const missing: Record<string, string> = {};
    for (const [stable, beta] of LABEL_PAIRS) {
      const value = labels[stable];
      if (value !== undefined && labels[beta] !== value) missing[beta] = value;
    }
    if (Object.keys(missing).length) {
      this.api.patch(nodes, undefined, name, 'strategic', { metadata: { labels: missing } });
    }
  }

  /** `processPod`: a pod newly bound to a node that is not Ready is marked not ready. */
  syncPod(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const pod = this.#pods.get(namespace, name);
    if (!pod) return;
    const nodeName = podNode(pod);
    const health = this.#health.get(nodeName);
    if (!health) return;
    if (!this.#nodes.get(undefined, nodeName)) throw new SyncError(`node "${nodeName}" not found`);
    if (!health.ready || health.ready.status === 'True') return;
    const failures = this.#markPodsNotReady([pod], nodeName);
    if (failures.length) throw new SyncError(failures.join(', '));
  }

  /** One `monitorNodeHealth` pass (run every monitor period). */
  monitorNodeHealth(): void {
    this.#passCause = undefined;
    const now = this.#now();
    const all = this.#nodes.list();
    const current = new Set(all.map((n) => n.metadata.name ?? ''));
    for (const node of all) {
      const name = node.metadata.name ?? '';
      this.#noExecute.zone(node);
      if (this.#known.has(name)) continue;
      this.#nodeEvent(node, 'RegisteredNode', `Registered Node ${name} in Controller`);
      this.#known.set(name, node);
      this.#markNodeAsReachable(node);
    }
    for (const [name, node] of [...this.#known]) {
      if (current.has(name)) continue;
      this.#nodeEvent(node, 'RemovingNode', `Removing Node ${name} from Controller`);
      this.#known.delete(name);
    }

    const zoneReady = new Map<string, (string | undefined)[]>();
    for (const cached of all) {
      const name = cached.metadata.name ?? '';
      const result = this.#updateNodeHealth(cached, now);
      if (!result) continue;
      const { node, observed, currentStatus } = result;
      if (!(EXCLUDE_DISRUPTION_LABEL in (node.metadata.labels ?? {}))) {
        const zone = zoneKey(node);
        const statuses = zoneReady.get(zone);
        if (statuses) statuses.push(currentStatus);
        else zoneReady.set(zone, [currentStatus]);
      }
      if (currentStatus !== undefined) {
        const onNode = this.#pods.byIndex(POD_NODE_INDEX, name);
        this.#processTaintBasedEviction(node, observed);
        let failures: string[] = [];
        if (currentStatus !== 'True' && observed === 'True') {
          this.#withPassCause(() =>
            this.#recorder.event(
              nodeRef(node),
              'Normal',
              'NodeNotReady',
              `Node ${name} status is now: NodeNotReady`,
            ),
          );
          failures = this.#markPodsNotReady(onNode, name);
        } else if (this.#retry.has(name) && observed !== 'True') {
          failures = this.#markPodsNotReady(onNode, name);
        }
        if (failures.length) {
          this.#retry.add(name);
          continue;
        }
      }
      this.#retry.delete(name);
    }
    this.#noExecute.handleDisruption(zoneReady, all, () => {
      for (const [name, health] of this.#health)
        this.#health.set(name, { ...health, probeMs: now, readyTransitionMs: now });
    });
  }

  #updateNodeHealth(
    cached: KubeObject,
    now: number,
  ): { node: KubeObject; observed: string; currentStatus: string | undefined } | undefined {
    let node = cached;
    const name = node.metadata.name ?? '';
    for (let attempt = 1; attempt <= HEALTH_UPDATE_ATTEMPTS; attempt++) {
      const plan = planNodeHealth(
        node,
        this.#leases.get(NODE_LEASE_NAMESPACE, name),
        this.#health.get(name),
        now,
        this.#timings,
      );
      if (!plan.statusUpdate) {
        this.#health.set(name, plan.health);
        return { node, observed: plan.observedReady.status, currentStatus: plan.currentReady?.status };
      }
      const update = plan.statusUpdate;
      try {
        const written = this.#withPassCause(() => this.api.updateStatus(nodes, update));
        this.#health.set(name, plan.healthAfterUpdate ?? plan.health);
        return {
          node: written,
          observed: plan.observedReady.status,
          currentStatus: plan.currentReady?.status,
        };
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        this.#health.set(name, plan.health);
        try {
          node = this.#withPassCause(() => this.api.get(nodes, undefined, name));
        } catch (e2) {
          if (!(e2 instanceof ApiError)) throw e2;
          return undefined;
        }
      }
    }
    return undefined;
  }

  #processTaintBasedEviction(node: KubeObject, observed: string): void {
    if (observed === 'False' || observed === 'Unknown') this.#noExecute.nodeNotReady(node, observed);
    else if (observed === 'True') this.#markNodeAsReachable(node);
  }

  /** Removes the NoExecute taints of a Ready node and takes it out of the tainting queue. */
  #markNodeAsReachable(node: KubeObject): boolean {
    const ok = this.#tryWrite(() => {
      removeTaintOffNode(this.api, nodes, node, [UNREACHABLE_NO_EXECUTE]);
      removeTaintOffNode(this.api, nodes, node, [NOT_READY_NO_EXECUTE]);
    });
    if (ok) this.#noExecute.forget(node);
    return ok;
  }

  #markPodsNotReady(onNode: readonly KubeObject[], nodeName: string): string[] {
    return this.#withPassCause(() =>
      markPodsNotReady(this.api, this.#recorder, onNode, nodeName, this.#now()),
    );
  }

  #podUpdated(old: KubeObject | undefined, pod: KubeObject): void {
    const nodeName = podNode(pod);
    if (nodeName !== '' && (!old || podNode(old) !== nodeName)) {
      this.podQueue.add(`${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`);
    }
  }

  #nodeEvent(node: KubeObject, reason: string, event: string): void {
    const name = node.metadata.name ?? '';
    this.#withPassCause(() =>
      this.#recorder.event(nodeRef(node), 'Normal', reason, `Node ${name} event: ${event}`),
    );
  }

  /** Runs a taint write; a failure is logged by the real controller and retried on a later pass. */
  #tryWrite(write: () => void): boolean {
    try {
      this.#withPassCause(write);
      return true;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return false;
    }
  }

  #withPassCause<T>(fn: () => T): T {
    const trace = this.host.trace;
    if (trace.currentCause() !== undefined) return fn();
    this.#passCause ??= trace.record({
      from: this.id,
      to: this.id,
      type: 'action',
      verb: 'monitor',
      object: 'nodes',
      summary: 'node_lifecycle_controller: monitor node health',
    }).seq;
    return trace.withCause(this.#passCause, fn);
  }

  #scheduleMonitor(delayMs: number): void {
    this.#monitorTimer = this.host.schedule(
      delayMs,
      this.id,
      () => {
        // The controller waits for its caches before its first pass (WaitForNamedCacheSync).
        if (
          !this.#nodeInformer.hasSynced() ||
          !this.#leaseInformer.hasSynced() ||
          !this.#podInformer.hasSynced()
        ) {
          this.#scheduleMonitor(CACHE_SYNC_POLL_MS);
          return;
        }
        this.monitorNodeHealth();
        this.#scheduleMonitor(this.#monitorPeriodMs);
      },
      'periodic',
    );
  }

  #now(): number {
    return this.host.clock.now();
  }
}

/** The reference node events carry: kind, name and uid, no namespace or resourceVersion. */
function nodeRef(node: KubeObject): KubeObject {
  const uid = node.metadata.uid;
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: node.metadata.name ?? '', ...(uid ? { uid } : {}) },
  };
}
