/**
 * `jsonmergepatch.CreateThreeWayJSONMergePatch`: what `kubectl apply` sends for kinds it
 * has no Go types for (custom resources). Lists are replaced whole; the additions and
 * changes come from current→modified, the deletions from original→modified.
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import { goDeepEqual, goFormatV, isJsonObject, sortKeysDeep } from './go-values.ts';
import { applyMergePatch, createMergePatch } from './json-merge-patch.ts';
import { PatchError } from './patch-error.ts';
import type { PatchPrecondition } from './strategic-merge-patch.ts';
import { conflictError } from './strategic-merge-patch.ts';

export function createThreeWayJsonMergePatch(
  original: JsonObject | null | undefined,
  modified: JsonObject,
  current: JsonObject,
  preconditions: readonly PatchPrecondition[] = [],
): JsonObject {
  const additionsAndChanges = keepOrDeleteNulls(createMergePatch(current, modified), false);
  const deletions = keepOrDeleteNulls(createMergePatch(original ?? {}, modified), true);
  if (hasConflicts(additionsAndChanges, deletions)) throw conflictError(additionsAndChanges, deletions);
  const patch = applyMergePatch(deletions, additionsAndChanges) as JsonObject;
  if (preconditions.some((check) => !check(patch))) {
    throw new PatchError('precondition', 0, '', `precondition failed for: ${goFormatV(patch)}`);
  }
  return sortKeysDeep(patch);
}

/**
 * Keeps only the nulls (deletions) or only the rest (additions and changes). An explicitly
 * empty map is a value, not an empty patch.
 */
function keepOrDeleteNulls(map: JsonObject, keepNull: boolean): JsonObject {
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(map)) {
    if (value === null) {
      if (keepNull) out[key] = null;
    } else if (isJsonObject(value)) {
      if (Object.keys(value).length === 0) {
        if (!keepNull) out[key] = value;
        continue;
      }
      const sub = keepOrDeleteNulls(value, keepNull);
      if (Object.keys(sub).length > 0) out[key] = sub;
    } else if (!keepNull) {
      out[key] = value;
    }
  }
  return out;
}

/** `mergepatch.HasConflicts`: both patches set a key to different values. */
function hasConflicts(left: JsonValue | undefined, right: JsonValue | undefined): boolean {
  if (isJsonObject(left)) {
    if (!isJsonObject(right)) return true;
    return Object.entries(left).some(([k, v]) => Object.hasOwn(right, k) && hasConflicts(v, right[k]));
  }
  if (Array.isArray(left)) {
    if (!Array.isArray(right) || left.length !== right.length) return true;
    return left.some((v, i) => hasConflicts(v, right[i]));
  }
  return !goDeepEqual(left, right);
}
