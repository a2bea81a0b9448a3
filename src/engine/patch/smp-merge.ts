/**
 * Applying a strategic merge patch (`mergeMap` of apimachinery's strategicpatch). The same
 * merge also combines two patches on the client (`CreateThreeWayMergePatch`), where the
 * parallel-list directives are carried along instead of applied.
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import type { PatchMeta } from '../schema/patch-meta.ts';
import { goDeepEqual, goEqual, goFormatV, goSameType, isJsonObject } from './go-values.ts';
import { errBadArgType, errBadPatchType, errNoMergeKey, GoError, sentinel } from './patch-error.ts';
import type { MergeOptions } from './smp-merge-list.ts';
import { mergeListHandler } from './smp-merge-list.ts';
import {
  extractToDeleteItems,
  normalizeElementOrder,
  partitionByPresence,
  sliceElementType,
} from './smp-order.ts';
import {
  DELETE_DIRECTIVE,
  DELETE_FROM_PRIMITIVE_LIST_PREFIX,
  DIRECTIVE_MARKER,
  extractKey,
  lookupListField,
  lookupMapField,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  SET_ELEMENT_ORDER_PREFIX,
  splitStrategies,
} from './smp-schema.ts';

/** Merges `patch` into `original`, mutating both (callers pass copies). */
export function mergeMap(
  original: JsonObject,
  patch: JsonObject,
  meta: PatchMeta,
  options: MergeOptions,
): JsonObject {
  if (Object.hasOwn(patch, DIRECTIVE_MARKER)) {
    return handleDirectiveInMergeMap(patch[DIRECTIVE_MARKER], patch);
  }
  applyRetainKeysDirective(original, patch, options);
  mergePatchIntoOriginal(original, patch, meta, options);

  for (const patchKey of Object.keys(patch)) {
    const patchValue = patch[patchKey] as JsonValue;
    let key = patchKey;
    let isDeleteList = false;
    if (patchKey.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX)) {
      if (!options.mergeParallelList) {
        original[patchKey] = patchValue;
        continue;
      }
      isDeleteList = true;
      key = extractKey(patchKey, DELETE_FROM_PRIMITIVE_LIST_PREFIX) || patchKey;
    }
    if (patchValue === null) {
      delete original[key];
      if (options.ignoreUnmatchedNulls) continue;
    }
    const current = original[key];
    if (current === undefined || !goSameType(current, patchValue)) {
      if (!isDeleteList) setWithoutDirectives(original, key, patchValue, options);
      continue;
    }
    if (isJsonObject(current)) {
      const field = lookupMapField(meta, key);
      const { strategy } = splitStrategies(field.strategies);
      original[key] =
        strategy === REPLACE_DIRECTIVE
          ? patchValue
          : mergeMap(current, patchValue as JsonObject, field.schema, options);
    } else if (Array.isArray(current)) {
      const field = lookupListField(meta, key);
      const { strategy } = splitStrategies(field.strategies);
      original[key] = mergeListHandler(
        current,
        patchValue,
        field.schema,
        strategy,
        field.mergeKey,
        isDeleteList,
        options,
        mergeMap,
      ).merged;
    } else {
      original[key] = patchValue;
    }
  }
  return original;
}

function setWithoutDirectives(
  target: JsonObject,
  key: string,
  value: JsonValue,
  options: MergeOptions,
): void {
  if (options.ignoreUnmatchedNulls) discardNullValues(value);
  const [cleaned, keep] = removeDirectives(value);
  if (keep) target[key] = cleaned;
  else delete target[key];
}

function handleDirectiveInMergeMap(directive: JsonValue | undefined, patch: JsonObject): JsonObject {
  if (goEqual(directive, REPLACE_DIRECTIVE)) {
    delete patch[DIRECTIVE_MARKER];
    return patch;
  }
  if (goEqual(directive, DELETE_DIRECTIVE)) return {};
  throw errBadPatchType(directive, patch);
}

/** Drops maps carrying `$patch` (and list items that are such maps), at every depth. */
function removeDirectives(value: JsonValue): [JsonValue, boolean] {
  if (isJsonObject(value)) {
    if (Object.hasOwn(value, DIRECTIVE_MARKER)) return [null, false];
    for (const key of Object.keys(value)) {
      const [cleaned, keep] = removeDirectives(value[key] as JsonValue);
      if (keep) value[key] = cleaned;
      else delete value[key];
    }
    return [value, true];
  }
  if (Array.isArray(value)) {
    const kept: JsonValue[] = [];
    for (const item of value) {
      const [cleaned, keep] = removeDirectives(item);
      if (keep) kept.push(cleaned);
    }
    return [kept, true];
  }
  return [value, true];
}

/** Removes null-valued members of maps at every depth (an added value carries no deletions). */
function discardNullValues(value: JsonValue): void {
  if (isJsonObject(value)) {
    for (const key of Object.keys(value)) {
      const member = value[key] as JsonValue;
      if (member === null) delete value[key];
      else discardNullValues(member);
    }
  } else if (Array.isArray(value)) {
    value.forEach(discardNullValues);
  }
}

/**
 * `$retainKeys`: on the server, clears every field of `original` missing from the list;
 * on the client, carries the directive into the combined patch.
 */
