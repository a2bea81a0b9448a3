/**
 * The object server-side apply writes: the live object with the applied configuration
 * merged in (structs and maps field by field, keyed lists item by item, sets by value,
 * everything else replaced whole), then the fields the manager applied before and no longer
 * applies, and nobody else owns, removed.
 */
import type { JsonObject, JsonValue } from '../../api/types.ts';
import type { PatchMeta } from '../../schema/patch-meta.ts';
import type { FieldPath } from './field-set.ts';
import { isObject, keySegment, listKind, valueSegment } from './field-set-of.ts';

export function mergeApplied(
  live: JsonValue | undefined,
  applied: JsonValue,
  meta: PatchMeta | undefined,
): JsonValue {
  if (isObject(applied) && isObject(live)) {
    const out: JsonObject = { ...live };
    for (const [key, value] of Object.entries(applied)) {
      out[key] = mergeApplied(live[key], value, meta?.field(key) ?? meta?.items());
    }
    return out;
  }
  if (Array.isArray(applied) && Array.isArray(live)) {
    const list = listKind(meta);
    if (list.kind === 'atomic') return applied;
    const out = [...live];
    for (const item of applied) {
      const at =
        list.kind === 'map' && isObject(item)
          ? out.findIndex((l) => isObject(l) && keySegment(l, list.keys) === keySegment(item, list.keys))
          : out.findIndex((l) => valueSegment(l) === valueSegment(item));
      if (at < 0) out.push(item);
      else out[at] = list.kind === 'map' ? mergeApplied(out[at], item, meta?.items()) : item;
    }
    return out;
  }
  return applied;
}

/** Removes one field path from an object; missing paths are left alone. */
export function removePath(object: JsonObject, path: FieldPath): JsonObject {
  const [segment, ...rest] = path;
  if (segment === undefined) return object;
  if (!segment.startsWith('f:')) return object;
  const key = segment.slice(2);
  if (!(key in object)) return object;
  const out = { ...object };
  if (rest.length === 0) {
    delete out[key];
    return out;
  }
  const child = object[key];
  if (isObject(child)) out[key] = removePath(child, rest);
  else if (Array.isArray(child)) out[key] = removeFromList(child, rest);
  return out;
}

function removeFromList(list: JsonValue[], path: FieldPath): JsonValue[] {
  const [segment, ...rest] = path;
  if (segment === undefined) return list;
  const at = list.findIndex((item) =>
    segment.startsWith('v:')
      ? valueSegment(item) === segment
      : isObject(item) && keySegment(item, Object.keys(JSON.parse(segment.slice(2)) as object)) === segment,
  );
  if (at < 0) return list;
  const out = [...list];
  if (rest.length === 0) out.splice(at, 1);
  else if (isObject(out[at])) out[at] = removePath(out[at] as JsonObject, rest);
  return out;
}
