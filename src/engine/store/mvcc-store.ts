/**
 * An etcd analogue: a key/value store with one global revision. Every write bumps the
 * revision, and the revision of an object's last write is its `resourceVersion`. Watches
 * replay history from a revision and then follow live writes, in revision order; history
 * older than the last compaction is gone, and asking for it fails as etcd does.
 */
import type { KubeObject } from '../api/types.ts';
import { deepFreeze } from './freeze.ts';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface StoreEvent {
  readonly type: WatchEventType;
  readonly key: string;
  /** The object after the write; for DELETED, its last state stamped with the deletion revision. */
  readonly object: KubeObject;
  readonly prevObject: KubeObject | undefined;
  readonly revision: number;
}

export interface StoredObject {
  readonly object: KubeObject;
  readonly createRevision: number;
  readonly modRevision: number;
}

export type StoreFailure =
  | { readonly code: 'exists'; readonly key: string }
  | { readonly code: 'not-found'; readonly key: string }
  | { readonly code: 'conflict'; readonly key: string; readonly current: KubeObject };

export type StoreResult =
  { readonly ok: true; readonly object: KubeObject } | ({ readonly ok: false } & StoreFailure);

export type WatchHandler = (event: StoreEvent) => void;

export interface StoreWatch {
  cancel(): void;
}

export class CompactedError extends Error {
  constructor(
    readonly requested: number,
    readonly compacted: number,
  ) {
    super(`too old resource version: ${requested} (${compacted})`);
  }
}

interface Watcher {
  readonly prefix: string;
  readonly handler: WatchHandler;
  active: boolean;
}

export class MvccStore {
  readonly #data = new Map<string, StoredObject>();
  /** Keys grouped by their first two path segments (`/registry/pods/`), so a list scans one resource. */
  readonly #byResource = new Map<string, Set<string>>();
  #history: StoreEvent[] = [];
  #revision = 0;
  #compactedRevision = 0;
  #watchers: Watcher[] = [];
  readonly #freeze: boolean;

  /** @param options.freeze deep-freeze stored objects (tests turn this on to catch mutation of shared state). */
  constructor(options: { freeze?: boolean } = {}) {
    this.#freeze = options.freeze ?? false;
  }

  get revision(): number {
    return this.#revision;
  }

  get compactedRevision(): number {
    return this.#compactedRevision;
  }

  get size(): number {
    return this.#data.size;
  }

  get(key: string): StoredObject | undefined {
    return this.#data.get(key);
  }

