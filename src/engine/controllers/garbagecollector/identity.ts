/**
 * How the garbage collector names objects: by apiVersion, kind, namespace, name and UID
 * (its `objectReference`). Owners are found by UID; the other coordinates say where to
 * ask the API server about them.
 */
import type { OwnerReference } from '../../api/types.ts';

export interface ObjectIdentity {
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  readonly uid: string;
  /** '' for cluster-scoped objects, and for owners referenced from cluster-scoped objects. */
  readonly namespace: string;
}

export function sameIdentity(a: ObjectIdentity, b: ObjectIdentity): boolean {
  return (
    a.uid === b.uid &&
    a.name === b.name &&
    a.kind === b.kind &&
    a.apiVersion === b.apiVersion &&
    a.namespace === b.namespace
  );
}

/** The identity an ownerReference points at, assuming the owner lives in `namespace`. */
export function ownerIdentity(ref: OwnerReference, namespace: string): ObjectIdentity {
  return { apiVersion: ref.apiVersion, kind: ref.kind, name: ref.name, uid: ref.uid, namespace };
}

/** Whether an ownerReference names exactly these coordinates (namespace aside). */
export function referenceMatches(ref: OwnerReference, id: ObjectIdentity): boolean {
  return (
    ref.uid === id.uid && ref.name === id.name && ref.kind === id.kind && ref.apiVersion === id.apiVersion
  );
}

/** Go's `objectReference.String()`, as the garbage collector's errors print it. */
export function formatIdentity(id: ObjectIdentity): string {
  return `[${id.apiVersion}/${id.kind}, namespace: ${id.namespace}, name: ${id.name}, uid: ${id.uid}]`;
}

/** The ordering used to pick among alternative identities: kind, apiVersion, namespace, name, uid. */
export function compareIdentities(a: ObjectIdentity, b: ObjectIdentity): number {
  for (const field of ['kind', 'apiVersion', 'namespace', 'name', 'uid'] as const) {
    if (a[field] !== b[field]) return a[field] < b[field] ? -1 : 1;
  }
  return 0;
}
