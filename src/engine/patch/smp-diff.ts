/**
 * Computing a strategic merge patch from two documents (`diffMaps` / `diffLists` of
 * apimachinery's strategicpatch). The options select which half of a three-way patch is
 * wanted: additions and changes, or deletions.
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import type { PatchMeta } from '../schema/patch-meta.ts';
import { deduplicateScalars, sortByStringKey, sortScalars } from './go-sort.ts';
import { byGoStringOrder, goDeepEqual, goEqual, goFormatV, goSameType, isJsonObject } from './go-values.ts';
import { errBadArgType, errNoMergeKey, GoError } from './patch-error.ts';
import { normalizeSliceOrder, sliceElementType } from './smp-order.ts';
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  lookupListField,
  lookupMapField,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  splitStrategies,
} from './smp-schema.ts';

export interface DiffOptions {
  /** Emit `$setElementOrder/<list>` for merged lists whose content or order changed. */
  readonly setElementOrder?: boolean;
  readonly ignoreChangesAndAdditions?: boolean;
  readonly ignoreDeletions?: boolean;
  /** Emit `$retainKeys` for this map (its field has the retainKeys strategy). */
  readonly buildRetainKeysDirective?: boolean;
}

/**
 * The patch that turns `original` into `modified`. Like Go, it sorts lists of scalars
 * in `original` in place, and the patch shares values with `modified`.
 */
