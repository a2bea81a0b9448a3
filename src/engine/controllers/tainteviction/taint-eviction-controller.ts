/**
 * The taint eviction controller (`taint-eviction-controller`, pkg/controller/tainteviction,
 * a controller of its own since v1.29's SeparateTaintEvictionController): pods on a node
 * with NoExecute taints they do not tolerate are deleted, at once or when their
 * `tolerationSeconds` run out, with a `TaintManagerEviction` event and the pod condition
 * `DisruptionTarget` (reason `DeletionByTaintManager`). A planned deletion is cancelled
 * when the taints go or the pod goes.
 *
 * Pending deletions wait on 'periodic' timers: a toleration deadline is a wait, not work
 * in progress, so `sim settle` does not jump minutes ahead to reach it.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Cancellable } from '../../apiserver/watch.ts';
import { ApiError, isNotFound } from '../../client/api-client.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import { nodeNameIndex } from '../../client/indexer.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { Controller, type ControllerHost } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { noExecuteTaints, planEviction, type Taint, type Toleration } from './eviction-plan.ts';

export const TAINT_EVICTION_COMPONENT = 'taint-eviction-controller';
const POD_NODE_INDEX = 'spec.nodeName';
/** `retries` of the deletion handler. */
const DELETE_ATTEMPTS = 5;

const nodes = servedResource('', 'v1', 'Node');
const pods = servedResource('', 'v1', 'Pod');

type Planned =
  | {
      readonly state: 'pending';
      readonly createdAtMs: number;
      readonly fireAtMs: number;
      readonly timer: Cancellable;
    }
  | { readonly state: 'done' };

