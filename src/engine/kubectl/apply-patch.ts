/**
 * The patch client-side apply sends: a three-way merge of the last-applied configuration
 * (original), the new manifest (modified) and the live object (current) — strategic for
 * built-in kinds, JSON merge for kinds without a schema, exactly as kubectl computes it.
 */
import type { JsonObject, KubeObject } from '../api/types.ts';
import { parseApiVersion } from '../api/types.ts';
import { createThreeWayJsonMergePatch, createThreeWayMergePatch } from '../patch/index.ts';
import { hasSchema, patchMetaFor } from '../schema/index.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export interface ApplyPatch {
  readonly patch: JsonObject;
  readonly contentType: 'application/strategic-merge-patch+json' | 'application/merge-patch+json';
}

export function threeWayPatch(
  original: KubeObject | undefined,
  modified: KubeObject,
  current: KubeObject,
): ApplyPatch {
  const { group, version } = parseApiVersion(modified.apiVersion);
  const gvk = { group, version, kind: modified.kind };
  const o = (original ?? null) as JsonObject | null;
  const m = modified as unknown as JsonObject;
  const c = current as unknown as JsonObject;
  if (hasSchema(gvk)) {
    return {
      patch: createThreeWayMergePatch(o, m, c, patchMetaFor(gvk)),
      contentType: 'application/strategic-merge-patch+json',
    };
  }
  return { patch: createThreeWayJsonMergePatch(o, m, c), contentType: 'application/merge-patch+json' };
}
