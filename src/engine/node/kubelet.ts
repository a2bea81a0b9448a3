/**
 * One node's kubelet (component `kubelet/<node>`): it watches only the pods bound to its
 * node, runs them through the container runtime, reports their status, and keeps its
 * Lease and Node status fresh. `stop()` is the kubelet process dying (nothing more is
 * reported or done); `start()` brings it back.
 */
import { internalIP } from './node-object.ts';
import { collectionPrefix } from '../store/keys.ts';
import { builtinResources } from '../api/resources.ts';
import type { JsonValue, KubeObject } from '../api/types.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import type { Cluster, ClusterComponent } from '../cluster/cluster.ts';
import type { ApiClient } from '../client/api-client.ts';
import { EventRecorder } from '../client/event-recorder.ts';
import type { EventKind } from '../time/event-queue.ts';
import { Heartbeat } from './heartbeat.ts';
import { ImagePuller } from './image-pull.ts';
import { IpAllocator } from './ip-allocator.ts';
import { PodSource } from './pod-source.ts';
import type { PodRecord } from './pod-state.ts';
import { PodWorker } from './pod-worker.ts';
import { podSpecOf, statusDrifted } from './pod-status.ts';
import type { ProbedContainer } from './probes.ts';
import { imageRegistryOf } from './registry/image-registry.ts';
import { KubeletServer } from './kubelet-server.ts';
import { COREDNS_IMAGE } from '../dns/coredns-addon.ts';
import type { ContainerUsage, NodeSummary, PodUsage } from './kubelet-api.ts';

/** What a node's own daemons use (kubelet, containerd, kube-proxy, the OS), as on a small kind node. */
const SYSTEM_CPU_MILLIS = 95;
const SYSTEM_MEMORY_BYTES = 612 * 1024 * 1024;

/** kind's node image ships the addon images kubeadm installs, so CoreDNS starts without a pull. */
const PRELOADED_IMAGES = [COREDNS_IMAGE];

const NODES = builtinResources.find((r) => r.group === '' && r.plural === 'nodes')!;

export class Kubelet implements ClusterComponent {
  readonly id: string;
  readonly api: ApiClient;
  readonly pods = new Map<string, PodRecord>();
  readonly puller: ImagePuller;
  readonly worker: PodWorker;
  readonly #timers = new Set<Cancellable>();
  readonly #source: PodSource;
  readonly #heartbeat: Heartbeat;
  #running = false;

