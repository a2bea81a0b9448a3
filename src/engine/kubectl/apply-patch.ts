/**
 * The patch client-side apply sends: a three-way merge of the last-applied configuration
 * (original), the new manifest (modified) and the live object (current).
 */
import type { KubeObject } from '../api/types.ts';
import { sameJson } from '../apiserver/strategy.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

export function threeWayPatch(
  original: KubeObject | undefined,
  modified: KubeObject,
  current: KubeObject,
): Record<string, unknown> {
  return diff(original, modified, current) ?? {};
}

type Json = unknown;

function isObject(v: Json): v is Record<string, Json> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Additions and changes from modified vs current, deletions of fields dropped since original. */
function diff(original: Json, modified: Json, current: Json): Record<string, Json> | undefined {
  const o = isObject(original) ? original : {};
  const m = isObject(modified) ? modified : {};
  const c = isObject(current) ? current : {};
  const patch: Record<string, Json> = {};
  for (const key of Object.keys(m)) {
    const mv = m[key];
    const cv = c[key];
    if (isObject(mv) && isObject(cv)) {
      const sub = diff(o[key], mv, cv);
      if (sub && Object.keys(sub).length) patch[key] = sub;
    } else if (Array.isArray(mv) && key in c && same(mv, o[key])) {
      // Lists the user did not change since the last apply keep their server-side defaults.
      continue;
    } else if (!same(mv, cv)) {
      patch[key] = mv;
    }
  }
  for (const key of Object.keys(o)) {
    if (!(key in m) && key in c) patch[key] = null;
  }
  return patch;
}

function same(a: Json, b: Json): boolean {
  return sameJson(a, b);
}
