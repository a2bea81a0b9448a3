/**
 * Merging a patch list into a live list (`mergeSliceHandler` / `mergeSlice` of apimachinery's
 * strategicpatch): lists with the merge strategy merge items by merge key or, for
 * scalars, by value; other lists are replaced by the patch.
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import type { PatchMeta } from '../schema/patch-meta.ts';
import { deduplicateScalars } from './go-sort.ts';
import { goEqual } from './go-values.ts';
import { errBadArgType, errBadPatchType, errNoMergeKey, GoError } from './patch-error.ts';
import { DELETE_DIRECTIVE, DIRECTIVE_MARKER, MERGE_DIRECTIVE, REPLACE_DIRECTIVE } from './smp-schema.ts';
import { findMapInList, normalizeElementOrder, partitionByPresence, sliceElementType } from './smp-order.ts';

export interface MergeOptions {
  /** Apply `$deleteFromPrimitiveList` lists (server side) rather than carry them (client side). */
  readonly mergeParallelList: boolean;
  /** Drop nulls that match nothing (server side) rather than keep them in the result. */
  readonly ignoreUnmatchedNulls: boolean;
}

export type MergeMapFn = (
  original: JsonObject,
  patch: JsonObject,
  meta: PatchMeta,
  options: MergeOptions,
) => JsonObject;

export interface ListMerge {
  readonly merged: JsonValue[];
  /**
   * What the caller's original list holds afterwards. Go deletes and appends in place, so
   * the original list's backing array shows the shifted and appended items; the caller
   * orders by it when it applies `$setElementOrder`.
   */
  readonly originalView: JsonValue[];
}

/**
 * A Go slice sharing its backing array with the original list: `length` items are in use,
 * and appends past the original length land in storage the original list cannot see.
 */
class SharedBacking {
  readonly visible: JsonValue[];
  private readonly beyond: JsonValue[] = [];
  private length: number;

  constructor(original: JsonValue[]) {
    this.visible = [...original];
    this.length = original.length;
  }

  items(): JsonValue[] {
    return [...this.visible.slice(0, this.length), ...this.beyond];
  }

  removeAt(index: number): void {
    for (let i = index; i < this.length - 1; i++) this.visible[i] = this.visible[i + 1] as JsonValue;
    this.length--;
  }

  set(index: number, value: JsonValue): void {
    if (index < this.length) this.visible[index] = value;
    else this.beyond[index - this.length] = value;
  }

  append(value: JsonValue): void {
    if (this.length < this.visible.length) this.visible[this.length++] = value;
    else this.beyond.push(value);
  }
}

export function mergeListHandler(
  original: JsonValue | undefined,
  patch: JsonValue | undefined,
  meta: PatchMeta,
  strategy: string,
  mergeKey: string,
  isDeleteList: boolean,
  options: MergeOptions,
  mergeMap: MergeMapFn,
): ListMerge {
  if (!Array.isArray(original)) throw errBadArgType('slice', original);
  if (!Array.isArray(patch)) throw errBadArgType('slice', patch);
  // Deletion lists are applied whatever the field's strategy says.
  if (strategy === MERGE_DIRECTIVE || isDeleteList) {
    return mergeList(original, patch, meta, mergeKey, isDeleteList, options, mergeMap);
  }
  return { merged: patch, originalView: original };
}

function mergeList(
  original: JsonValue[],
  patch: JsonValue[],
  meta: PatchMeta,
  mergeKey: string,
  isDeleteList: boolean,
  options: MergeOptions,
  mergeMap: MergeMapFn,
): ListMerge {
  if (original.length === 0 && patch.length === 0) return { merged: original, originalView: original };
  const kind = sliceElementType(original, patch);
  if (kind !== 'map') {
    if (options.mergeParallelList && isDeleteList) {
      return { merged: original.filter((v) => !patch.some((d) => goEqual(d, v))), originalView: original };
    }
    const merged = deduplicateScalars([...original, ...patch]);
    const [patchItems, serverOnly] = partitionByPresence(merged, patch, mergeKey);
    return {
      merged: normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind),
      originalView: original,
    };
  }
  if (mergeKey === '') throw new GoError('cannot merge lists without merge key for struct');

  const backing = new SharedBacking(original);
  const special = applySpecialElements(backing, patch, mergeKey);
  // With `$patch: replace` the patch's own items become the list, and nothing is left to merge.
  const target = special.replace ? new SharedBacking(special.rest) : backing;
  const rest = special.replace ? [] : special.rest;
  const serverCount = target.items().length;
  for (const item of rest) {
    const typed = item as JsonObject;
    if (!Object.hasOwn(typed, mergeKey)) throw errNoMergeKey(typed, mergeKey);
    const found = findMapInList(target.items(), mergeKey, typed[mergeKey] as JsonValue);
    if (found) target.set(found.index, mergeMap(found.map, typed, meta, options));
    else target.append(item);
  }
  const merged = target.items();
  // Items merged in place keep their merge keys, so the leading items still give the live order.
  const serverOrder = merged.slice(0, serverCount);
  const [patchItems, serverOnly] = partitionByPresence(merged, rest, mergeKey);
  return {
    merged: normalizeElementOrder(patchItems, serverOnly, rest, serverOrder, mergeKey, kind),
    originalView: backing.visible,
  };
}

/**
 * `mergeSliceWithSpecialElements`: applies `$patch: delete` items to the live list and
 * reports `$patch: replace`, returning the patch items without directives.
 */
function applySpecialElements(
  backing: SharedBacking,
  patch: JsonValue[],
  mergeKey: string,
): { replace: boolean; rest: JsonValue[] } {
  const rest: JsonValue[] = [];
  let replace = false;
  for (const item of patch) {
    const typed = item as JsonObject;
    if (!Object.hasOwn(typed, DIRECTIVE_MARKER)) {
      rest.push(item);
      continue;
    }
    const directive = typed[DIRECTIVE_MARKER];
    if (goEqual(directive, DELETE_DIRECTIVE)) {
      if (!Object.hasOwn(typed, mergeKey)) throw errNoMergeKey(typed, mergeKey);
      const value = typed[mergeKey] as JsonValue;
      for (;;) {
        const found = findMapInList(backing.items(), mergeKey, value);
        if (!found) break;
        backing.removeAt(found.index);
      }
    } else if (goEqual(directive, REPLACE_DIRECTIVE)) {
      // Keep going: later items may still carry directives to drop.
      replace = true;
    } else if (goEqual(directive, MERGE_DIRECTIVE)) {
      throw new GoError('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, typed);
    }
  }
  return { replace, rest };
}