export function diffMaps(
  original: JsonObject,
  modified: JsonObject,
  meta: PatchMeta,
  options: DiffOptions,
): JsonObject {
  const patch: JsonObject = {};
  const retainKeys: JsonValue[] = [];
  for (const [key, modifiedValue] of Object.entries(modified)) {
    if (options.buildRetainKeysDirective && modifiedValue !== null) retainKeys.push(key);
    if (!Object.hasOwn(original, key)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    const originalValue = original[key] as JsonValue;
    if (key === DIRECTIVE_MARKER) {
      if (typeof originalValue !== 'string' || typeof modifiedValue !== 'string') {
        throw new GoError(`invalid value for special key: ${DIRECTIVE_MARKER}`);
      }
      if (originalValue !== modifiedValue) patch[key] = modifiedValue;
      continue;
    }
    if (!goSameType(originalValue, modifiedValue)) {
      if (!options.ignoreChangesAndAdditions) patch[key] = modifiedValue;
      continue;
    }
    if (isJsonObject(originalValue)) {
      diffMapField(key, originalValue, modifiedValue as JsonObject, patch, meta, options);
    } else if (Array.isArray(originalValue)) {
      diffListField(key, originalValue, modifiedValue as JsonValue[], patch, meta, options);
    } else {
      replaceIfNotEqual(key, originalValue, modifiedValue, patch, options);
    }
  }
  if (!options.ignoreDeletions) {
    for (const key of Object.keys(original)) {
      if (!Object.hasOwn(modified, key)) patch[key] = null;
    }
  }
  if (retainKeys.length > 0 && (Object.keys(patch).length > 0 || hasAdditionalNewField(original, modified))) {
    patch[RETAIN_KEYS_DIRECTIVE] = sortScalars(retainKeys);
  }
  return patch;
}

function diffMapField(
  key: string,
  original: JsonObject,
  modified: JsonObject,
  patch: JsonObject,
  meta: PatchMeta,
  options: DiffOptions,
): void {
  const field = lookupMapField(meta, key);
  const { retainKeys, strategy } = splitStrategies(field.strategies);
  if (strategy === REPLACE_DIRECTIVE) {
    // A replace-strategy map is sent whole, changed or not.
    if (!options.ignoreChangesAndAdditions) patch[key] = modified;
    return;
  }
  const sub = diffMaps(original, modified, field.schema, {
    ...options,
    buildRetainKeysDirective: retainKeys,
  });
  if (Object.keys(sub).length > 0) patch[key] = sub;
}

function diffListField(
  key: string,
  original: JsonValue[],
  modified: JsonValue[],
  patch: JsonObject,
  meta: PatchMeta,
  options: DiffOptions,
): void {
  const field = lookupListField(meta, key);
  const { retainKeys, strategy } = splitStrategies(field.strategies);
  if (strategy !== MERGE_DIRECTIVE) {
    replaceIfNotEqual(key, original, modified, patch, options);
    return;
  }
  const itemOptions = { ...options, buildRetainKeysDirective: retainKeys };
  const { additions, deletions, order } = diffLists(
    original,
    modified,
    field.schema,
    field.mergeKey,
    itemOptions,
  );
  if (additions.length > 0) patch[key] = additions;
  if (deletions.length > 0) patch[`${DELETE_FROM_PRIMITIVE_LIST_PREFIX}/${key}`] = deletions;
  if (order.length > 0) patch[`${SET_ELEMENT_ORDER_PREFIX}/${key}`] = order;
}

function replaceIfNotEqual(
  key: string,
  original: JsonValue,
  modified: JsonValue,
  patch: JsonObject,
  options: DiffOptions,
): void {
  if (options.ignoreChangesAndAdditions || goDeepEqual(original, modified)) return;
  patch[key] = modified;
}

function hasAdditionalNewField(original: JsonObject, modified: JsonObject): boolean {
  return Object.entries(original).some(([k, v]) => v !== null && !Object.hasOwn(modified, k));
}

interface ListDiff {
  /** Changed and added items, then `$patch: delete` items (lists of maps). */
  additions: JsonValue[];
  /** Removed scalars, for `$deleteFromPrimitiveList`. */
  deletions: JsonValue[];
  /** The `$setElementOrder` list, or empty when none is needed. */
  order: JsonValue[];
}

/** `diffLists`: the patch for a list with the merge strategy. */
function diffLists(
  original: JsonValue[],
  modified: JsonValue[],
  itemMeta: PatchMeta,
  mergeKey: string,
  options: DiffOptions,
): ListDiff {
  if (original.length === 0) {
    if (modified.length === 0 || options.ignoreChangesAndAdditions)
      return { additions: [], deletions: [], order: [] };
    return { additions: modified, deletions: [], order: [] };
  }
  const kind = sliceElementType(original, modified);
  if (kind === 'map') {
    const maps = diffListsOfMaps(original, modified, itemMeta, mergeKey, options);
    const changed = normalizeSliceOrder(maps.patch, modified, mergeKey, kind);
    const orderSame = isOrderSame(original, modified, mergeKey);
    const additions = [...changed, ...maps.deletions];
    const wantOrder =
      options.setElementOrder &&
      ((!options.ignoreChangesAndAdditions && (additions.length > 0 || !orderSame)) ||
        (!options.ignoreDeletions && additions.length > 0));
    const order = wantOrder ? modified.map((v) => ({ [mergeKey]: (v as JsonObject)[mergeKey] ?? null })) : [];
    return { additions, deletions: [], order };
  }
  const scalars = diffListsOfScalars(original, modified, options);
  const additions = normalizeSliceOrder(scalars.additions, modified, mergeKey, kind);
  // `original` was sorted in place above, so this also fires when only the order differs.
  const wantOrder =
    options.setElementOrder &&
    ((!options.ignoreDeletions && scalars.deletions.length > 0) ||
      (!options.ignoreChangesAndAdditions && !goDeepEqual(original, modified)));
  return { additions, deletions: scalars.deletions, order: wantOrder ? modified : [] };
}

function isOrderSame(original: JsonValue[], modified: JsonValue[], mergeKey: string): boolean {
  if (original.length !== modified.length) return false;
  return modified.every((item, i) => {
    const left = original[i] as JsonValue;
    if (mergeKey === '') return goEqual(left, item);
    if (!isJsonObject(left)) throw errBadArgType('map', left);
    if (!isJsonObject(item)) throw errBadArgType('map', item);
    if (!Object.hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
    if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
    return goEqual(left[mergeKey], item[mergeKey]);
  });
}

/** Walks both lists sorted by `%v` text, as Go does, collecting additions and deletions. */
function diffListsOfScalars(
  original: JsonValue[],
  modified: JsonValue[],
  options: DiffOptions,
): { additions: JsonValue[]; deletions: JsonValue[] } {
  const originalSorted = sortScalars(original);
  const modifiedSorted = sortScalars([...modified]);
  const additions: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  let o = 0;
  let m = 0;
  while (o < originalSorted.length || m < modifiedSorted.length) {
    const oText = o < originalSorted.length ? goFormatV(originalSorted[o]) : undefined;
    const mText = m < modifiedSorted.length ? goFormatV(modifiedSorted[m]) : undefined;
    if (oText !== undefined && mText !== undefined && oText === mText) {
      o++;
      m++;
    } else if (oText === undefined || (mText !== undefined && oText > mText)) {
      if (!options.ignoreChangesAndAdditions) additions.push(modifiedSorted[m] as JsonValue);
      m++;
    } else {
      if (!options.ignoreDeletions) deletions.push(originalSorted[o] as JsonValue);
      o++;
    }
  }
  return { additions, deletions: deduplicateScalars(deletions) };
}

/** Pairs items by merge key (compared as `%v` text, in sorted order) and diffs each pair. */
function diffListsOfMaps(
  original: JsonValue[],
  modified: JsonValue[],
  itemMeta: PatchMeta,
  mergeKey: string,
  options: DiffOptions,
): { patch: JsonValue[]; deletions: JsonValue[] } {
  const patch: JsonValue[] = [];
  const deletions: JsonValue[] = [];
  const byKeyText = (v: JsonValue): string => goFormatV(isJsonObject(v) ? (v[mergeKey] ?? null) : null);
  const originalSorted = sortByStringKey([...original], byKeyText);
  const modifiedSorted = sortByStringKey([...modified], byKeyText);
  let o = 0;
  let m = 0;
  while (o < originalSorted.length || m < modifiedSorted.length) {
    const left = o < originalSorted.length ? keyedItem(originalSorted[o] as JsonValue, mergeKey) : undefined;
    const right = m < modifiedSorted.length ? keyedItem(modifiedSorted[m] as JsonValue, mergeKey) : undefined;
    if (left && right && left.text === right.text) {
      const sub = diffMaps(left.map, right.map, itemMeta, options);
      if (Object.keys(sub).length > 0) {
        sub[mergeKey] = right.value;
        patch.push(sub);
      }
      o++;
      m++;
    } else if (!left || (right && byGoStringOrder(left.text, right.text) > 0)) {
      if (!options.ignoreChangesAndAdditions) patch.push((right as KeyedItem).map);
      m++;
    } else {
      if (!options.ignoreDeletions)
        deletions.push({ [mergeKey]: left.value, [DIRECTIVE_MARKER]: DELETE_DIRECTIVE });
      o++;
    }
  }
  return { patch, deletions };
}

interface KeyedItem {
  map: JsonObject;
  value: JsonValue;
  text: string;
}

function keyedItem(item: JsonValue, mergeKey: string): KeyedItem {
  if (!isJsonObject(item)) throw errBadArgType('map', item);
  if (!Object.hasOwn(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
  const value = item[mergeKey] as JsonValue;
  return { map: item, value, text: goFormatV(value) };
}
