/**
 * Watch streams. Each open watch follows the store from a resourceVersion, filters by the
 * request's selectors (an object that stops matching is sent as DELETED, one that starts
 * matching as ADDED, as the watch cache does), converts to the requested version, and
 * delivers each event after a small network latency on the virtual clock. Every delivery
 * is a trace record, caused by the write that produced it.
 */
import type { ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { CompactedError, type MvccStore, type StoreEvent, type StoreWatch } from '../store/mvcc-store.ts';
import { collectionPrefix, objectKey } from '../store/keys.ts';
import type { TraceLog } from '../trace/trace-log.ts';
import type { WatchEvent, WatchHandle, WatchSink } from './http-types.ts';
import type { Registry } from './registry.ts';
import { statusErrors } from './status.ts';

export interface Cancellable {
  cancel(): void;
}

export interface WatchScheduler {
  /**
   * Runs `run` after `delayMs` of virtual time as pending work of `owner`; `periodic` work
   * (bookmarks) does not keep the cluster from counting as settled.
   */
  schedule(delayMs: number, owner: string, run: () => void, periodic?: boolean): Cancellable;
}

/** How often the API server sends a watcher that allows them a BOOKMARK event. */
export const BOOKMARK_INTERVAL_MS = 60_000;

/** Virtual network latency between the API server and a watching client. */
export const WATCH_DELIVERY_LATENCY_MS = 1;

/** Follows store events under a prefix from a revision (history first); throws CompactedError. */
export type WatchSubscriber = (
  prefix: string,
  fromRevision: number,
  handler: (e: StoreEvent) => void,
) => StoreWatch;

export interface OpenWatchParams {
  readonly store: MvccStore;
  /** How to follow the store; defaults to a plain store watch. */
  readonly subscribe?: WatchSubscriber;
  readonly registry: Registry;
  readonly trace: TraceLog;
  readonly scheduler: WatchScheduler;
  readonly resource: ResourceInfo;
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly resourceVersion: string;
  readonly filter: (o: KubeObject) => boolean;
  readonly client: string;
  readonly requestSeq: number;
  readonly sink: WatchSink;
  /** `allowWatchBookmarks=true`: the client wants the current resourceVersion now and then. */
  readonly bookmarks?: boolean;
}

export function openWatch(p: OpenWatchParams): WatchHandle {
  const r = p.resource;
  const prefix = p.name
    ? objectKey(r.group, r.plural, r.namespaced ? p.namespace : undefined, p.name)
    : collectionPrefix(r.group, r.plural, r.namespaced ? p.namespace : undefined);
  const matches = (o: KubeObject): boolean => (!p.name || o.metadata.name === p.name) && p.filter(o);
  const pending = new Set<Cancellable>();
  let stopped = false;
  let storeWatch: StoreWatch | undefined;

  const deliver = (event: WatchEvent, causeSeq: number | undefined): void => {
    if (stopped) return;
    const job = p.scheduler.schedule(WATCH_DELIVERY_LATENCY_MS, `watch/${p.client}`, () => {
      pending.delete(job);
      if (stopped) return;
      const meta = event.object.metadata;
      const record = p.trace.record({
        from: 'apiserver',
        to: p.client,
        type: 'watch',
        verb: event.type,
        object: [r.plural, r.namespaced ? meta.namespace : undefined, meta.name].filter(Boolean).join('/'),
        summary: `${event.type} ${event.object.kind}${meta.resourceVersion ? ` rv=${meta.resourceVersion}` : ''}`,
        causeSeq,
      });
      p.trace.withCause(record.seq, () => p.sink.onEvent(event));
    });
    pending.add(job);
  };

  const onStoreEvent = (e: StoreEvent): void => {
    const now = matches(e.object);
    const before = e.prevObject !== undefined && matches(e.prevObject);
    let type: WatchEvent['type'] | undefined;
    if (e.type === 'ADDED') type = now ? 'ADDED' : undefined;
    else if (e.type === 'DELETED') type = before ? 'DELETED' : undefined;
    else if (now && before) type = 'MODIFIED';
    else if (now) type = 'ADDED';
    else if (before) type = 'DELETED';
    if (type) deliver({ type, object: p.registry.toRequestVersion(e.object, r) }, p.trace.currentCause());
  };

  const subscribe: WatchSubscriber =
    p.subscribe ?? ((prefix, from, handler) => p.store.watch(prefix, from, handler));
  const rv = p.resourceVersion;
  if (rv === '' || rv === '0') {
    // "Start at most recent": the current state as synthetic ADDED events, then live changes.
    const { items, revision } = p.store.list(prefix.endsWith('/') ? prefix : `${prefix}`);
    for (const item of items) {
      if (matches(item))
        deliver({ type: 'ADDED', object: p.registry.toRequestVersion(item, r) }, p.requestSeq);
    }
    storeWatch = subscribe(prefix, revision, onStoreEvent);
  } else {
    const from = Number(rv);
    if (!Number.isInteger(from) || from < 0) {
      deliver(
        { type: 'ERROR', object: statusErrors.badRequest(`invalid resource version: ${rv}`) },
        p.requestSeq,
      );
    } else {
      try {
        p.trace.withCause(p.requestSeq, () => {
          storeWatch = subscribe(prefix, from, onStoreEvent);
        });
      } catch (e) {
        if (!(e instanceof CompactedError)) throw e;
        // The real server sends this as an ERROR event on an open stream, then closes it.
        deliver({ type: 'ERROR', object: statusErrors.expired(e.message) }, p.requestSeq);
      }
    }
  }

  // A bookmark tells a client how far the store has got, so a restarted watch need not relist.
  let bookmark: Cancellable | undefined;
  const scheduleBookmark = (): void => {
    bookmark = p.scheduler.schedule(
      BOOKMARK_INTERVAL_MS,
      `watch/${p.client}`,
      () => {
        if (stopped) return;
        const object = {
          apiVersion: r.group ? `${r.group}/${r.version}` : r.version,
          kind: r.kind,
          metadata: { resourceVersion: String(p.store.revision) },
        };
        deliver({ type: 'BOOKMARK', object }, undefined);
        scheduleBookmark();
      },
      true,
    );
  };
  if (p.bookmarks && storeWatch) scheduleBookmark();

  return {
    stop() {
      if (stopped) return;
      stopped = true;
      bookmark?.cancel();
      storeWatch?.cancel();
      for (const job of pending) job.cancel();
      pending.clear();
    },
  };
}
