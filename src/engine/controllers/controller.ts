/**
 * The shape every controller shares (kubernetes sample-controller): informer handlers only
 * enqueue keys; a work queue hands each key to `sync`, which reads the cache, decides
 * (ideally in a pure planner) and writes through the API. Sync is level-triggered and
 * idempotent: running it again with nothing changed writes nothing.
 *
 * A sync that throws an ApiError or a SyncError is retried with the queue's rate limiter;
 * any other exception is a bug and surfaces as a cluster fault. Each sync leaves an
 * 'action' trace record, caused by the trace record that enqueued the key (usually a watch
 * delivery), and the requests made while syncing share that cause.
 */
import type { Cancellable } from '../apiserver/watch.ts';
import { ApiError, type ApiClient } from '../client/api-client.ts';
import type { ClientHost } from '../client/host.ts';
import type { SharedInformerFactory } from '../client/informer-factory.ts';
import type { RateLimiter } from '../client/rate-limiters.ts';
import { WorkQueue } from '../client/work-queue.ts';
import type { ClusterComponent } from '../cluster/cluster.ts';
import type { EventKind } from '../time/event-queue.ts';
import type { Rng } from '../time/rng.ts';
import type { TraceLog } from '../trace/trace-log.ts';

/** What a controller needs from the cluster it runs in (a Cluster provides it). */
export interface ControllerHost extends ClientHost {
  readonly trace: TraceLog;
  schedule(delayMs: number, owner: string, run: () => void, kind?: EventKind): Cancellable;
  client(componentId: string): ApiClient;
  rng(componentId: string): Rng;
}

/**
 * Nothing: the key is done. `requeueAfterMs`: look again later (not a failure).
 * `requeueRateLimited`: look again after the rate limiter's backoff (not yet possible, no error).
 */
export type SyncResult = void | { readonly requeueAfterMs: number } | { readonly requeueRateLimited: true };

/** A controller's own reason to retry a key (what Go controllers return as a plain error). */
export class SyncError extends Error {}

export interface LoopOptions {
  /** The queue's name in kube-controller-manager (`namespace`, `garbage_collector_attempt_to_delete`, …). */
  readonly name: string;
  readonly sync: (key: string) => SyncResult;
  readonly workers?: number;
  readonly rateLimiter?: RateLimiter;
  /** The trace label of the object a key stands for (`namespaces/foo`); the key itself by default. */
  readonly describe?: (key: string) => string;
  /** Virtual time one sync keeps its worker busy (see WorkQueue `busyMs`). */
  readonly busyMs?: number | ((key: string) => number);
}

export abstract class Controller implements ClusterComponent {
  /** `controller-manager/<name>`: who this controller's trace records and requests come from. */
  readonly id: string;
  protected readonly host: ControllerHost;
  protected readonly informers: SharedInformerFactory;
  protected readonly api: ApiClient;
  readonly #queues: WorkQueue[] = [];

  /** `process` is the binary the controller runs in: kube-controller-manager or cloud-controller-manager. */
  constructor(
    host: ControllerHost,
    informers: SharedInformerFactory,
    name: string,
    process: 'controller-manager' | 'cloud-controller-manager' = 'controller-manager',
  ) {
    this.id = `${process}/${name}`;
    this.host = host;
    this.informers = informers;
    this.api = host.client(this.id);
  }

  /** Starts the shared informers (the ones already started are left alone). */
  start(): void {
    this.informers.start();
  }

  stop(): void {
    for (const q of this.#queues) q.shutDown();
  }

  /** A work queue whose keys are handed to `options.sync`, with retries on failure. */
  protected newQueue(options: LoopOptions): WorkQueue {
    const describe = options.describe ?? ((key: string) => key);
    const queue: WorkQueue = new WorkQueue({
      name: this.id,
      host: this.host,
      ...(options.workers !== undefined ? { workers: options.workers } : {}),
      ...(options.rateLimiter ? { rateLimiter: options.rateLimiter } : {}),
      ...(options.busyMs !== undefined ? { busyMs: options.busyMs } : {}),
      process: (key) => {
        this.host.trace.record({
          from: this.id,
          to: this.id,
          type: 'action',
          verb: 'sync',
          object: describe(key),
          summary: `${options.name}: sync ${key}`,
        });
        let result: SyncResult;
        try {
          result = options.sync(key);
        } catch (e) {
          if (!(e instanceof ApiError) && !(e instanceof SyncError)) throw e;
          this.host.trace.record({
            from: this.id,
            to: this.id,
            type: 'action',
            verb: 'error',
            object: describe(key),
            summary: `${options.name}: syncing ${key} failed: ${e.message}`,
          });
          queue.addRateLimited(key);
          return;
        }
        if (!result) queue.forget(key);
        else if ('requeueAfterMs' in result) queue.addAfter(key, result.requeueAfterMs);
        else queue.addRateLimited(key);
      },
    });
    this.#queues.push(queue);
    return queue;
  }
}
