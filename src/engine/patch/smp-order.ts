/**
 * Where list items end up after a strategic merge: the order-preservation rules of
 * apimachinery's strategicpatch (design "preserve order in strategic merge patch").
 * Precedence is `$setElementOrder`, then the order in the patch, then the live order;
 * items only the server has are woven in by their live positions, patch items first
 * wherever the live order cannot decide.
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import { sliceStable } from './go-sort.ts';
import type { GoKind } from './go-values.ts';
import { goEqual, goFormatV, goKind, isJsonObject } from './go-values.ts';
import { errBadArgType, errNoMergeKey, GoError, sentinel } from './patch-error.ts';
import { DELETE_DIRECTIVE, DIRECTIVE_MARKER } from './smp-schema.ts';

/** `sliceElementType`: the one Go type shared by every item of the lists. */
export function sliceElementType(...lists: JsonValue[][]): GoKind {
  let kind: GoKind | undefined;
  for (const list of lists) {
    for (const item of list) {
      const current = goKind(item);
      if (kind === undefined) {
        kind = current;
        if (kind === 'slice') throw sentinel('ErrNoListOfLists');
      } else if (kind !== current) {
        throw new GoError(`list element types are not identical: ${goFormatV(lists)}`);
      }
    }
  }
  if (kind === undefined) throw new GoError('no elements in any of the given slices');
  return kind;
}

/** The position of an item in a list: by merge key value for maps, by value otherwise. */
function indexOf(list: JsonValue[], item: JsonValue, mergeKey: string, kind: GoKind): number {
  const valueOf = (v: JsonValue): JsonValue =>
    kind === 'map' ? (isJsonObject(v) ? (v[mergeKey] ?? null) : null) : v;
  const wanted = valueOf(item);
  return list.findIndex((v) => goEqual(wanted, valueOf(v)));
}

export function findMapInList(
  list: JsonValue[],
  key: string,
  value: JsonValue,
): { map: JsonObject; index: number } | undefined {
  for (let index = 0; index < list.length; index++) {
    const item = list[index];
    if (!isJsonObject(item)) throw new GoError(`value for key ${index} is not a map.`);
    if (Object.hasOwn(item, key) && goEqual(item[key], value)) return { map: item, index };
  }
  return undefined;
}

function validateMergeKeyInLists(mergeKey: string, ...lists: JsonValue[][]): void {
  for (const list of lists) {
    for (const item of list) {
      if (!isJsonObject(item)) throw errBadArgType('map', item);
      if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    }
  }
}

/** Splits items carrying `$patch: delete` from the others. */
export function extractToDeleteItems(list: JsonValue[]): { keep: JsonValue[]; remove: JsonValue[] } {
  const keep: JsonValue[] = [];
  const remove: JsonValue[] = [];
  for (const item of list) {
    if (!isJsonObject(item)) throw errBadArgType('map', item);
    if (goEqual(item[DIRECTIVE_MARKER], DELETE_DIRECTIVE)) remove.push(item);
    else keep.push(item);
  }
  return { keep, remove };
}

/** `normalizeSliceOrder`: sorts (in place) by position in `order`; delete directives go last. */
export function normalizeSliceOrder(
  toSort: JsonValue[],
  order: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  let list = toSort;
  let deletions: JsonValue[] = [];
  if (kind === 'map') {
    validateMergeKeyInLists(mergeKey, toSort, order);
    const split = extractToDeleteItems(toSort);
    list = split.keep;
    deletions = split.remove;
  }
  // Go's comparison: "less" whenever either item is missing from `order`.
  sliceStable(list, (i, j) => {
    const a = indexOf(order, list[i] as JsonValue, mergeKey, kind);
    if (a < 0) return true;
    const b = indexOf(order, list[j] as JsonValue, mergeKey, kind);
    return b < 0 || a < b;
  });
  return [...list, ...deletions];
}

/** `mergeSortedSlice`: weaves `left` (server-only items) into `right` (patch items). */
function mergeSortedSlice(
  left: JsonValue[],
  right: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  const out: JsonValue[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    const li = indexOf(serverOrder, left[i] as JsonValue, mergeKey, kind);
    const ri = indexOf(serverOrder, right[j] as JsonValue, mergeKey, kind);
    if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++] as JsonValue);
    else out.push(right[j++] as JsonValue);
  }
  return [...out, ...left.slice(i), ...right.slice(j)];
}

/** `normalizeElementOrder`: patch items in patch order, server-only items in live order. */
export function normalizeElementOrder(
  patchItems: JsonValue[],
  serverOnly: JsonValue[],
  patchOrder: JsonValue[],
  serverOrder: JsonValue[],
  mergeKey: string,
  kind: GoKind,
): JsonValue[] {
  const patch = normalizeSliceOrder(patchItems, patchOrder, mergeKey, kind);
  const server = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(server, patch, serverOrder, mergeKey, kind);
}

/** Splits scalars into those present in `partitionBy` and the rest. */
export function partitionPrimitives(list: JsonValue[], partitionBy: JsonValue[]): [JsonValue[], JsonValue[]] {
  const inPatch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const item of list) {
    if (partitionBy.some((p) => goEqual(p, item))) inPatch.push(item);
    else serverOnly.push(item);
  }
  return [inPatch, serverOnly];
}

/** Splits maps into those whose merge key value appears in `partitionBy` and the rest. */
export function partitionMaps(
  list: JsonValue[],
  partitionBy: JsonValue[],
  mergeKey: string,
): [JsonValue[], JsonValue[]] {
  const inPatch: JsonValue[] = [];
  const serverOnly: JsonValue[] = [];
  for (const item of list) {
    if (!isJsonObject(item)) throw errBadArgType('map', item);
    if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    if (findMapInList(partitionBy, mergeKey, item[mergeKey] as JsonValue)) inPatch.push(item);
    else serverOnly.push(item);
  }
  return [inPatch, serverOnly];
}

/** Partitions by merge key when there is one, by value otherwise. */
export function partitionByPresence(
  list: JsonValue[],
  partitionBy: JsonValue[],
  mergeKey: string,
): [JsonValue[], JsonValue[]] {
  return mergeKey === ''
    ? partitionPrimitives(list, partitionBy)
    : partitionMaps(list, partitionBy, mergeKey);
}
