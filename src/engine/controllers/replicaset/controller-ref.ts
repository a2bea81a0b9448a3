/**
 * Controller references (`metav1.GetControllerOf`, `controller.BaseControllerRefManager`):
 * which objects an owner claims, adopts (orphans its selector matches) or releases (its own
 * objects its selector no longer matches).
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import type { LabelMatcher } from '../../client/lister.ts';

export function getControllerOf(object: KubeObject): OwnerReference | undefined {
  return object.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** The ownerReference a controller puts on what it creates or adopts. */
export function controllerRefFor(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

export interface ClaimPlan {
  /** Objects the owner controls after the claim (the adopted ones included). */
  readonly claimed: KubeObject[];
  readonly adopt: KubeObject[];
  readonly release: KubeObject[];
}

/** `ClaimObject` over a list: pure, the adoption and release writes are the caller's. */
export function planClaims(
  owner: KubeObject,
  selector: LabelMatcher,
  objects: readonly KubeObject[],
): ClaimPlan {
  const claimed: KubeObject[] = [];
  const adopt: KubeObject[] = [];
  const release: KubeObject[] = [];
  const ownerDeleting = !!owner.metadata.deletionTimestamp;
  for (const o of objects) {
    const ref = getControllerOf(o);
    const matches = selector.matches(o.metadata.labels ?? {});
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (matches) claimed.push(o);
      else if (!ownerDeleting) release.push(o);
      continue;
    }
    if (ownerDeleting || !matches || o.metadata.deletionTimestamp) continue;
    if (o.metadata.namespace !== owner.metadata.namespace) continue;
    adopt.push(o);
  }
  return { claimed, adopt, release };
}

/** The strategic merge patch that adds the owner's controllerRef (`ownerRefControllerPatch`). */
export function adoptPatch(owner: KubeObject, object: KubeObject): unknown {
  return { metadata: { ownerReferences: [controllerRefFor(owner)], uid: object.metadata.uid } };
}

/** The strategic merge patch that removes the owner's reference (`GenerateDeleteOwnerRefStrategicMergeBytes`). */
export function releasePatch(owner: KubeObject, object: KubeObject): unknown {
  return {
    metadata: { ownerReferences: [{ $patch: 'delete', uid: owner.metadata.uid }], uid: object.metadata.uid },
  };
}
