/**
 * `MergingMapsHaveConflicts`: whether two strategic merge patches change a key in
 * different ways. Used by three-way patches computed with overwrite disabled.
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import type { PatchMeta } from '../schema/patch-meta.ts';
import { schemalessPatchMeta } from '../schema/patch-meta.ts';
import { deduplicateScalars, sortScalars } from './go-sort.ts';
import { goDeepEqual, goEqual, goFormatS, goFormatV, isJsonObject } from './go-values.ts';
import { GoError } from './patch-error.ts';
import { sliceElementType } from './smp-order.ts';
import {
  DIRECTIVE_MARKER,
  lookupListField,
  lookupMapField,
  MERGE_DIRECTIVE,
  REPLACE_DIRECTIVE,
  RETAIN_KEYS_DIRECTIVE,
  splitStrategies,
} from './smp-schema.ts';

export function mergingMapsHaveConflicts(left: JsonObject, right: JsonObject, meta: PatchMeta): boolean {
  return fieldsHaveConflicts(left, right, meta, '', '');
}

function fieldsHaveConflicts(
  left: JsonValue | undefined,
  right: JsonValue | undefined,
  meta: PatchMeta,
  strategy: string,
  mergeKey: string,
): boolean {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return true;
    const leftHas = Object.hasOwn(left, DIRECTIVE_MARKER);
    const rightHas = Object.hasOwn(right, DIRECTIVE_MARKER);
    // A directive acts on the whole map, so it conflicts with any key-by-key change.
    if (leftHas || rightHas) {
      if (leftHas !== rightHas) return true;
      if (!goEqual(left[DIRECTIVE_MARKER], right[DIRECTIVE_MARKER])) return true;
    }
    if (strategy === REPLACE_DIRECTIVE) return false;
    return mapsHaveConflicts(left, right, meta);
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right)) return true;
    return listsHaveConflicts(left, right, meta, strategy, mergeKey);
  }
  return !goDeepEqual(left, right);
}

function mapsHaveConflicts(left: JsonObject, right: JsonObject, meta: PatchMeta): boolean {
  for (const [key, leftValue] of Object.entries(left)) {
    if (key === DIRECTIVE_MARKER || key === RETAIN_KEYS_DIRECTIVE || !Object.hasOwn(right, key)) continue;
    let schema: PatchMeta = schemalessPatchMeta;
    let strategy = '';
    let mergeKey = '';
    if (Array.isArray(leftValue) || isJsonObject(leftValue)) {
      const field = Array.isArray(leftValue) ? lookupListField(meta, key) : lookupMapField(meta, key);
      schema = field.schema;
      strategy = splitStrategies(field.strategies).strategy;
      mergeKey = field.mergeKey;
    }
    if (fieldsHaveConflicts(leftValue, right[key], schema, strategy, mergeKey)) return true;
  }
  return false;
}

function listsHaveConflicts(
  left: JsonValue[],
  right: JsonValue[],
  itemMeta: PatchMeta,
  strategy: string,
  mergeKey: string,
): boolean {
  const kind = sliceElementType(left, right);
  if (strategy === MERGE_DIRECTIVE) {
    // Merging lists of scalars cannot conflict; lists of maps conflict item by item.
    if (kind !== 'map') return false;
    const leftByKey = byMergeKey(left, mergeKey);
    const rightByKey = byMergeKey(right, mergeKey);
    for (const [key, value] of leftByKey) {
      const other = rightByKey.get(key);
      if (other !== undefined && fieldsHaveConflicts(value, other, itemMeta, '', '')) return true;
    }
    return false;
  }
  if (left.length !== right.length) return true;
  const [a, b] =
    kind === 'map'
      ? [left, right]
      : [sortScalars(deduplicateScalars(left)), sortScalars(deduplicateScalars(right))];
  return a.some((item, i) => fieldsHaveConflicts(item, b[i], itemMeta, '', ''));
}

function byMergeKey(list: JsonValue[], mergeKey: string): Map<string, JsonObject> {
  const out = new Map<string, JsonObject>();
  for (const item of list) {
    if (!isJsonObject(item)) throw new GoError(`invalid element type in merging list:${goFormatV(list)}`);
    if (!Object.hasOwn(item, mergeKey)) {
      throw new GoError(`cannot find merge key \`${mergeKey}\` in merging list element:${goFormatV(item)}`);
    }
    out.set(goFormatS(item[mergeKey]), item);
  }
  return out;
}
