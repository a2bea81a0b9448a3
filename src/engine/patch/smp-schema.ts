/**
 * Strategic merge patch vocabulary and schema lookups: the directives of
 * k8s.io/apimachinery/pkg/util/strategicpatch and the metadata it reads for a field
 * (`LookupPatchMetadataForStruct` / `LookupPatchMetadataForSlice`).
 */
import type { PatchMeta } from '../schema/patch-meta.ts';
import { schemalessPatchMeta } from '../schema/patch-meta.ts';
import { GoError, sentinel } from './patch-error.ts';

export const DIRECTIVE_MARKER = '$patch';
export const DELETE_DIRECTIVE = 'delete';
export const REPLACE_DIRECTIVE = 'replace';
export const MERGE_DIRECTIVE = 'merge';
export const RETAIN_KEYS_STRATEGY = 'retainKeys';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST_PREFIX = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER_PREFIX = '$setElementOrder';

export interface FieldPatchMeta {
  /** The schema of the field's value (maps) or of its items (lists). */
  readonly schema: PatchMeta;
  readonly strategies: readonly string[];
  readonly mergeKey: string;
}

/** The schema of a property of an object, or of any value of a map. */
function fieldOf(meta: PatchMeta, key: string): PatchMeta {
  const field = meta.type === 'map' ? (meta.items() ?? meta.field(key)) : meta.field(key);
  return field ?? schemalessPatchMeta;
}

/** Metadata for a field whose value is an object. Unknown fields have no strategy. */
export function lookupMapField(meta: PatchMeta, key: string): FieldPatchMeta {
  const field = fieldOf(meta, key);
  return { schema: field, strategies: field.patchStrategies, mergeKey: field.mergeKey ?? '' };
}

/** Metadata for a field whose value is a list: the item schema, strategy and merge key. */
export function lookupListField(meta: PatchMeta, key: string): FieldPatchMeta {
  const field = fieldOf(meta, key);
  return {
    schema: field.items() ?? schemalessPatchMeta,
    strategies: field.patchStrategies,
    mergeKey: field.mergeKey ?? '',
  };
}

/** `extractRetainKeysPatchStrategy`: whether `retainKeys` applies, and the other strategy. */
export function splitStrategies(strategies: readonly string[]): { retainKeys: boolean; strategy: string } {
  if (strategies.length === 0) return { retainKeys: false, strategy: '' };
  const [first = '', second = ''] = strategies;
  if (strategies.length === 1) {
    return first === RETAIN_KEYS_STRATEGY
      ? { retainKeys: true, strategy: '' }
      : { retainKeys: false, strategy: first };
  }
  if (strategies.length === 2) {
    if (first === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: second };
    if (second === RETAIN_KEYS_STRATEGY) return { retainKeys: true, strategy: first };
  }
  throw new GoError(`unexpected patch strategy: [${strategies.join(' ')}]`);
}

/** `extractKey`: the field a parallel-list directive key refers to. */
export function extractKey(key: string, prefix: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) {
    throw sentinel(
      prefix === DELETE_FROM_PRIMITIVE_LIST_PREFIX
        ? 'ErrBadPatchFormatForPrimitiveList'
        : 'ErrBadPatchFormatForSetElementOrderList',
    );
  }
  return key.slice(slash + 1);
}
