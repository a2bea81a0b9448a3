/**
 * constructHistory and cleanupHistory with their writes (update.go): makes sure a
 * ControllerRevision holds the current template, with the highest revision number, and
 * prunes old revisions beyond revisionHistoryLimit.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { isAlreadyExists, type ApiClient } from '../../client/api-client.ts';
import { SyncError } from '../controller.ts';
import { dsStatus, REVISION_HASH_LABEL } from './daemonset-util.ts';
import { matchesRevision, newRevision, planHistory, revisionNumber, revisionsToDelete } from './history.ts';

export interface HistoryTarget {
  readonly api: ApiClient;
  readonly revisions: ResourceInfo;
  readonly daemonSets: ResourceInfo;
  readonly pods: ResourceInfo;
}

export interface ConstructedHistory {
  /** The current revision's hash: the `controller-revision-hash` of up-to-date pods. */
  readonly hash: string;
  readonly old: KubeObject[];
}

/** `constructHistory` over the revisions the DaemonSet controls (already claimed). */
export function constructHistory(
  t: HistoryTarget,
  ds: KubeObject,
  histories: readonly KubeObject[],
  ownPods: readonly KubeObject[],
): ConstructedHistory {
  const ns = ds.metadata.namespace ?? '';
  const relabeled = new Map<KubeObject, KubeObject>();
  for (const h of planHistory(ds, histories).relabel) {
    // The name stands in for the hash, so a relabelled revision can never collide.
    const labels = { ...(h.metadata.labels ?? {}), [REVISION_HASH_LABEL]: h.metadata.name ?? '' };
    relabeled.set(h, t.api.update(t.revisions, { ...h, metadata: { ...h.metadata, labels } }));
  }
  const plan = planHistory(
    ds,
    histories.map((h) => relabeled.get(h) ?? h),
  );
  let current = plan.current;
  if (!current) current = snapshot(t, ds, plan.revision);
  else {
    const keepHash = current.metadata.labels?.[REVISION_HASH_LABEL] ?? '';
    if (plan.duplicates.length) {
      // `dedupCurHistories`: pods of a duplicate move to the kept revision's hash first.
      for (const pod of ownPods) {
        if (pod.metadata.labels?.[REVISION_HASH_LABEL] === keepHash) continue;
        t.api.patch(t.pods, ns, pod.metadata.name ?? '', 'merge', {
          metadata: { labels: { [REVISION_HASH_LABEL]: keepHash } },
        });
      }
      for (const dup of plan.duplicates) t.api.delete(t.revisions, ns, dup.metadata.name ?? '');
    }
    if (revisionNumber(current) < plan.revision) {
      current = t.api.update(t.revisions, { ...current, revision: plan.revision } as KubeObject);
    }
  }
  return { hash: current.metadata.labels?.[REVISION_HASH_LABEL] ?? '', old: plan.old };
}

/** `snapshot`: creates the revision; a name taken by another template bumps collisionCount. */
function snapshot(t: HistoryTarget, ds: KubeObject, revision: number): KubeObject {
  const ns = ds.metadata.namespace ?? '';
  const cr = newRevision(ds, revision);
  try {
    return t.api.create(t.revisions, cr);
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
    const existing = t.api.get(t.revisions, ns, cr.metadata.name ?? '');
    if (matchesRevision(ds, existing)) return existing;
    const fresh = t.api.get(t.daemonSets, ns, ds.metadata.name ?? '');
    const had = dsStatus(ds).collisionCount;
    const now = dsStatus(fresh).collisionCount;
    if (had !== now) {
      throw new SyncError(
        `found a stale collision count (${had ?? 'nil'}, expected ${now ?? 'nil'}) of DaemonSet "${ds.metadata.name ?? ''}" while processing; will retry until it is updated`,
      );
    }
    t.api.updateStatus(t.daemonSets, {
      ...fresh,
      status: { ...dsStatus(fresh), collisionCount: (now ?? 0) + 1 },
    });
    throw e;
  }
}

/** `cleanupHistory`: deletes what `revisionsToDelete` picks. */
export function cleanupHistory(
  t: HistoryTarget,
  ds: KubeObject,
  old: readonly KubeObject[],
  pods: readonly KubeObject[],
): void {
  for (const h of revisionsToDelete(ds, old, pods)) {
    t.api.delete(t.revisions, ds.metadata.namespace, h.metadata.name ?? '');
  }
}
