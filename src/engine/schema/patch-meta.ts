/**
 * What strategic merge patch needs to know about a field, read from the OpenAPI
 * extensions `x-kubernetes-patch-strategy`, `x-kubernetes-patch-merge-key`,
 * `x-kubernetes-list-type` and `x-kubernetes-list-map-keys`.
 *
 * A PatchMeta describes one position in an object's schema; walk it with `field()` for
 * object properties and `items()` for list elements and map values.
 */
export interface PatchMeta {
  readonly type: 'object' | 'map' | 'array' | 'primitive' | 'unknown';
  /** For arrays: `merge` merges list items by `mergeKey`; `retainKeys` applies to objects. */
  readonly patchStrategies: readonly ('merge' | 'replace' | 'retainKeys')[];
  readonly mergeKey?: string;
  readonly listType?: 'atomic' | 'set' | 'map';
  readonly listMapKeys?: readonly string[];
  /** The schema of a named property (objects) or undefined when unknown. */
  field(name: string): PatchMeta | undefined;
  /** The schema of list items (arrays) or of values (maps). */
  items(): PatchMeta | undefined;
}

/** A PatchMeta for data with no schema: everything is replaced, nothing merged by key. */
export const schemalessPatchMeta: PatchMeta = {
  type: 'unknown',
  patchStrategies: [],
  field: () => schemalessPatchMeta,
  items: () => schemalessPatchMeta,
};
