/**
 * An informer's local cache (client-go's `cache.Indexer`): objects keyed `namespace/name`
 * (`name` for cluster-scoped ones), with secondary indexes that map a computed value
 * (a namespace, an owner UID, a node name) to the keys of the objects that produce it.
 *
 * The cache holds the API server's objects themselves and never copies them; every
 * object in it is frozen, so a caller that tries to change one fails loudly.
 */
import type { KubeObject } from '../api/types.ts';

/** The values an object is indexed under; an empty list leaves it out of the index. */
export type IndexFunc = (object: KubeObject) => readonly string[];

export type Indexers = Readonly<Record<string, IndexFunc>>;

/** client-go's `cache.NamespaceIndex`: every indexer has it, listers use it. */
export const NAMESPACE_INDEX = 'namespace';

/** client-go's `MetaNamespaceKeyFunc`. */
export function metaNamespaceKey(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return namespace ? `${namespace}/${name ?? ''}` : (name ?? '');
}

export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

/** client-go's `SplitMetaNamespaceKey`. */
export function splitMetaNamespaceKey(key: string): { namespace: string | undefined; name: string } {
  const slash = key.indexOf('/');
  return slash < 0
    ? { namespace: undefined, name: key }
    : { namespace: key.slice(0, slash), name: key.slice(slash + 1) };
}

/** Index by the UIDs of an object's owners (what the garbage collector and workload controllers ask). */
export const ownerUidIndex: IndexFunc = (o) => (o.metadata.ownerReferences ?? []).map((r) => r.uid);

/** Index pods by `spec.nodeName` (what kubelets and the scheduler ask); unscheduled pods are left out. */
export const nodeNameIndex: IndexFunc = (o) => {
  const node = (o.spec as { nodeName?: unknown } | undefined)?.nodeName;
  return typeof node === 'string' && node !== '' ? [node] : [];
};

const namespaceIndex: IndexFunc = (o) => [o.metadata.namespace ?? ''];

export class Indexer {
  readonly #items = new Map<string, KubeObject>();
  readonly #indexers = new Map<string, IndexFunc>();
  /** index name → indexed value → keys */
  readonly #indices = new Map<string, Map<string, Set<string>>>();
  /** Keys in key order, rebuilt lazily after an add or a delete (updates keep it valid). */
  #sortedKeys: string[] | undefined = [];

  constructor(indexers: Indexers = {}) {
    this.addIndexers({ [NAMESPACE_INDEX]: namespaceIndex, ...indexers });
  }

  /** Adds indexes; objects already cached are indexed at once. */
  addIndexers(indexers: Indexers): void {
    for (const [name, fn] of Object.entries(indexers)) {
      if (this.#indexers.has(name)) throw new Error(`indexer conflict: ${name}`);
      this.#indexers.set(name, fn);
      const index = new Map<string, Set<string>>();
      this.#indices.set(name, index);
      for (const [key, object] of this.#items) addToIndex(index, fn(object), key);
    }
  }

  hasIndex(name: string): boolean {
    return this.#indexers.has(name);
  }

  get size(): number {
    return this.#items.size;
  }

  get(key: string): KubeObject | undefined {
    return this.#items.get(key);
  }

  has(key: string): boolean {
    return this.#items.has(key);
  }

  /** Every object, in key order (the order the API server lists them in). */
  list(): KubeObject[] {
    return this.listKeys().map((k) => this.#items.get(k)!);
  }

  listKeys(): string[] {
    if (!this.#sortedKeys) this.#sortedKeys = [...this.#items.keys()].sort(compareKeys);
    return this.#sortedKeys.slice();
  }

  /** The objects indexed under `value` by `indexName`, in key order. */
  byIndex(indexName: string, value: string): KubeObject[] {
    return this.indexKeys(indexName, value).map((k) => this.#items.get(k)!);
  }

  indexKeys(indexName: string, value: string): string[] {
    const index = this.#indices.get(indexName);
    if (!index) throw new Error(`index with name ${indexName} does not exist`);
    return [...(index.get(value) ?? [])].sort(compareKeys);
  }

  /** Adds or replaces the object under its key; returns the object it replaced. */
  set(object: KubeObject): KubeObject | undefined {
    const key = metaNamespaceKey(object);
    const previous = this.#items.get(key);
    if (previous) this.#unindex(key, previous);
    else this.#sortedKeys = undefined;
    this.#items.set(key, object);
    for (const [name, fn] of this.#indexers) addToIndex(this.#indices.get(name)!, fn(object), key);
    return previous;
  }

  delete(key: string): KubeObject | undefined {
    const previous = this.#items.get(key);
    if (!previous) return undefined;
    this.#unindex(key, previous);
    this.#items.delete(key);
    this.#sortedKeys = undefined;
    return previous;
  }

  #unindex(key: string, object: KubeObject): void {
    for (const [name, fn] of this.#indexers) {
      const index = this.#indices.get(name)!;
      for (const value of fn(object)) {
        const keys = index.get(value);
        if (!keys) continue;
        keys.delete(key);
        if (keys.size === 0) index.delete(value);
      }
    }
  }
}

function addToIndex(index: Map<string, Set<string>>, values: readonly string[], key: string): void {
  for (const value of values) {
    let keys = index.get(value);
    if (!keys) index.set(value, (keys = new Set()));
    keys.add(key);
  }
}

function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
