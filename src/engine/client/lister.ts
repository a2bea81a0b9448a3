/**
 * Listers: read-only views of an informer's cache, filtered by namespace and label
 * selector (client-go's generated listers, without the per-kind types). Everything they
 * return is the cached object itself: never change it, copy it to build a write.
 */
import type { KubeObject } from '../api/types.ts';
import type { LabelSelector } from '../labels/index.ts';
import { keyOf, NAMESPACE_INDEX, type Indexer } from './indexer.ts';

/** Anything that decides on a label set, as `labels.Selector` does. */
export type LabelMatcher = Pick<LabelSelector, 'matches'>;

export class Lister<T extends KubeObject = KubeObject> {
  constructor(readonly indexer: Indexer) {}

  /**
   * Objects in `namespace` (all namespaces when omitted) whose labels match `selector`
   * (everything when omitted), in the order the API server lists them.
   */
  list(namespace?: string, selector?: LabelMatcher): T[] {
    const objects =
      namespace === undefined ? this.indexer.list() : this.indexer.byIndex(NAMESPACE_INDEX, namespace);
    const matching = selector ? objects.filter((o) => selector.matches(o.metadata.labels ?? {})) : objects;
    return matching as T[];
  }

  /** The cached object, or undefined where the API server would answer NotFound. */
  get(namespace: string | undefined, name: string): T | undefined {
    return this.indexer.get(keyOf(namespace, name)) as T | undefined;
  }

  /** Objects indexed under `value` by a named index (e.g. dependents by owner UID). */
  byIndex(indexName: string, value: string): T[] {
    return this.indexer.byIndex(indexName, value) as T[];
  }
}
