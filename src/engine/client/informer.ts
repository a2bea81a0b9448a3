/**
 * A shared informer (client-go `tools/cache`: reflector.go, shared_informer.go) for one
 * resource, optionally one namespace.
 *
 * Contract, as client-go states it for SharedInformer:
 * - the cache starts empty, is filled by one LIST and then follows a WATCH from the list's
 *   resourceVersion; it is eventually consistent with the API server;
 * - for each object the cache sees a subsequence of its states, in order;
 * - handlers are told after the cache changed: onAdd, onUpdate(old, new), onDelete(last
 *   known state); a handler added after the start first gets an add for every cached object;
 * - a resync (when a handler asks for one) calls onUpdate(o, o) for every cached object;
 * - cached objects are the API server's objects and are frozen: never change them.
 *
 * Watch events arrive through the cluster's event loop, each inside the trace record of
 * its delivery, so handlers that enqueue work carry that record as the work's cause. When
 * a watch fails (a compacted resourceVersion answers 410 Expired), the informer lists
 * again after the reflector's backoff and reconciles its cache with the new list,
 * telling handlers about every add, update and delete it missed.
 */
import type { ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import type { WatchEvent, WatchHandle } from '../apiserver/http-types.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import { deepFreeze } from '../store/freeze.ts';
import type { ApiClient } from './api-client.ts';
import type { ClientHost } from './host.ts';
import { Indexer, metaNamespaceKey, type Indexers } from './indexer.ts';
import { Lister } from './lister.ts';

export interface ResourceEventHandler {
  /** `isInInitialList`: the object came with the informer's first list (or a late handler's catch-up). */
  onAdd?(object: KubeObject, isInInitialList: boolean): void;
  onUpdate?(oldObject: KubeObject, newObject: KubeObject): void;
  onDelete?(object: KubeObject): void;
}

export interface HandlerRegistration {
  /** True once the informer has synced and this handler has seen every object of the first list. */
  hasSynced(): boolean;
  remove(): void;
}

export interface InformerOptions {
  readonly namespace?: string;
  readonly indexers?: Indexers;
  /** Lists and watches only the objects matching it (client-go's tweakListOptions), e.g. `metadata.name=node1`. */
  readonly fieldSelector?: string;
}

/** The reflector's first wait before it lists again after a failed list or watch (its jitter left out). */
export const RELIST_BACKOFF_MS = 800;

interface Registration {
  readonly handler: ResourceEventHandler;
  readonly resyncPeriodMs: number;
  resyncTimer: Cancellable | undefined;
  active: boolean;
}

export class SharedInformer {
  readonly resource: ResourceInfo;
  readonly namespace: string | undefined;
  readonly fieldSelector: string | undefined;
  readonly indexer: Indexer;
  readonly #host: ClientHost;
  readonly #api: ApiClient;
  readonly #registrations: Registration[] = [];
  #lastSyncResourceVersion = '';
  #watch: WatchHandle | undefined;
  #retry: Cancellable | undefined;
  #started = false;
  #synced = false;
  #stopped = false;

  constructor(host: ClientHost, api: ApiClient, resource: ResourceInfo, options: InformerOptions = {}) {
    this.#host = host;
    this.#api = api;
    this.resource = resource;
    this.namespace = resource.namespaced ? options.namespace : undefined;
    this.fieldSelector = options.fieldSelector;
    this.indexer = new Indexer(options.indexers);
  }

  /** Who the informer's list and watch requests come from. */
  get client(): string {
    return this.#api.client;
  }

  lister<T extends KubeObject = KubeObject>(): Lister<T> {
    return new Lister<T>(this.indexer);
  }

  addIndexers(indexers: Indexers): void {
    this.indexer.addIndexers(indexers);
  }

  /**
   * Registers a handler. On a started informer it first receives an add for every cached
   * object. A positive `resyncPeriodMs` re-delivers every cached object as an update that
   * often, as 'periodic' events that never keep the cluster from settling.
   */
  addEventHandler(handler: ResourceEventHandler, resyncPeriodMs = 0): HandlerRegistration {
    const registration: Registration = { handler, resyncPeriodMs, resyncTimer: undefined, active: true };
    this.#registrations.push(registration);
    if (this.#synced) for (const o of this.indexer.list()) handler.onAdd?.(o, true);
    if (this.#started) this.#scheduleResync(registration);
    return {
      hasSynced: () => this.#synced,
      remove: () => {
        registration.active = false;
        registration.resyncTimer?.cancel();
        const i = this.#registrations.indexOf(registration);
        if (i >= 0) this.#registrations.splice(i, 1);
      },
    };
  }

  /** Lists and starts watching; idempotent. */
  run(): void {
    if (this.#started || this.#stopped) return;
    this.#started = true;
    for (const r of this.#registrations) this.#scheduleResync(r);
    this.#listAndWatch();
  }

  hasSynced(): boolean {
    return this.#synced;
  }

  isStopped(): boolean {
    return this.#stopped;
  }

  /** The resourceVersion of the newest list or event the cache reflects. */
  lastSyncResourceVersion(): string {
    return this.#lastSyncResourceVersion;
  }

  /**
   * Ends the current watch and opens a new one from the last seen resourceVersion, as the
   * reflector does when the server closes a watch (its timeout) or the connection drops.
   */
  restartWatch(): void {
    if (!this.#started || this.#stopped) return;
    this.#watch?.stop();
    this.#watch = undefined;
    this.#startWatch();
  }

  stop(): void {
    this.#stopped = true;
    this.#watch?.stop();
    this.#watch = undefined;
    this.#retry?.cancel();
    for (const r of this.#registrations) r.resyncTimer?.cancel();
  }

  #listAndWatch(): void {
    this.#retry = undefined;
    if (this.#stopped) return;
    // The first list may come from the watch cache (resourceVersion=0); a relist asks for
    // state at least as new as what the cache has already seen.
    const resourceVersion = this.#lastSyncResourceVersion === '' ? '0' : this.#lastSyncResourceVersion;
    let items: KubeObject[];
    let listVersion: string;
    try {
      const list = this.#api.list(this.resource, this.namespace, {
        resourceVersion,
        ...(this.fieldSelector ? { fieldSelector: this.fieldSelector } : {}),
      });
      items = list.items;
      listVersion = list.metadata.resourceVersion ?? '';
    } catch {
      this.#retryLater();
      return;
    }
    const listResponse = this.#host.trace.lastSeq;
    this.#host.trace.withCause(listResponse, () => this.#replace(items));
    this.#lastSyncResourceVersion = listVersion;
    this.#synced = true;
    this.#startWatch();
  }

  #startWatch(): void {
    try {
      this.#watch = this.#api.watch(
        this.resource,
        this.namespace,
        {
          resourceVersion: this.#lastSyncResourceVersion,
          ...(this.fieldSelector ? { fieldSelector: this.fieldSelector } : {}),
        },
        { onEvent: (e) => this.#onWatchEvent(e) },
      );
    } catch {
      this.#retryLater();
    }
  }

  #retryLater(): void {
    if (this.#stopped || this.#retry) return;
    this.#retry = this.#host.schedule(
      RELIST_BACKOFF_MS,
      this.#api.client,
      () => this.#listAndWatch(),
      'work',
    );
  }

  #onWatchEvent(event: WatchEvent): void {
    if (this.#stopped) return;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED':
        this.#upsert(deepFreeze(event.object), false);
        break;
      case 'DELETED':
        this.#remove(metaNamespaceKey(event.object), deepFreeze(event.object));
        break;
      case 'BOOKMARK':
        break;
      case 'ERROR':
        // The stream is over (410 Expired for a compacted resourceVersion, or another failure):
        // the reflector lists again after its backoff.
        this.#watch?.stop();
        this.#watch = undefined;
        this.#retryLater();
        return;
    }
    const rv = event.object.metadata.resourceVersion;
    if (rv) this.#lastSyncResourceVersion = rv;
  }

  /** Reconciles the cache with a full list: adds, updates (changed resourceVersion only) and deletes. */
  #replace(items: readonly KubeObject[]): void {
    const initial = !this.#synced;
    const listed = new Set<string>();
    for (const item of items) {
      const object = deepFreeze(item);
      const key = metaNamespaceKey(object);
      listed.add(key);
      const cached = this.indexer.get(key);
      if (cached && cached.metadata.resourceVersion === object.metadata.resourceVersion) continue;
      this.#upsert(object, initial);
    }
    for (const key of this.indexer.listKeys()) {
      if (!listed.has(key)) this.#remove(key, this.indexer.get(key)!);
    }
  }

  #upsert(object: KubeObject, initial: boolean): void {
    const previous = this.indexer.set(object);
    for (const r of this.#registrations.slice()) {
      if (!r.active) continue;
      if (previous) r.handler.onUpdate?.(previous, object);
      else r.handler.onAdd?.(object, initial);
    }
  }

  #remove(key: string, lastState: KubeObject): void {
    if (!this.indexer.delete(key)) return;
    for (const r of this.#registrations.slice()) if (r.active) r.handler.onDelete?.(lastState);
  }

  #scheduleResync(r: Registration): void {
    if (r.resyncPeriodMs <= 0 || !r.active || this.#stopped) return;
    r.resyncTimer = this.#host.schedule(
      r.resyncPeriodMs,
      this.#api.client,
      () => {
        if (!r.active || this.#stopped) return;
        for (const o of this.indexer.list()) r.handler.onUpdate?.(o, o);
        this.#scheduleResync(r);
      },
      'periodic',
    );
  }
}
