/** Helpers for the printers' test objects: a fixed "now" and timestamps relative to it. */
import type { KubeObject, ObjectMeta } from '../../api/types.ts';

export const NOW = Date.parse('2025-01-01T12:00:00Z');

/** RFC 3339 time `seconds` before NOW. */
export function ago(seconds: number): string {
  return `${new Date(NOW - seconds * 1000).toISOString().slice(0, 19)}Z`;
}

export function meta(
  name: string,
  namespace: string | undefined,
  ageSeconds: number,
  extra: ObjectMeta = {},
): ObjectMeta {
  return {
    name,
    ...(namespace === undefined ? {} : { namespace }),
    uid: `uid-${name}`,
    resourceVersion: '100',
    creationTimestamp: ago(ageSeconds),
    ...extra,
  };
}

export function object(
  apiVersion: string,
  kind: string,
  metadata: ObjectMeta,
  body: Record<string, unknown>,
): KubeObject {
  return { apiVersion, kind, metadata, ...body };
}
