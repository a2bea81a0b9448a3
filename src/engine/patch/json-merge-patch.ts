/**
 * JSON merge patch (RFC 7386) as the API server applies `application/merge-patch+json`:
 * the semantics of evanphx/json-patch v4 `MergePatch` and `CreateMergePatch`, which differ
 * from the RFC in small ways kept here (null list items are dropped from added values, a
 * non-object patch value replaces an object without pruning its nulls).
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import { cloneJson, isJsonObject } from './go-values.ts';
import { badRequest, PatchError } from './patch-error.ts';

const ERR_BAD_JSON_DOC = 'Invalid JSON Document';
const ERR_BAD_JSON_PATCH = 'Invalid JSON Patch';

/**
 * Applies a merge patch to a document. Inputs are not modified. A null or scalar patch is
 * rejected with 400 "Invalid JSON Patch", as the API server does.
 */
export function applyMergePatch(doc: JsonValue, patch: JsonValue): JsonValue {
  if (patch === null) throw badRequest(ERR_BAD_JSON_PATCH);
  if (doc === null) throw new PatchError('internal', 500, '', ERR_BAD_JSON_DOC);
  const target = cloneJson(doc);
  const changes = cloneJson(patch);
  if (isJsonObject(target) && isJsonObject(changes)) {
    mergeDocs(target, changes);
    return target;
  }
  // Not both objects: the result is the patch itself, with its nulls pruned.
  if (isJsonObject(changes)) return pruneDocNulls(changes);
  if (Array.isArray(changes)) return pruneArrayNulls(changes);
  throw badRequest(ERR_BAD_JSON_PATCH);
}

function mergeDocs(doc: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete doc[key];
      continue;
    }
    const current = doc[key];
    if (current === undefined || current === null) {
      pruneNulls(value);
      doc[key] = value;
    } else {
      doc[key] = merge(current, value);
    }
  }
}

function merge(current: JsonValue, patch: JsonValue): JsonValue {
  if (!isJsonObject(current)) {
    pruneNulls(patch);
    return patch;
  }
  if (!isJsonObject(patch)) return patch;
  mergeDocs(current, patch);
  return current;
}

function pruneNulls(value: JsonValue): JsonValue {
  if (isJsonObject(value)) return pruneDocNulls(value);
  if (Array.isArray(value)) return pruneArrayNulls(value);
  return value;
}

function pruneDocNulls(doc: JsonObject): JsonObject {
  for (const [key, value] of Object.entries(doc)) {
    if (value === null) delete doc[key];
    else pruneNulls(value);
  }
  return doc;
}

function pruneArrayNulls(list: JsonValue[]): JsonValue[] {
  const kept = list.filter((v) => v !== null);
  kept.forEach(pruneNulls);
  list.splice(0, list.length, ...kept);
  return list;
}

type JsonKind = 'map' | 'slice' | 'string' | 'number' | 'bool' | 'nil';

/** encoding/json decodes every number as float64, so numbers are one type here. */
function jsonKind(value: JsonValue | undefined): JsonKind {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return 'slice';
  if (typeof value === 'object') return 'map';
  return typeof value === 'boolean' ? 'bool' : (typeof value as 'string' | 'number');
}

function matchesValue(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const kind = jsonKind(a);
  if (kind !== jsonKind(b)) return false;
  switch (kind) {
    case 'nil':
      return true;
    case 'slice':
      return matchesArray(a as JsonValue[], b as JsonValue[]);
    case 'map': {
      const left = a as JsonObject;
      const right = b as JsonObject;
      // Missing keys read as nil, so {a: null} matches {b: null}.
      if (Object.keys(left).length !== Object.keys(right).length) return false;
      return Object.keys(right).every((k) => matchesValue(left[k] ?? null, right[k]));
    }
    default:
      return a === b;
  }
}

function matchesArray(a: JsonValue[], b: JsonValue[]): boolean {
  return a.length === b.length && a.every((v, i) => matchesValue(v, b[i]));
}

/**
 * `jsonpatch.CreateMergePatch(original, modified)`: the merge patch that turns original into
 * modified (changed and added keys, removed keys as null, lists replaced whole).
 */
export function createMergePatch(original: JsonObject, modified: JsonObject): JsonObject {
  return getDiff(original, modified);
}

function getDiff(a: JsonObject, b: JsonObject): JsonObject {
  const into: JsonObject = {};
  for (const [key, bv] of Object.entries(b)) {
    if (!Object.hasOwn(a, key)) {
      into[key] = cloneJson(bv);
      continue;
    }
    const av = a[key] as JsonValue;
    if (jsonKind(av) !== jsonKind(bv)) {
      into[key] = cloneJson(bv);
      continue;
    }
    if (isJsonObject(av) && isJsonObject(bv)) {
      const sub = getDiff(av, bv);
      if (Object.keys(sub).length > 0) into[key] = sub;
    } else if (!matchesValue(av, bv)) {
      into[key] = cloneJson(bv);
    }
  }
  for (const key of Object.keys(a)) {
    if (!Object.hasOwn(b, key)) into[key] = null;
  }
  return into;
}
