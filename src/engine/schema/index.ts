/**
 * Kubernetes v1.34 object schemas for the kinds this simulator serves: strict decoding with
 * the API server's exact messages, strategic-merge-patch metadata and field lookups.
 *
 * The schemas are generated from Kubernetes' OpenAPI documents (see tools/generate.ts);
 * the full documents the API server serves are injected through openapi-provider.ts.
 */
import type { GroupVersionKind } from '../api/types.ts';
import type { DecodeResult } from './decode-result.ts';
import { decodeWithShape, type DecodeOptions } from './decode-strict.ts';
import { describeShape, resolvePath, type FieldPath, type FieldType } from './field-lookup.ts';
import { compactSchema } from './generated/schemas.ts';
import { parseJsonText } from './json-text.ts';
import { patchMetaOf } from './patch-meta-impl.ts';
import { schemalessPatchMeta, type PatchMeta } from './patch-meta.ts';
import { SchemaModel, type StructShape } from './schema-model.ts';

export type { DecodeResult, StrictError } from './decode-result.ts';
export { cannotBeHandledMessage, strictDecodeFailure, strictDecodingErrorMessage } from './decode-result.ts';
export type { DecodeOptions } from './decode-strict.ts';
export type { FieldPath, FieldType } from './field-lookup.ts';
export { JsonSyntaxError, parseJsonText } from './json-text.ts';
export type { OpenApiDocumentProvider } from './openapi-provider.ts';
export { openApiDocumentProvider, setOpenApiDocumentProvider } from './openapi-provider.ts';
export type { PatchMeta } from './patch-meta.ts';

const model = new SchemaModel(compactSchema);

function kindShape(gvk: GroupVersionKind): StructShape | undefined {
  return model.kindShape(gvk.group, gvk.version, gvk.kind);
}

/** The Kubernetes version the schemas describe ('v1.34'). */
export const schemaVersion: string = model.version;

/** Whether the kind has a schema (every kind in api/resources.ts, plus Scale, Eviction, DeleteOptions, TokenRequest). */
export function hasSchema(gvk: GroupVersionKind): boolean {
  return kindShape(gvk) !== undefined;
}

/**
 * Decodes an object as the API server decodes a request body for `gvk`. Unknown and
 * duplicate fields come back as strict errors (fatal under fieldValidation=Strict, warnings
 * under Warn); a type error is fatal in every mode.
 * Throws when the kind has no schema: check hasSchema first.
 */
export function decodeStrict(gvk: GroupVersionKind, obj: unknown, options?: DecodeOptions): DecodeResult {
  const shape = kindShape(gvk);
  if (!shape) throw new Error(`no schema for ${gvk.group}/${gvk.version} ${gvk.kind}`);
  return decodeWithShape(model, shape, obj, options);
}

/**
 * decodeStrict for a raw JSON body: keys are visited in written order and repeated keys
 * are reported as duplicate fields. Throws JsonSyntaxError for malformed JSON.
 */
export function decodeStrictJson(gvk: GroupVersionKind, text: string): DecodeResult {
  return decodeStrict(gvk, parseJsonText(text), { sortKeys: false });
}

/** PatchMeta of the kind's top-level object; kinds without a schema get schemalessPatchMeta. */
export function patchMetaFor(gvk: GroupVersionKind): PatchMeta {
  const shape = kindShape(gvk);
  return shape ? patchMetaOf(model, shape) : schemalessPatchMeta;
}

/** The type of the field at `path` (e.g. ['spec', 'template', 'spec', 'containers', '*', 'ports']). */
export function fieldType(gvk: GroupVersionKind, path: FieldPath): FieldType | undefined {
  const root = kindShape(gvk);
  const shape = root && resolvePath(model, root, path);
  return shape && describeShape(shape);
}

/** Required properties of the object at `path` ([] for the kind itself), or undefined if it is not an object. */
export function requiredFields(gvk: GroupVersionKind, path: FieldPath = []): readonly string[] | undefined {
  const root = kindShape(gvk);
  const shape = root && resolvePath(model, root, path);
  return shape?.kind === 'struct' ? model.required(shape) : undefined;
}

/** Property names of the object at `path`, in schema order, or undefined if it is not an object. */
export function fieldNames(gvk: GroupVersionKind, path: FieldPath = []): readonly string[] | undefined {
  const root = kindShape(gvk);
  const shape = root && resolvePath(model, root, path);
  return shape?.kind === 'struct' ? [...model.fields(shape).keys()] : undefined;
}

const requiredByDefinition = new Map(
  compactSchema.names.map((name, i) => [name, compactSchema.defs[i]?.r ?? []]),
);

/** Required properties of an OpenAPI definition by its full name (`io.k8s.api.core.v1.Container`). */
export function requiredOfDefinition(name: string): readonly string[] | undefined {
  return requiredByDefinition.get(name);
}
