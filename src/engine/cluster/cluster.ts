/**
 * A whole simulated cluster: the virtual clock and event loop, etcd, the API server, the
 * control-plane components and the nodes, wired together and driven only by commands.
 */
import { builtinResources, findKind, type ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { ApiServer } from '../apiserver/api-server.ts';
import type {
  ApiRequest,
  ApiResponse,
  RequestContext,
  WatchHandle,
  WatchSink,
} from '../apiserver/http-types.ts';
import type { ObjectPipeline } from '../apiserver/pipeline.ts';
import type { OpenApiProvider, Patcher, SelectorParsers, TablePrinter } from '../apiserver/ports.ts';
import { Registry } from '../apiserver/registry.ts';
import { ServiceAllocator } from '../apiserver/service-allocator.ts';
import type { Cancellable, WatchScheduler } from '../apiserver/watch.ts';
import { ApiClient, type ApiTransport } from '../client/api-client.ts';
import { MvccStore } from '../store/mvcc-store.ts';
import { VirtualClock } from '../time/clock.ts';
import { formatDuration } from '../time/duration.ts';
import { EventQueue, type EventKind } from '../time/event-queue.ts';
import { Rng } from '../time/rng.ts';
import { TraceLog } from '../trace/trace-log.ts';
import {
  API_SERVER_ADDRESS,
  DEFAULT_WORKERS,
  bootstrapCluster,
  nodeInputFor,
  type NodeOptions,
} from './bootstrap.ts';
import { nodeObject } from '../node/node-object.ts';
import { newUid } from '../apiserver/identity.ts';
import type { KubeletApi } from '../node/kubelet-api.ts';

/** 2025-01-01T00:00:00Z: a fixed start so that timestamps are reproducible. */
export const DEFAULT_START_MS = 1_735_689_600_000;

/** How far `settle` may run virtual time before it gives up. */
export const SETTLE_LIMIT_MS = 10 * 60 * 1000;

/** etcd compaction interval of kube-apiserver (`--etcd-compaction-interval`, default 5m). */
export const COMPACTION_INTERVAL_MS = 5 * 60 * 1000;

export interface ClusterParts {
  readonly pipeline: ObjectPipeline;
  readonly patcher: Patcher;
  readonly selectors: SelectorParsers;
  readonly tablePrinter: TablePrinter;
  readonly openapi?: OpenApiProvider;
}

export interface ClusterOptions {
  readonly seed?: number;
  /** Worker nodes besides the control plane (default 3). */
  readonly workers?: number;
  readonly clusterName?: string;
  readonly startMs?: number;
  /** Deep-freeze stored objects so that any mutation of shared state throws (default true). */
  readonly freezeObjects?: boolean;
  readonly traceCapacity?: number;
}

/** A component that runs inside the cluster (controllers, kubelets…). */
export interface ClusterComponent {
  readonly id: string;
  start(): void;
  stop?(): void;
}

export interface SettleResult {
  readonly settled: boolean;
  /** Virtual time that passed. */
  readonly elapsedMs: number;
  /** Components that still had work when the limit was hit. */
  readonly busy: readonly string[];
}

export class Cluster implements ApiTransport {
  readonly seed: number;
  readonly clusterName: string;
  readonly startMs: number;
  readonly clock: VirtualClock;
  readonly queue = new EventQueue();
  readonly store: MvccStore;
  readonly trace: TraceLog;
  readonly registry: Registry;
  readonly apiserver: ApiServer;
  readonly components: ClusterComponent[] = [];
  /** Each node's kubelet API (logs, exec), registered by the kubelet when it starts. */
  readonly kubelets = new Map<string, KubeletApi>();
  /** Called with each node registered by `addNode` (the node agents start a kubelet for it). */
  readonly onNodeAdded: ((nodeName: string) => void)[] = [];
  /** Errors thrown by components while handling events; a healthy run has none. */
  readonly faults: string[] = [];
  readonly #nodeCount = { workers: 0 };

  constructor(parts: ClusterParts, options: ClusterOptions = {}) {
    this.seed = options.seed ?? 1;
    this.clusterName = options.clusterName ?? 'kubesim';
    this.startMs = options.startMs ?? DEFAULT_START_MS;
    this.clock = new VirtualClock(this.startMs);
    this.store = new MvccStore({ freeze: options.freezeObjects ?? true });
    const now = () => this.clock.now();
    this.trace = new TraceLog(now, options.traceCapacity);
    const apiRng = this.rng('apiserver');
    this.registry = new Registry({
      store: this.store,
      pipeline: parts.pipeline,
      patcher: parts.patcher,
      rng: apiRng,
      now,
      services: new ServiceAllocator(this.rng('apiserver/service-allocator')),
    });
    this.apiserver = new ApiServer({
      store: this.store,
      registry: this.registry,
      trace: this.trace,
      now,
      selectors: parts.selectors,
      tablePrinter: parts.tablePrinter,
      scheduler: this.scheduler,
      serverAddress: API_SERVER_ADDRESS,
      nodeProxy: (nodeName) => this.kubelets.get(nodeName),
      ...(parts.openapi ? { openapi: parts.openapi } : {}),
    });
    bootstrapCluster(this, options.workers ?? DEFAULT_WORKERS);
    this.#scheduleCompaction();
  }

  /** A component's own random stream. */
  rng(componentId: string): Rng {
    return Rng.forComponent(this.seed, componentId);
  }

  /** A REST client that identifies itself as `componentId` in the trace. */
  client(componentId: string): ApiClient {
    return new ApiClient(this, componentId);
  }

  handle(request: ApiRequest, context: RequestContext): ApiResponse {
    return this.apiserver.handle(request, context);
  }

  watch(request: ApiRequest, context: RequestContext, sink: WatchSink): WatchHandle | ApiResponse {
    return this.apiserver.watch(request, context, sink);
  }

  readonly scheduler: WatchScheduler = {
    schedule: (delayMs, owner, run, periodic) =>
      this.schedule(delayMs, owner, run, periodic ? 'periodic' : 'work'),
  };

  schedule(delayMs: number, owner: string, run: () => void, kind: EventKind = 'work'): Cancellable {
    const event = this.queue.push(this.clock.now() + Math.max(0, delayMs), kind, owner, run);
    return { cancel: () => this.queue.cancel(event) };
  }

  /** A running component by id (`scheduler`, `kubelet/<node>`, `controller-manager/<name>`). */
  component<T extends ClusterComponent>(id: string): T | undefined {
    return this.components.find((c) => c.id === id) as T | undefined;
  }

  addComponent(component: ClusterComponent): void {
    this.components.push(component);
    component.start();
  }

  resource(group: string, version: string, kind: string): ResourceInfo {
    const info = findKind(group, version, kind);
    if (!info) throw new Error(`no resource for ${group}/${version} ${kind}`);
    return info;
  }

  /** Registers a worker node as its kubelet would. */
  addNode(options: NodeOptions): KubeObject {
    const rng = this.rng(`kubelet/${options.name}`);
    const index = this.#nodeCount.workers++;
    const input = nodeInputFor(options, index, () => newUid(rng));
    const node = this.client(`kubelet/${options.name}`).create(
      resourceOf('Node'),
      nodeObject(input, this.clock.now()),
    );
    for (const hook of this.onNodeAdded) hook(options.name);
    return node;
  }

  /** Runs everything due within the next `ms` of virtual time, then moves the clock there. */
  advance(ms: number): void {
    const target = this.clock.now() + ms;
    for (let e = this.queue.peek(); e && e.time <= target; e = this.queue.peek()) this.#runNext();
    this.clock.advanceTo(target);
  }

  /**
   * Runs until no component has pending work: every watch event delivered, every work
   * queue drained, every scheduled retry done. Recurring background activity (heartbeats,
   * compaction) does not count. Gives up after SETTLE_LIMIT_MS of virtual time.
   */
  settle(limitMs = SETTLE_LIMIT_MS): SettleResult {
    const start = this.clock.now();
    const deadline = start + limitMs;
    while (this.queue.pendingWork > 0) {
      const next = this.queue.peek();
      if (!next || next.time > deadline) break;
      this.#runNext();
    }
    const settled = this.queue.pendingWork === 0;
    if (!settled) this.clock.advanceTo(Math.max(this.clock.now(), deadline));
    return { settled, elapsedMs: this.clock.now() - start, busy: settled ? [] : this.queue.pendingOwners() };
  }

  describeSettle(result: SettleResult): string {
    return result.settled
      ? `settled after ${formatDuration(result.elapsedMs)}`
      : `not settled after ${formatDuration(result.elapsedMs)}: still busy: ${result.busy.join(', ')}`;
  }

  #runNext(): void {
    const event = this.queue.pop();
    if (!event) return;
    this.clock.advanceTo(event.time);
    try {
      event.run();
    } catch (e) {
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      this.faults.push(`${event.owner}: ${message}`);
      this.trace.record({
        from: event.owner,
        to: event.owner,
        type: 'action',
        verb: 'fault',
        object: '',
        summary: String(e),
      });
    }
  }

  #scheduleCompaction(): void {
    let previous = this.store.revision;
    const tick = (): void => {
      // kube-apiserver compacts to the revision it saw one interval earlier.
      this.store.compact(previous);
      previous = this.store.revision;
      this.schedule(COMPACTION_INTERVAL_MS, 'apiserver/compactor', tick, 'periodic');
    };
    this.schedule(COMPACTION_INTERVAL_MS, 'apiserver/compactor', tick, 'periodic');
  }
}

export function resourceOf(kind: string, group = ''): ResourceInfo {
  const info = builtinResources.find((r) => r.kind === kind && r.group === group);
  if (!info) throw new Error(`unknown kind ${kind}`);
  return info;
}
