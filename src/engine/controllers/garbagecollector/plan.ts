/**
 * The garbage collector's decisions, as pure functions of what it has read: whether an
 * object with owners must go, keep going, or only lose references to owners that are
 * gone; and the JSON merge patches it sends (with the object's resourceVersion, so that a
 * patch built from stale data fails with a conflict instead of losing an update).
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { FOREGROUND_FINALIZER, hasFinalizer, ORPHAN_FINALIZER } from './graph-builder.ts';

/** An object's ownerReferences, sorted by what the API server says of each owner. */
export interface ReferenceClassification {
  /** The owner exists and is not waiting for its dependents. */
  readonly solid: readonly OwnerReference[];
  /** The owner does not exist (or exists with another UID). */
  readonly dangling: readonly OwnerReference[];
  /** The owner is being deleted in the foreground. */
  readonly waitingForDependentsDeletion: readonly OwnerReference[];
}

export type DeletionPropagation = 'Orphan' | 'Foreground' | 'Background';

export type GcDecision =
  | { readonly action: 'none' }
  | { readonly action: 'removeOwnerReferences'; readonly ownerUids: readonly string[] }
  | {
      readonly action: 'delete';
      readonly propagationPolicy: DeletionPropagation;
      /** First make the object's references non-blocking, to break a foreground-deletion cycle. */
      readonly unblockOwnerReferences: boolean;
    };

export interface DependentsView {
  readonly hasDependents: boolean;
  /** One of the object's own dependents is being deleted in the foreground. */
  readonly aDependentIsDeletingDependents: boolean;
}

/** `attemptToDeleteItem`'s decision for an object that has ownerReferences. */
export function planAttemptToDelete(
  latest: KubeObject,
  refs: ReferenceClassification,
  dependents: DependentsView,
): GcDecision {
  if (refs.solid.length > 0) {
    // A live owner keeps the object; references to owners that are gone, or that wait for
    // their dependents, are dropped so those owners are not blocked forever.
    const stale = [...refs.dangling, ...refs.waitingForDependentsDeletion];
    return stale.length === 0
      ? { action: 'none' }
      : { action: 'removeOwnerReferences', ownerUids: stale.map((r) => r.uid) };
  }
  if (refs.waitingForDependentsDeletion.length > 0 && dependents.hasDependents) {
    // An owner deletes in the foreground and this object has dependents of its own: it
    // goes in the foreground too, so the whole chain below it goes first.
    return {
      action: 'delete',
      propagationPolicy: 'Foreground',
      unblockOwnerReferences: dependents.aDependentIsDeletingDependents,
    };
  }
  // No owner keeps it: delete it, honouring a propagation it already asked for.
  const propagationPolicy: DeletionPropagation = hasFinalizer(latest, ORPHAN_FINALIZER)
    ? 'Orphan'
    : hasFinalizer(latest, FOREGROUND_FINALIZER)
      ? 'Foreground'
      : 'Background';
  return { action: 'delete', propagationPolicy, unblockOwnerReferences: false };
}

/** Removes the references to `ownerUids` (the whole field when none is left). */
export function removeOwnerReferencesPatch(object: KubeObject, ownerUids: readonly string[]): unknown {
  const kept = (object.metadata.ownerReferences ?? []).filter((r) => !ownerUids.includes(r.uid));
  return {
    metadata: {
      resourceVersion: object.metadata.resourceVersion,
      ownerReferences: kept.length ? kept : null,
    },
  };
}

/** Sets `blockOwnerDeletion: false` on every reference in `owners`. */
export function unblockOwnerReferencesPatch(object: KubeObject, owners: readonly OwnerReference[]): unknown {
  const ownerReferences = owners.map((r) => ({ ...r, blockOwnerDeletion: false }));
  return { metadata: { resourceVersion: object.metadata.resourceVersion, ownerReferences } };
}

/** Removes one finalizer; undefined when the object does not have it. */
export function removeFinalizerPatch(object: KubeObject, finalizer: string): unknown {
  const finalizers = object.metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) return undefined;
  const kept = finalizers.filter((f) => f !== finalizer);
  return {
    metadata: { resourceVersion: object.metadata.resourceVersion, finalizers: kept.length ? kept : null },
  };
}