  /** Objects under `prefix`, sorted by key as etcd returns them, at the current revision. */
  list(prefix: string): { items: KubeObject[]; revision: number } {
    const keys = this.#byResource.get(resourcePrefix(prefix));
    const matching: string[] = [];
    if (keys) for (const key of keys) if (key.startsWith(prefix)) matching.push(key);
    matching.sort();
    return { items: matching.map((k) => this.#data.get(k)!.object), revision: this.#revision };
  }

  /** Number of keys under `prefix`, without building a list. */
  count(prefix: string): number {
    const keys = this.#byResource.get(resourcePrefix(prefix));
    let n = 0;
    if (keys) for (const key of keys) if (key.startsWith(prefix)) n++;
    return n;
  }

  create(key: string, object: KubeObject): StoreResult {
    if (this.#data.has(key)) return { ok: false, code: 'exists', key };
    const revision = ++this.#revision;
    const stored = this.#stamp(object, revision);
    this.#data.set(key, { object: stored, createRevision: revision, modRevision: revision });
    const rp = resourcePrefix(key);
    let set = this.#byResource.get(rp);
    if (!set) this.#byResource.set(rp, (set = new Set()));
    set.add(key);
    this.#emit({ type: 'ADDED', key, object: stored, prevObject: undefined, revision });
    return { ok: true, object: stored };
  }

  /** Replaces the object; with `expectedRevision`, only if the stored one is still at that revision. */
  update(key: string, object: KubeObject, expectedRevision?: number): StoreResult {
    const current = this.#data.get(key);
    if (!current) return { ok: false, code: 'not-found', key };
    if (expectedRevision !== undefined && current.modRevision !== expectedRevision) {
      return { ok: false, code: 'conflict', key, current: current.object };
    }
    const revision = ++this.#revision;
    const stored = this.#stamp(object, revision);
    this.#data.set(key, { object: stored, createRevision: current.createRevision, modRevision: revision });
    this.#emit({ type: 'MODIFIED', key, object: stored, prevObject: current.object, revision });
    return { ok: true, object: stored };
  }

  delete(key: string, expectedRevision?: number): StoreResult {
    const current = this.#data.get(key);
    if (!current) return { ok: false, code: 'not-found', key };
    if (expectedRevision !== undefined && current.modRevision !== expectedRevision) {
      return { ok: false, code: 'conflict', key, current: current.object };
    }
    const revision = ++this.#revision;
    this.#data.delete(key);
    this.#byResource.get(resourcePrefix(key))?.delete(key);
    // A watcher sees the deleted object at the deletion's revision, as the apiserver's watch cache sends it.
    const last = this.#stamp(current.object, revision);
    this.#emit({ type: 'DELETED', key, object: last, prevObject: current.object, revision });
    return { ok: true, object: current.object };
  }

  /**
   * Delivers every event under `prefix` with a revision greater than `fromRevision`, first
   * from history and then live, synchronously on each write. Throws CompactedError when
   * the history needed is gone.
   */
  watch(prefix: string, fromRevision: number, handler: WatchHandler): StoreWatch {
    if (fromRevision < this.#compactedRevision)
      throw new CompactedError(fromRevision, this.#compactedRevision);
    const watcher: Watcher = { prefix, handler, active: true };
    for (const event of this.#eventsAfter(fromRevision)) {
      if (event.key.startsWith(prefix)) handler(event);
    }
    this.#watchers.push(watcher);
    return {
      cancel: () => {
        if (!watcher.active) return;
        watcher.active = false;
        this.#watchers = this.#watchers.filter((w) => w !== watcher);
      },
    };
  }

  /** Events under `prefix` after `fromRevision`, from history; throws CompactedError when gone. */
  eventsSince(prefix: string, fromRevision: number): StoreEvent[] {
    if (fromRevision < this.#compactedRevision)
      throw new CompactedError(fromRevision, this.#compactedRevision);
    return this.#eventsAfter(fromRevision).filter((e) => e.key.startsWith(prefix));
  }

  /** Forgets history up to and including `revision`, as `etcdctl compact` does. */
  compact(revision: number): void {
    if (revision <= this.#compactedRevision) return;
    const upTo = Math.min(revision, this.#revision);
    this.#compactedRevision = upTo;
    let drop = 0;
    while (drop < this.#history.length && this.#history[drop]!.revision <= upTo) drop++;
    this.#history = this.#history.slice(drop);
  }

  #eventsAfter(revision: number): StoreEvent[] {
    // History is sorted by revision; find the first event after `revision` by binary search.
    let lo = 0;
    let hi = this.#history.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.#history[mid]!.revision <= revision) lo = mid + 1;
      else hi = mid;
    }
    return this.#history.slice(lo);
  }

  #stamp(object: KubeObject, revision: number): KubeObject {
    const stamped: KubeObject = {
      ...object,
      metadata: { ...object.metadata, resourceVersion: String(revision) },
    };
    return this.#freeze ? deepFreeze(stamped) : stamped;
  }

  #emit(event: StoreEvent): void {
    this.#history.push(event);
    for (const w of this.#watchers) {
      if (w.active && event.key.startsWith(w.prefix)) w.handler(event);
    }
  }
}

function resourcePrefix(key: string): string {
  // '/registry/pods/default/x' → '/registry/pods/'; '/registry/services/specs/…' → '/registry/services/'
  const second = key.indexOf('/', 10);
  return second < 0 ? key : key.slice(0, second + 1);
}