function applyRetainKeysDirective(original: JsonObject, patch: JsonObject, options: MergeOptions): void {
  if (!Object.hasOwn(patch, RETAIN_KEYS_DIRECTIVE)) return;
  const retain = patch[RETAIN_KEYS_DIRECTIVE] as JsonValue;
  delete patch[RETAIN_KEYS_DIRECTIVE];
  if (!options.mergeParallelList) {
    if (!Object.hasOwn(original, RETAIN_KEYS_DIRECTIVE)) {
      original[RETAIN_KEYS_DIRECTIVE] = retain;
    } else if (!goDeepEqual(original[RETAIN_KEYS_DIRECTIVE], retain)) {
      const existing = goFormatV(original[RETAIN_KEYS_DIRECTIVE]);
      throw new GoError(
        `${existing} and ${goFormatV(retain)} are not deep equal: this may happen when calculating the 3-way diff patch`,
      );
    }
    return;
  }
  if (!Array.isArray(retain)) throw sentinel('ErrBadPatchFormatForRetainKeys');
  const retained = (key: string): boolean => retain.some((v) => goEqual(v, key));
  for (const [key, value] of Object.entries(patch)) {
    if (
      value === null ||
      key.startsWith(DELETE_FROM_PRIMITIVE_LIST_PREFIX) ||
      key.startsWith(SET_ELEMENT_ORDER_PREFIX)
    ) {
      continue;
    }
    if (!retained(key)) throw sentinel('ErrBadPatchFormatForRetainKeys');
  }
  for (const key of Object.keys(original)) {
    if (!retained(key)) delete original[key];
  }
}

/**
 * `$setElementOrder/<list>`: merges the list it names and orders the result by the
 * directive, keeping server-only items near their live neighbours. On the client the
 * directive itself is also carried into the combined patch.
 */
function mergePatchIntoOriginal(
  original: JsonObject,
  patch: JsonObject,
  meta: PatchMeta,
  options: MergeOptions,
): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ELEMENT_ORDER_PREFIX)) continue;
    const order = patch[key] as JsonValue;
    if (!options.mergeParallelList) {
      if (!Object.hasOwn(original, key)) original[key] = order;
      else if (!goDeepEqual(original[key], order)) throw sentinel('ErrBadPatchFormatForSetElementOrderList');
    }
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType('slice', order);
    const listKey = extractKey(key, SET_ELEMENT_ORDER_PREFIX);
    const originalList = listAt(original, listKey);
    const patchList = listAt(patch, listKey);
    const field = lookupListField(meta, listKey);
    const { strategy } = splitStrategies(field.strategies);
    validatePatchWithSetOrderList(patchList ?? [], order, field.mergeKey);

    let merged: JsonValue[];
    let serverOrder = originalList ?? [];
    if (originalList && !patchList) {
      merged = originalList;
    } else if (!originalList && patchList) {
      merged = removeDirectives(patchList)[0] as JsonValue[];
    } else if (originalList && patchList) {
      const result = mergeListHandler(
        originalList,
        patchList,
        field.schema,
        strategy,
        field.mergeKey,
        false,
        options,
        mergeMap,
      );
      merged = result.merged;
      serverOrder = result.originalView;
    } else {
      continue;
    }
    const [patchItems, serverOnly] = partitionByPresence(merged, order, field.mergeKey);
    const kind = sliceElementType(serverOrder, patchList ?? []);
    original[listKey] = normalizeElementOrder(
      patchItems,
      serverOnly,
      order,
      serverOrder,
      field.mergeKey,
      kind,
    );
    delete patch[listKey];
  }
}

function listAt(map: JsonObject, key: string): JsonValue[] | undefined {
  if (!Object.hasOwn(map, key)) return undefined;
  const value = map[key];
  if (!Array.isArray(value)) throw errBadArgType('slice', value);
  return value;
}

/**
 * Checks that the patch list's items appear in the `$setElementOrder` list and in the same
 * relative order (deletions and other directives aside).
 */
function validatePatchWithSetOrderList(patchList: JsonValue[], order: JsonValue[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey !== '' ? extractToDeleteItems(patchList).keep : patchList;
  let p = 0;
  let s = 0;
  while (p < items.length && s < order.length) {
    const item = items[p] as JsonValue;
    if (isJsonObject(item) && Object.hasOwn(item, DIRECTIVE_MARKER)) {
      p++;
      continue;
    }
    if (mergeKeyValueEqual(item, order[s] as JsonValue, mergeKey)) p++;
    s++;
  }
  if (p < items.length && s >= order.length) {
    throw new GoError(
      `The order in patch list:\n${goFormatV(patchList)}\n doesn't match ${SET_ELEMENT_ORDER_PREFIX} list:\n${goFormatV(order)}\n`,
    );
  }
}

function mergeKeyValueEqual(left: JsonValue, right: JsonValue, mergeKey: string): boolean {
  if (mergeKey === '') return goEqual(left, right);
  if (!isJsonObject(left)) throw errBadArgType('map', left);
  if (!isJsonObject(right)) throw errBadArgType('map', right);
  if (!Object.hasOwn(left, mergeKey)) throw errNoMergeKey(left, mergeKey);
  if (!Object.hasOwn(right, mergeKey)) throw errNoMergeKey(right, mergeKey);
  return goEqual(left[mergeKey], right[mergeKey]);
}
