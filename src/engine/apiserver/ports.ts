/**
 * Capabilities the API server takes from other engine modules, named here so the server
 * can be assembled (and tested) with simple stand-ins.
 */
import type { ResourceInfo } from '../api/resources.ts';
import type { GroupVersionKind, KubeObject, Table } from '../api/types.ts';
import type { PatchMeta } from '../schema/patch-meta.ts';

export type PatchType = 'json' | 'merge' | 'strategic' | 'apply';

export interface Patcher {
  patchMetaFor(gvk: GroupVersionKind): PatchMeta | undefined;
  /** Returns the patched JSON, or an error message as the API server reports it. */
  apply(
    type: PatchType,
    current: KubeObject,
    patch: unknown,
    meta: PatchMeta | undefined,
  ): unknown | PatchError;
}

export class PatchError {
  constructor(
    readonly message: string,
    /** 422 for a patch that cannot apply to this object, 400 for a malformed one. */
    readonly code: number = 422,
    /** The Status reason the API server answers with ('' for an internal error). */
    readonly reason: string = code === 400 ? 'BadRequest' : code === 422 ? 'Invalid' : '',
  ) {}
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export type TablePrinter = (
  resource: ResourceInfo,
  objects: readonly KubeObject[],
  now: number,
  includeObject: IncludeObject,
) => Table;

/** The OpenAPI documents the server publishes; hosts that have none answer 404. */
export type OpenApiProvider = (path: string) => unknown;

/** A parsed label or field selector; `parse` returns an error message for bad syntax. */
export interface Matcher<T> {
  matches(value: T): boolean;
}

export interface SelectorParsers {
  labels(text: string): Matcher<Readonly<Record<string, string>>> | string;
  /** `fieldValue` returns an object's value for a supported field path, or undefined if unsupported. */
  fields(
    text: string,
  ): { matcher: Matcher<(field: string) => string | undefined>; fields: readonly string[] } | string;
}
