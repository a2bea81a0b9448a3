/**
 * The fields an applied configuration sets, as server-side apply counts them: every leaf
 * value, every empty object, every item of a keyed or set list (and the fields inside keyed
 * items), and atomic lists and maps as one field.
 */
import type { JsonObject, JsonValue } from '../../api/types.ts';
import type { PatchMeta } from '../../schema/patch-meta.ts';
import { FieldSet, type FieldPath } from './field-set.ts';

export type ListKind =
  | { readonly kind: 'map'; readonly keys: readonly string[] }
  | { readonly kind: 'set' }
  | { readonly kind: 'atomic' };

/** How a list merges: by keys (`x-kubernetes-list-type: map`, or a strategic merge key), as a set, or whole. */
export function listKind(meta: PatchMeta | undefined): ListKind {
  if (meta?.listType === 'map' && meta.listMapKeys?.length) return { kind: 'map', keys: meta.listMapKeys };
  if (meta?.listType === 'set') return { kind: 'set' };
  if (meta?.listType === 'atomic') return { kind: 'atomic' };
  if (meta?.patchStrategies.includes('merge')) {
    return meta.mergeKey ? { kind: 'map', keys: [meta.mergeKey] } : { kind: 'set' };
  }
  return { kind: 'atomic' };
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Key fields the schema defaults: an item that leaves them out is the same item as the live
 * one the API server defaulted (a port without `protocol` is the TCP port).
 */
const KEY_DEFAULTS: Readonly<Record<string, JsonValue>> = { protocol: 'TCP' };

/** `k:{"containerPort":80,"protocol":"TCP"}`: the item's key fields, by name. */
export function keySegment(item: JsonObject, keys: readonly string[]): string {
  const key: JsonObject = {};
  for (const k of [...keys].sort()) {
    const value = item[k] ?? KEY_DEFAULTS[k];
    if (value !== undefined) key[k] = value;
  }
  return `k:${JSON.stringify(key)}`;
}

export function valueSegment(value: JsonValue): string {
  return `v:${JSON.stringify(value)}`;
}

export function fieldSetOf(applied: JsonObject, meta: PatchMeta | undefined): FieldSet {
  const set = new FieldSet();
  const visit = (value: JsonValue, itemMeta: PatchMeta | undefined, path: FieldPath) => {
    if (isObject(value)) {
      const keys = Object.keys(value);
      if (keys.length === 0 && path.length > 0) set.add(path);
      for (const key of keys)
        visit(value[key]!, itemMeta?.field(key) ?? itemMeta?.items(), [...path, `f:${key}`]);
      return;
    }
    if (Array.isArray(value)) {
      const list = listKind(itemMeta);
      if (list.kind === 'atomic' || value.length === 0) {
        set.add(path);
        return;
      }
      for (const item of value) {
        if (list.kind === 'map' && isObject(item)) {
          const itemPath = [...path, keySegment(item, list.keys)];
          set.add(itemPath);
          for (const key of Object.keys(item))
            visit(item[key]!, itemMeta?.items()?.field(key), [...itemPath, `f:${key}`]);
        } else set.add([...path, valueSegment(item)]);
      }
      return;
    }
    set.add(path);
  };
  // apiVersion, kind and the object's identity are not fields anyone owns.
  const { apiVersion: _v, kind: _k, metadata, ...rest } = applied;
  const { name: _n, namespace: _ns, ...ownedMeta } = isObject(metadata) ? metadata : {};
  void _v;
  void _k;
  void _n;
  void _ns;
  if (Object.keys(ownedMeta).length > 0) visit(ownedMeta, meta?.field('metadata'), ['f:metadata']);
  for (const key of Object.keys(rest)) visit(rest[key]!, meta?.field(key), [`f:${key}`]);
  return set;
}