  constructor(
    readonly cluster: Cluster,
    readonly nodeName: string,
  ) {
    this.id = `kubelet/${nodeName}`;
    this.api = cluster.client(this.id);
    const rng = cluster.rng(`${this.id}/runtime`);
    this.puller = new ImagePuller(rng);
    const registry = imageRegistryOf(cluster);
    for (const image of PRELOADED_IMAGES) {
      const resolved = registry.resolve(image);
      if (resolved.ok) this.puller.record(resolved.image);
    }
    const node = this.api.get(NODES, undefined, nodeName);
    const hostIP = internalIP(node);
    const spec = (node.spec ?? {}) as { podCIDR?: string };
    const now = () => cluster.clock.now();
    this.worker = new PodWorker({
      nodeName,
      hostIP,
      api: this.api,
      events: new EventRecorder(this.api, { component: 'kubelet', host: nodeName }, now),
      rng,
      puller: this.puller,
      ips: new IpAllocator(spec.podCIDR ?? '10.244.0.0/24'),
      registry,
      network: () => ({
        services: cluster.store.list(collectionPrefix('', 'services', undefined)).items,
        slices: cluster.store.list(collectionPrefix('discovery.k8s.io', 'endpointslices', undefined)).items,
      }),
      now,
      at: (delayMs, run, kind) => this.at(delayMs, run, kind),
    });
    this.#source = new PodSource(
      this.api,
      nodeName,
      { upsert: (pod) => this.#upsert(pod), remove: (pod) => this.#remove(pod) },
      (run) => this.at(800, run, 'work'),
    );
    this.#heartbeat = new Heartbeat({
      nodeName,
      api: this.api,
      now,
      schedulePeriodic: (delayMs, run) => this.at(delayMs, run, 'periodic'),
      dynamicStatus: () => this.#dynamicStatus(),
    });
  }

  get probes(): PodWorker['prober'] {
    return this.worker.prober;
  }

  get running(): boolean {
    return this.#running;
  }

  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.cluster.kubelets.set(this.nodeName, new KubeletServer(this));
    this.#heartbeat.start();
    this.#source.start();
    // Work cut short while the kubelet was down starts again from its current step.
    for (const rec of this.pods.values()) this.#resume(rec);
  }

  stop(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#heartbeat.stop();
    this.#source.stop();
    for (const t of this.#timers) t.cancel();
    this.#timers.clear();
    for (const rec of this.pods.values()) {
      rec.step = undefined;
      for (const r of rec.containers.values()) r.exitTimer = undefined;
    }
    this.cluster.kubelets.delete(this.nodeName);
  }

  /** Schedules `run` on the cluster's clock, unless the kubelet stops first. */
  at(delayMs: number, run: () => void, kind: EventKind): Cancellable {
    // Cancelling an event that already ran must not touch the queue (its work count would drop twice).
    let done = false;
    const event = this.cluster.schedule(
      delayMs,
      this.id,
      () => {
        done = true;
        this.#timers.delete(handle);
        if (this.#running) run();
      },
      kind,
    );
    const handle: Cancellable = {
      cancel: () => {
        if (done) return;
        done = true;
        this.#timers.delete(handle);
        event.cancel();
      },
    };
    this.#timers.add(handle);
    return handle;
  }

  #resume(rec: PodRecord): void {
    const now = this.cluster.clock.now();
    for (const r of rec.containers.values()) {
      if (r.state.kind !== 'running' || !r.current) continue;
      const { containers, initContainers } = podSpecOf(rec.pod);
      const spec = [...containers, ...initContainers].find((c) => c.name === r.name);
      if (spec) this.worker.prober.containerStarted(rec, r, spec as ProbedContainer);
      const exit = r.current.program.exit;
      if (!exit) continue;
      const due = Math.max(0, r.current.startedAt + exit.atMs - now);
      r.exitTimer = this.at(
        due,
        () => this.worker.onExit(rec, r, exit.code, exit.code === 0 ? 'Completed' : 'Error'),
        'work',
      );
    }
    rec.terminating = false;
    this.worker.drive(rec);
  }

  #upsert(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    let rec = this.pods.get(uid);
    if (!rec) {
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      // A pod that already finished (reported before a restart) needs nothing more, unless deleted.
      if ((phase === 'Succeeded' || phase === 'Failed') && !pod.metadata.deletionTimestamp) return;
      rec = {
        uid,
        key: `${pod.metadata.namespace}/${pod.metadata.name}`,
        pod,
        sandboxReady: false,
        containers: new Map(),
        terminating: false,
        removed: false,
        conditionTimes: new Map(),
      };
      this.pods.set(uid, rec);
    } else {
      rec.pod = pod;
      // Another component changed conditions the kubelet owns (the node lifecycle controller
      // marks pods not ready when the node is lost): the next sync asserts the truth again.
      const newer = Number(pod.metadata.resourceVersion) > (rec.lastWrittenRv ?? Infinity);
      if (newer && statusDrifted(pod.status, rec.lastStatusJson)) rec.lastStatusJson = undefined;
    }
    this.worker.drive(rec);
  }

  #remove(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    const rec = this.pods.get(uid);
    if (!rec) return;
    this.pods.delete(uid);
    this.worker.forget(rec);
  }

  #dynamicStatus(): Record<string, JsonValue> {
    const images = [...this.puller.present.values()]
      .sort((a, b) => b.sizeBytes - a.sizeBytes)
      .slice(0, 50)
      .map((i) => ({ names: i.names, sizeBytes: i.sizeBytes }));
    // NodeStatus.images is omitempty: a node that has pulled nothing shows no list.
    return images.length > 0 ? { images } : {};
  }

  /**
   * Simulated resource use of a pod's running containers (what the kubelet's summary API
   * would report to metrics-server): memory from what the process holds, a little CPU
   * for a server, next to none for a sleeping shell.
   */
  podUsage(namespace: string, name: string): ContainerUsage[] {
    const rec = this.record(namespace, name);
    return rec ? this.#usage(rec) : [];
  }

  /** The node's summary: every pod's running containers, plus what the system daemons use. */
  summary(): NodeSummary {
    const pods: PodUsage[] = [];
    for (const rec of this.pods.values()) {
      const containers = this.#usage(rec);
      if (containers.length === 0) continue;
      const [namespace = '', name = ''] = rec.key.split('/');
      pods.push({ namespace, name, containers });
    }
    const sum = (pick: (c: ContainerUsage) => number): number =>
      pods.reduce((total, p) => total + p.containers.reduce((t, c) => t + pick(c), 0), 0);
    return {
      node: {
        cpuMillis: SYSTEM_CPU_MILLIS + sum((c) => c.cpuMillis),
        memoryBytes: SYSTEM_MEMORY_BYTES + sum((c) => c.memoryBytes),
      },
      pods,
    };
  }

  #usage(rec: PodRecord): ContainerUsage[] {
    const usage: ContainerUsage[] = [];
    for (const r of rec.containers.values()) {
      if (r.state.kind !== 'running' || !r.current) continue;
      const program = r.current.program;
      const server = program.ports.length > 0;
      usage.push({
        name: r.name,
        cpuMillis: server ? 1 : 0,
        memoryBytes: program.memoryBytes,
        startedAt: r.state.startedAt,
      });
    }
    return usage;
  }

  /** The pod record for a pod name (for `sim pod` directives and the kubelet API). */
  record(namespace: string, name: string): PodRecord | undefined {
    for (const rec of this.pods.values()) if (rec.key === `${namespace}/${name}`) return rec;
    return undefined;
  }
}

/** Starts the kubelet of `nodeName` and registers it as a cluster component. */
export function startKubelet(cluster: Cluster, nodeName: string): Kubelet {
  const kubelet = new Kubelet(cluster, nodeName);
  cluster.addComponent(kubelet);
  return kubelet;
}
