/**
 * The namespace controller of kube-controller-manager (`pkg/controller/namespace/namespace_controller.go`):
 * when a namespace gets a deletionTimestamp it waits a few seconds (so that last-moment
 * creations are visible), then empties it and releases its `kubernetes` finalizer.
 */
import type { KubeObject } from '../../api/types.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import {
  BucketRateLimiter,
  ItemExponentialFailureRateLimiter,
  MaxOfRateLimiter,
  type RateLimiter,
} from '../../client/rate-limiters.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { Controller, type ControllerHost, type SyncResult } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { NamespacedResourcesDeleter } from './content-deleter.ts';

/** The wait before a namespace event is processed (`namespaceDeletionGracePeriod`). */
export const NAMESPACE_DELETION_GRACE_PERIOD_MS = 5000;

/** `--namespace-sync-period`: how often every namespace is looked at again. */
export const NAMESPACE_SYNC_PERIOD_MS = 5 * 60 * 1000;

/** `--concurrent-namespace-syncs`. */
export const NAMESPACE_WORKERS = 10;

const namespaces = servedResource('', 'v1', 'Namespace');

/** Faster than the default: retries every namespace at least once a minute. */
export function namespaceControllerRateLimiter(): RateLimiter {
  return new MaxOfRateLimiter(
    new ItemExponentialFailureRateLimiter(5, 60 * 1000),
    new BucketRateLimiter(10, 100),
  );
}

/** How long to wait before looking again when content remains (`estimate/2 + 1` seconds). */
export function remainingContentRequeueMs(estimateSeconds: number): number {
  return (Math.floor(estimateSeconds / 2) + 1) * 1000;
}

export class NamespaceController extends Controller {
  readonly queue: WorkQueue;
  readonly deleter: NamespacedResourcesDeleter;
  readonly #namespaces: Lister;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'namespace');
    this.deleter = new NamespacedResourcesDeleter(this.api, () => host.clock.now());
    this.queue = this.newQueue({
      name: 'namespace',
      workers: NAMESPACE_WORKERS,
      rateLimiter: namespaceControllerRateLimiter(),
      sync: (key) => this.sync(key),
      describe: (key) => `namespaces/${key}`,
    });
    const informer = informers.informerFor(namespaces);
    this.#namespaces = informer.lister();
    informer.addEventHandler(
      { onAdd: (ns) => this.#enqueue(ns), onUpdate: (_old, ns) => this.#enqueue(ns) },
      NAMESPACE_SYNC_PERIOD_MS,
    );
  }

  /** Deletes the content of a terminating namespace; the key is its name. */
  sync(key: string): SyncResult {
    if (!this.#namespaces.get(undefined, key)) return;
    const estimate = this.deleter.delete(key);
    if (estimate > 0) return { requeueAfterMs: remainingContentRequeueMs(estimate) };
  }

  #enqueue(ns: KubeObject): void {
    if (!ns.metadata.deletionTimestamp) return;
    this.queue.addAfter(ns.metadata.name ?? '', NAMESPACE_DELETION_GRACE_PERIOD_MS);
  }
}
