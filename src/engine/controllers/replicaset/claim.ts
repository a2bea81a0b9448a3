/**
 * `ControllerRefManager.Claim*` with its writes: adopts the orphans an owner's selector
 * matches (after a fresh read proves the owner is still there) and releases the objects it
 * controls but no longer matches, each with a strategic merge patch on ownerReferences.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { ApiError, type ApiClient } from '../../client/api-client.ts';
import type { LabelMatcher } from '../../client/lister.ts';
import { adoptPatch, planClaims, releasePatch } from './controller-ref.ts';

export interface ClaimTarget {
  readonly api: ApiClient;
  /** The owner's own resource, for the fresh read before adopting. */
  readonly ownerResource: ResourceInfo;
  /** The resource of the claimed objects. */
  readonly resource: ResourceInfo;
}

/** `RecheckDeletionTimestamp`: the owner read fresh is the same one and not going away. */
function canAdopt(t: ClaimTarget, owner: KubeObject): boolean {
  try {
    const fresh = t.api.get(t.ownerResource, owner.metadata.namespace, owner.metadata.name ?? '');
    return fresh.metadata.uid === owner.metadata.uid && !fresh.metadata.deletionTimestamp;
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    return false;
  }
}

/** The objects the owner controls after adopting and releasing; failed patches are skipped. */
export function claimObjects(
  t: ClaimTarget,
  owner: KubeObject,
  selector: LabelMatcher,
  objects: readonly KubeObject[],
): KubeObject[] {
  const plan = planClaims(owner, selector, objects);
  const claimed = [...plan.claimed];
  const patch = (o: KubeObject, body: unknown) =>
    t.api.patch(t.resource, o.metadata.namespace, o.metadata.name ?? '', 'strategic', body);
  if (plan.adopt.length && canAdopt(t, owner)) {
    for (const o of plan.adopt) {
      try {
        claimed.push(patch(o, adoptPatch(owner, o)));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
  }
  for (const o of plan.release) {
    try {
      patch(o, releasePatch(owner, o));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
  return claimed;
}