export class TaintEvictionController extends Controller {
  readonly nodeQueue: WorkQueue;
  readonly podQueue: WorkQueue;
  readonly #nodes: Lister;
  readonly #pods: Lister;
  readonly #recorder: EventRecorder;
  /** The NoExecute taints of each tainted node, as last seen. */
  readonly #tainted = new Map<string, Taint[]>();
  /** Planned deletions by `<namespace>/<name>`. */
  readonly #planned = new Map<string, Planned>();

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'taint-eviction');
    this.#recorder = new EventRecorder(this.api, { component: TAINT_EVICTION_COMPONENT }, () =>
      host.clock.now(),
    );
    this.nodeQueue = this.newQueue({
      name: 'noexec_taint_node',
      sync: (key) => this.syncNode(key),
      describe: (key) => `nodes/${key}`,
    });
    this.podQueue = this.newQueue({
      name: 'noexec_taint_pod',
      sync: (key) => this.syncPod(key),
      describe: (key) => `pods/${key.split('|').slice(0, 2).join('/')}`,
    });
    const podInformer = informers.informerFor(pods, { indexers: { [POD_NODE_INDEX]: nodeNameIndex } });
    this.#pods = podInformer.lister();
    podInformer.addEventHandler({
      onAdd: (pod) => this.#podUpdated(undefined, pod),
      onUpdate: (old, pod) => this.#podUpdated(old, pod),
      onDelete: (pod) => this.#podUpdated(pod, undefined),
    });
    const nodeInformer = informers.informerFor(nodes);
    this.#nodes = nodeInformer.lister();
    nodeInformer.addEventHandler({
      onAdd: (node) => this.#nodeUpdated(undefined, node),
      onUpdate: (old, node) => this.#nodeUpdated(old, node),
      onDelete: (node) => this.#nodeUpdated(node, undefined),
    });
  }

  override stop(): void {
    super.stop();
    for (const planned of this.#planned.values()) if (planned.state === 'pending') planned.timer.cancel();
  }

  /** When the pod's planned deletion fires, if one is pending (for tests and explanations). */
  plannedEviction(namespace: string, name: string): number | undefined {
    const planned = this.#planned.get(`${namespace}/${name}`);
    return planned?.state === 'pending' ? planned.fireAtMs : undefined;
  }

  /** `handleNodeUpdate`. */
  syncNode(name: string): void {
    const node = this.#nodes.get(undefined, name);
    if (!node) {
      this.#tainted.delete(name);
      return;
    }
    const taints = noExecuteTaints(taintsOf(node));
    if (taints.length) this.#tainted.set(name, taints);
    else this.#tainted.delete(name);
    const onNode = this.#pods.byIndex(POD_NODE_INDEX, name);
    if (taints.length === 0) {
      for (const pod of onNode) this.#cancel(podKey(pod));
      return;
    }
    const now = this.host.clock.now();
    for (const pod of onNode) this.#processPod(podKey(pod), tolerationsOf(pod), taints, now);
  }

  /** `handlePodUpdate`; the key is `<namespace>|<name>|<node>`. */
  syncPod(key: string): void {
    const [namespace = '', name = '', nodeName = ''] = key.split('|');
    const pod = this.#pods.get(namespace, name);
    if (!pod) {
      this.#cancel(`${namespace}/${name}`);
      return;
    }
    if (podNode(pod) !== nodeName || nodeName === '') return;
    const taints = this.#tainted.get(nodeName);
    if (!taints) return;
    this.#processPod(`${namespace}/${name}`, tolerationsOf(pod), taints, this.host.clock.now());
  }

  #processPod(key: string, tolerations: readonly Toleration[], taints: readonly Taint[], now: number): void {
    const decision = planEviction(tolerations, taints, now, this.#planned.get(key));
    switch (decision.action) {
      case 'evict-now':
        this.#cancel(key);
        this.#evict(key);
        break;
      case 'cancel':
        this.#cancel(key);
        break;
      case 'schedule': {
        const cause = this.host.trace.currentCause();
        const timer = this.host.schedule(
          decision.fireAtMs - now,
          this.id,
          () => this.host.trace.withCause(cause, () => this.#evict(key)),
          'periodic',
        );
        this.#planned.set(key, {
          state: 'pending',
          createdAtMs: decision.createdAtMs,
          fireAtMs: decision.fireAtMs,
          timer,
        });
        break;
      }
      case 'keep':
        break;
    }
  }

  /** `cancelWorkWithEvent`: forgets the pod's deletion; an event only when one was still pending. */
  #cancel(key: string): void {
    const planned = this.#planned.get(key);
    if (!planned) return;
    this.#planned.delete(key);
    if (planned.state !== 'pending') return;
    planned.timer.cancel();
    this.#recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  /** The deletion handler: event, DisruptionTarget condition, DELETE. */
  #evict(key: string): void {
    this.#recorder.event(podRef(key), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    for (let attempt = 1; attempt <= DELETE_ATTEMPTS; attempt++) {
      try {
        this.#addConditionAndDelete(key);
        // Kept as done so that later taint changes do not delete the pod a second time.
        this.#planned.set(key, { state: 'done' });
        return;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (isNotFound(e)) break;
      }
    }
    this.#planned.delete(key);
  }

  #addConditionAndDelete(key: string): void {
    const [namespace = '', name = ''] = key.split('/');
    const pod = this.api.get(pods, namespace, name);
    const conditions = ((pod.status as { conditions?: { type: string; status: string }[] } | undefined)
      ?.conditions ?? []) as { type: string; status: string; reason?: string; message?: string }[];
    const existing = conditions.find((c) => c.type === 'DisruptionTarget');
    const reason = 'DeletionByTaintManager';
    const message = 'Taint manager: deleting due to NoExecute taint';
    if (!(
      existing &&
      existing.status === 'True' &&
      existing.reason === reason &&
      existing.message === message
    )) {
      const condition = {
        type: 'DisruptionTarget',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime:
          existing?.status === 'True'
            ? ((existing as { lastTransitionTime?: string }).lastTransitionTime ?? null)
            : formatTimestamp(this.host.clock.now()),
        reason,
        message,
      };
      this.api.patch(
        pods,
        namespace,
        name,
        'strategic',
        { metadata: { uid: pod.metadata.uid }, status: { conditions: [condition] } },
        'status',
      );
    }
    this.api.delete(pods, namespace, name);
  }

  #podUpdated(old: KubeObject | undefined, pod: KubeObject | undefined): void {
    if (
      old &&
      pod &&
      podNode(old) === podNode(pod) &&
      sameTolerations(tolerationsOf(old), tolerationsOf(pod))
    ) {
      return;
    }
    const source = pod ?? old;
    if (!source) return;
    this.podQueue.add(`${source.metadata.namespace ?? ''}|${source.metadata.name ?? ''}|${podNode(source)}`);
  }

  #nodeUpdated(old: KubeObject | undefined, node: KubeObject | undefined): void {
    if (
      old &&
      node &&
      JSON.stringify(noExecuteTaints(taintsOf(old))) === JSON.stringify(noExecuteTaints(taintsOf(node)))
    ) {
      return;
    }
    const source = node ?? old;
    if (source) this.nodeQueue.add(source.metadata.name ?? '');
  }
}

function taintsOf(node: KubeObject): Taint[] {
  const taints = (node.spec as { taints?: unknown } | undefined)?.taints;
  return Array.isArray(taints) ? (taints as Taint[]) : [];
}

function tolerationsOf(pod: KubeObject): Toleration[] {
  const tolerations = (pod.spec as { tolerations?: unknown } | undefined)?.tolerations;
  return Array.isArray(tolerations) ? (tolerations as Toleration[]) : [];
}

/** Pods change often and tolerations rarely: a field-by-field look instead of a deep compare. */
function sameTolerations(a: readonly Toleration[], b: readonly Toleration[]): boolean {
  return (
    a.length === b.length &&
    a.every((t, i) => {
      const u = b[i]!;
      return (
        t.key === u.key &&
        t.operator === u.operator &&
        t.value === u.value &&
        t.effect === u.effect &&
        t.tolerationSeconds === u.tolerationSeconds
      );
    })
  );
}

function podNode(pod: KubeObject): string {
  const nodeName = (pod.spec as { nodeName?: unknown } | undefined)?.nodeName;
  return typeof nodeName === 'string' ? nodeName : '';
}

function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

/** The reference eviction events carry: the pod's kind, namespace and name only. */
function podRef(key: string): KubeObject {
  const [namespace = '', name = ''] = key.split('/');
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace } };
}
