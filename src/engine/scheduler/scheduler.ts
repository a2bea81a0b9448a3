/**
 * kube-scheduler: watches pods and nodes, keeps its cache, takes one pending pod at a time
 * from the scheduling queue, runs the default profile's plugins and binds the pod through
 * the API (or records why it cannot). Talks to the rest of the cluster only through the API.
 */
import { findKind, type ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import { resourcePath, type ApiClient } from '../client/api-client.ts';
import { EventRecorder } from '../client/event-recorder.ts';
import { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Lister } from '../client/lister.ts';
import type { ClusterComponent } from '../cluster/cluster.ts';
import type { ControllerHost } from '../controllers/controller.ts';
import type { Rng } from '../time/rng.ts';
import { defaultSelector, type SelectorListers } from './default-selector.ts';
import type { Plugin } from './framework.ts';
import { DEFAULT_PLUGINS } from './plugins/default-plugins.ts';
import { preemptVictims, setUnschedulableCondition } from './pod-status-writes.ts';
import { scheduleOne, type Decision } from './schedule-one.ts';
import { SchedulerCache } from './scheduler-cache.ts';
import { SchedulingQueue, type QueuedPod } from './scheduling-queue.ts';
import {
  isAssigned,
  isTerminal,
  nodeSchedulingChanged,
  podChanged,
  responsibleFor,
  SCHEDULER_NAME,
} from './event-filters.ts';
import { podKey, podSpec } from './types.ts';

export const SCHEDULER_ID = 'scheduler';
/** How often pods unschedulable for over five minutes are flushed back (`flushUnschedulablePodsLeftover`). */
const UNSCHEDULABLE_FLUSH_MS = 30_000;
/** How many pods' latest decisions are kept for `sim explain`. */
const DECISIONS_KEPT = 500;

function served(group: string, version: string, kind: string): ResourceInfo {
  const r = findKind(group, version, kind);
  if (!r) throw new Error(`no resource for ${kind}`);
  return r;
}

const PODS = served('', 'v1', 'Pod');

/** What the scheduler needs from its cluster (a Cluster provides it). */
export interface SchedulerHost extends ControllerHost {
  readonly clock: { now(): number };
}

export class Scheduler implements ClusterComponent {
  readonly id = SCHEDULER_ID;
  readonly queue = new SchedulingQueue();
  readonly cache = new SchedulerCache();
  readonly #host: SchedulerHost;
  readonly #api: ApiClient;
  readonly #informers: SharedInformerFactory;
  readonly #pods: Lister;
  readonly #selectorListers: SelectorListers;
  readonly #recorder: EventRecorder;
  readonly #rng: Rng;
  readonly #plugins: readonly Plugin[];
  readonly #decisions = new Map<string, Decision>();
  #startIndex = 0;
  #pending: Cancellable | undefined;
  #flushTimer: Cancellable | undefined;
  #stopped = false;

  constructor(host: SchedulerHost, plugins: readonly Plugin[] = DEFAULT_PLUGINS) {
    this.#host = host;
    this.#plugins = plugins;
    this.#api = host.client(SCHEDULER_ID);
    this.#rng = host.rng(SCHEDULER_ID);
    this.#informers = new SharedInformerFactory(host, this.#api);
    this.#recorder = new EventRecorder(this.#api, { component: SCHEDULER_NAME }, () => this.#now());
    const pods = this.#informers.informerFor(PODS);
    this.#pods = pods.lister();
    pods.addEventHandler({
      onAdd: (pod) => this.#podAdded(pod),
      onUpdate: (old, pod) => this.#podUpdated(old, pod),
      onDelete: (pod) => this.#podDeleted(pod),
    });
    this.#informers.informerFor(served('', 'v1', 'Node')).addEventHandler({
      onAdd: (node) => {
        this.cache.setNode(node);
        this.#moveAll();
      },
      onUpdate: (old, node) => {
        this.cache.setNode(node);
        if (nodeSchedulingChanged(old, node)) this.#moveAll();
      },
      onDelete: (node) => this.cache.removeNode(node.metadata.name ?? ''),
    });
    this.#selectorListers = {
      services: this.#informers.informerFor(served('', 'v1', 'Service')).lister(),
      replicaSets: this.#informers.informerFor(served('apps', 'v1', 'ReplicaSet')).lister(),
      statefulSets: this.#informers.informerFor(served('apps', 'v1', 'StatefulSet')).lister(),
      replicationControllers: this.#informers.informerFor(served('', 'v1', 'ReplicationController')).lister(),
    };
  }

  start(): void {
    this.#stopped = false;
    this.#informers.start();
    const flush = (): void => {
      this.queue.flushUnschedulableLeftover(this.#now());
      this.#kick();
      this.#flushTimer = this.#host.schedule(UNSCHEDULABLE_FLUSH_MS, SCHEDULER_ID, flush, 'periodic');
    };
    this.#flushTimer = this.#host.schedule(UNSCHEDULABLE_FLUSH_MS, SCHEDULER_ID, flush, 'periodic');
  }

  stop(): void {
    this.#stopped = true;
    this.#pending?.cancel();
    this.#flushTimer?.cancel();
    this.#informers.stop();
  }

  /** The latest scheduling decision for a pod (`namespace/name`), for `sim explain`. */
  decision(namespace: string, name: string): Decision | undefined {
    return this.#decisions.get(`${namespace}/${name}`);
  }

  #now(): number {
    return this.#host.clock.now();
  }

  #podAdded(pod: KubeObject): void {
    if (isAssigned(pod)) {
      if (!isTerminal(pod)) this.cache.addPod(pod, podSpec(pod).nodeName!);
      return;
    }
    if (!responsibleFor(pod)) return;
    this.queue.add(pod, this.#now());
    this.#kick();
  }

  #podUpdated(old: KubeObject, pod: KubeObject): void {
    const key = podKey(pod);
    if (isAssigned(pod)) {
      this.queue.delete(key);
      if (isTerminal(pod)) {
        if (this.cache.nodeOf(key) !== undefined) {
          this.cache.removePod(key);
          this.#moveAll();
        }
        return;
      }
      this.cache.addPod(pod, podSpec(pod).nodeName!);
      if (isAssigned(old) && JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels)) {
        this.#moveAll();
      }
      return;
    }
    if (!responsibleFor(pod)) {
      this.queue.delete(key);
      return;
    }
    if (!this.queue.has(key)) this.queue.add(pod, this.#now());
    else if (podChanged(old, pod)) this.queue.update(pod, this.#now());
    else this.queue.add(pod, this.#now());
    this.#kick();
  }

  #podDeleted(pod: KubeObject): void {
    const key = podKey(pod);
    this.queue.delete(key);
    if (this.cache.nodeOf(key) !== undefined) {
      this.cache.removePod(key);
      this.#moveAll();
    }
    this.#decisions.delete(key);
  }

  #moveAll(): void {
    if (this.queue.moveAllToActiveOrBackoff(this.#now()) > 0) this.#kick();
  }

  /** Schedules the next cycle unless one is already due. */
  #kick(): void {
    if (this.#pending || this.#stopped) return;
    let delay = 0;
    if (!this.queue.hasReady(this.#now())) {
      // Only pods waiting out an error backoff remain: wake when the first one is due.
      const due = this.queue.nextBackoffExpiry();
      if (due === undefined) return;
      delay = Math.max(1, due - this.#now());
    }
    const cause = this.#host.trace.currentCause();
    this.#pending = this.#host.schedule(delay, SCHEDULER_ID, () => {
      this.#pending = undefined;
      this.#host.trace.withCause(cause, () => this.#scheduleNext());
      this.#kick();
    });
  }

  #scheduleNext(): void {
    const now = this.#now();
    const qp = this.queue.pop(now);
    if (!qp) return;
    const cached = this.#pods.get(qp.pod.metadata.namespace, qp.pod.metadata.name ?? '');
    if (!cached || !responsibleFor(cached)) {
      this.queue.done(qp);
      return;
    }
    qp.pod = cached;
    const pod = cached;
    const key = podKey(pod);
    this.#host.trace.record({
      from: SCHEDULER_ID,
      to: SCHEDULER_ID,
      type: 'action',
      verb: 'schedule',
      object: `pods/${key}`,
      summary: `scheduling attempt ${qp.attempts} for pod ${key}`,
    });
    const { decision, nextStartIndex } = scheduleOne({
      pod,
      nodes: this.cache.ordered(),
      plugins: this.#plugins,
      rng: this.#rng,
      startIndex: this.#startIndex,
      defaultSpreadSelector: defaultSelector(pod, this.#selectorListers),
      timeMs: now,
      attempt: qp.attempts,
    });
    this.#startIndex = nextStartIndex;
    this.#remember(key, decision);
    if (decision.chosen) {
      // The decision itself, so a viewer can say why this node won before the bind request goes out.
      this.#host.trace.record({
        from: SCHEDULER_ID,
        to: SCHEDULER_ID,
        type: 'action',
        verb: 'select',
        object: `pods/${key}`,
        summary: `chose ${decision.chosen} for pod ${key}${amongFeasible(decision)}: ${decision.why}`,
      });
      this.#bind(qp, pod, decision.chosen);
    } else {
      if (decision.preemption) {
        preemptVictims(this.#api, this.#recorder, pod, decision.preemption, this.#now());
      }
      this.#unschedulable(qp, pod, decision.message ?? decision.why);
    }
  }

  #remember(key: string, decision: Decision): void {
    this.#decisions.delete(key);
    this.#decisions.set(key, decision);
    if (this.#decisions.size > DECISIONS_KEPT) {
      const oldest = this.#decisions.keys().next().value;
      if (oldest !== undefined) this.#decisions.delete(oldest);
    }
  }

  #bind(qp: QueuedPod, pod: KubeObject, node: string): void {
    const key = podKey(pod);
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    // Assume the pod on the node so the next cycle counts it before the watch event arrives.
    this.cache.addPod({ ...pod, spec: { ...(pod.spec ?? {}), nodeName: node } }, node);
    const response = this.#api.request({
      method: 'POST',
      path: resourcePath(PODS, ns, name, 'binding'),
      body: {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name, namespace: ns, ...(pod.metadata.uid ? { uid: pod.metadata.uid } : {}) },
        target: { apiVersion: 'v1', kind: 'Node', name: node },
      },
    });
    if (response.status >= 400) {
      this.cache.removePod(key);
      const message = (response.body as { message?: string } | undefined)?.message ?? 'binding failed';
      this.queue.failed(qp, this.#now(), 'backoff');
      this.#recorder.event(pod, 'Warning', 'FailedScheduling', `Binding rejected: ${message}`);
      return;
    }
    this.queue.done(qp);
    this.#recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${node}`);
  }

  #unschedulable(qp: QueuedPod, pod: KubeObject, message: string): void {
    this.queue.failed(qp, this.#now(), 'unschedulable');
    this.#recorder.event(pod, 'Warning', 'FailedScheduling', message);
    setUnschedulableCondition(this.#api, pod, message, this.#now());
  }
}

/** ` among 3 feasible nodes`; empty when only one was feasible, as the reason then says. */
function amongFeasible(decision: Decision): string {
  const n = decision.scores.length;
  return n > 1 ? ` among ${n} feasible nodes` : '';
}
