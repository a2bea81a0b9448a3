/**
 * Strategic merge patch, the public face: applying one as the API server does for
 * `application/strategic-merge-patch+json`, and computing one as kubectl does for
 * `kubectl apply` (three-way), `edit` and `set` (two-way).
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import type { PatchMeta } from '../schema/patch-meta.ts';
import { stringify } from 'yaml';
import { cloneJson, goFormatV, isJsonObject, sortKeysDeep } from './go-values.ts';
import { badRequest, clientError, interpretStrategicMergePatchError, PatchError } from './patch-error.ts';
import { mergingMapsHaveConflicts } from './smp-conflicts.ts';
import { diffMaps } from './smp-diff.ts';
import { mergeMap } from './smp-merge.ts';

/** A check on a computed patch (`mergepatch.PreconditionFunc`); false rejects the patch. */
export type PatchPrecondition = (patch: JsonObject) => boolean;

/** `mergepatch.RequireKeyUnchanged`: the patch must not touch a top-level key. */
export function requireKeyUnchanged(key: string): PatchPrecondition {
  return (patch) => !Object.hasOwn(patch, key);
}

/** `mergepatch.RequireMetadataKeyUnchanged`: the patch must not touch `metadata.<key>`. */
export function requireMetadataKeyUnchanged(key: string): PatchPrecondition {
  return (patch) => {
    const metadata = patch['metadata'];
    return !isJsonObject(metadata) || !Object.hasOwn(metadata, key);
  };
}

/**
 * Applies a strategic merge patch to an object. Inputs are not modified. Throws PatchError
 * with the status the API server answers: 400 for malformed directives, 422 for lists of
 * lists, 500 (empty reason) for other failures.
 */
export function applyStrategicMergePatch(
  original: JsonObject,
  patch: JsonValue,
  meta: PatchMeta,
): JsonObject {
  if (patch === null) return cloneJson(original);
  if (!isJsonObject(patch)) {
    const word = Array.isArray(patch) ? 'array' : typeof patch === 'boolean' ? 'bool' : typeof patch;
    throw badRequest(`json: cannot unmarshal ${word} into Go value of type map[string]interface {}`);
  }
  try {
    return mergeMap(cloneJson(original), cloneJson(patch), meta, {
      mergeParallelList: true,
      ignoreUnmatchedNulls: true,
    });
  } catch (error) {
    throw interpretStrategicMergePatchError(error);
  }
}

/**
 * `CreateTwoWayMergePatch`: the patch that turns `original` into `modified`, with
 * `$setElementOrder` lists for merged lists that changed. Keys come out sorted, as
 * `json.Marshal` writes them.
 */
export function createTwoWayMergePatch(
  original: JsonObject,
  modified: JsonObject,
  meta: PatchMeta,
  preconditions: readonly PatchPrecondition[] = [],
): JsonObject {
  try {
    const patch = diffMaps(cloneJson(original), cloneJson(modified), meta, { setElementOrder: true });
    checkPreconditions(patch, preconditions);
    return sortKeysDeep(patch);
  } catch (error) {
    throw clientError(error);
  }
}

/**
 * `CreateThreeWayMergePatch`, what `kubectl apply` sends for built-in kinds: the changes
 * from `current` (the live object) to `modified` (the manifest being applied), ignoring
 * fields only the live object has, plus the deletions from `original` (the last-applied
 * configuration) to `modified`. An empty result means there is nothing to apply.
 *
 * With `overwrite` false, changes to keys that someone else changed since `original`
 * are refused with a conflict.
 */
export function createThreeWayMergePatch(
  original: JsonObject | null | undefined,
  modified: JsonObject,
  current: JsonObject,
  meta: PatchMeta,
  overwrite = true,
  preconditions: readonly PatchPrecondition[] = [],
): JsonObject {
  try {
    const originalMap = cloneJson(original ?? {});
    const modifiedMap = cloneJson(modified);
    const currentMap = cloneJson(current);
    const delta = diffMaps(currentMap, modifiedMap, meta, { ignoreDeletions: true, setElementOrder: true });
    const deletions = diffMaps(originalMap, modifiedMap, meta, {
      ignoreChangesAndAdditions: true,
      setElementOrder: true,
    });
    const patch = mergeMap(deletions, delta, meta, { mergeParallelList: false, ignoreUnmatchedNulls: false });
    checkPreconditions(patch, preconditions);
    if (!overwrite) {
      const changed = diffMaps(originalMap, currentMap, meta, {});
      if (mergingMapsHaveConflicts(patch, changed, meta)) throw conflictError(patch, changed);
    }
    return sortKeysDeep(cloneJson(patch));
  } catch (error) {
    throw clientError(error);
  }
}

function checkPreconditions(patch: JsonObject, preconditions: readonly PatchPrecondition[]): void {
  if (preconditions.some((check) => !check(patch))) {
    throw new PatchError('precondition', 0, '', `precondition failed for: ${goFormatV(patch)}`);
  }
}

/** `mergepatch.NewErrConflict` with both sides rendered by `ToYAMLOrError`. */
export function conflictError(patch: JsonObject, changed: JsonObject): PatchError {
  const message = `patch:\n${toYaml(patch)}\nconflicts with changes made from original to current:\n${toYaml(changed)}\n`;
  return new PatchError('conflict', 0, '', message);
}

function toYaml(value: JsonObject): string {
  return stringify(sortKeysDeep(value), { indentSeq: false });
}

/** kubectl prints `unchanged` when the computed patch is `{}`. */
export function isEmptyPatch(patch: JsonObject): boolean {
  return Object.keys(patch).length === 0;
}
