/**
 * The replica arithmetic of a Deployment rollout, pure (`rolling.go`, `sync.go` scale,
 * `deployment_util.go` NewRSNewReplicas and GetProportion). Each planner returns the
 * scalings to make, in order; the controller writes them.
 */
import type { KubeObject } from '../../api/types.ts';
import { rsStatus } from '../replicaset/replicaset-plan.ts';
import {
  byCreation,
  dStatus,
  filterActive,
  isRollingUpdate,
  isSaturated,
  maxSurge,
  maxUnavailable,
  replicasOf,
  rsReplicas,
  specReplicasSum,
  availableReplicasSum,
} from './deployment-util.ts';

export interface Scaling {
  readonly rs: KubeObject;
  readonly replicas: number;
  /** Write even when only the replicas annotations are stale (`scaleReplicaSet` without the event wrapper). */
  readonly syncAnnotations?: boolean;
}

/** What the new ReplicaSet should be scaled to (`NewRSNewReplicas`). */
export function newRSNewReplicas(d: KubeObject, allRSs: readonly KubeObject[], newRS: KubeObject): number {
  if (!isRollingUpdate(d)) return replicasOf(d);
  const current = specReplicasSum(allRSs);
  const maxTotal = replicasOf(d) + maxSurge(d);
  if (current >= maxTotal) return rsReplicas(newRS);
  const up = Math.min(maxTotal - current, replicasOf(d) - rsReplicas(newRS));
  return rsReplicas(newRS) + up;
}

const withReplicas = (rs: KubeObject, replicas: number): KubeObject => ({
  ...rs,
  spec: { ...(rs.spec as object), replicas },
});

/**
 * `reconcileOldReplicaSets`: first drop the unavailable pods of old ReplicaSets, then scale
 * old ReplicaSets down (oldest first) while availability stays at or above the minimum.
 */
export function planOldReplicaSetsScaleDown(
  d: KubeObject,
  allRSs: readonly KubeObject[],
  activeOldRSs: readonly KubeObject[],
  newRS: KubeObject | undefined,
): Scaling[] {
  if (specReplicasSum(activeOldRSs) === 0) return [];
  const minAvailable = replicasOf(d) - maxUnavailable(d);
  const newUnavailable = newRS ? rsReplicas(newRS) - (rsStatus(newRS).availableReplicas ?? 0) : 0;
  const maxScaledDown = specReplicasSum(allRSs) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return [];
  const out: Scaling[] = [];
  const olds = [...activeOldRSs].sort(byCreation);
  let cleaned = 0;
  for (let i = 0; i < olds.length && cleaned < maxScaledDown; i++) {
    const rs = olds[i]!;
    const available = rsStatus(rs).availableReplicas ?? 0;
    if (rsReplicas(rs) === 0 || rsReplicas(rs) === available) continue;
    const down = Math.min(maxScaledDown - cleaned, rsReplicas(rs) - available);
    out.push({ rs, replicas: rsReplicas(rs) - down });
    olds[i] = withReplicas(rs, rsReplicas(rs) - down);
    cleaned += down;
  }
  const availableNow = availableReplicasSum([...olds, newRS]);
  if (availableNow <= minAvailable) return out;
  const total = availableNow - minAvailable;
  let scaled = 0;
  for (const rs of olds) {
    if (scaled >= total) break;
    if (rsReplicas(rs) === 0) continue;
    const down = Math.min(rsReplicas(rs), total - scaled);
    out.push({ rs, replicas: rsReplicas(rs) - down });
    scaled += down;
  }
  return out;
}

/** `FindActiveOrLatest`: the one ReplicaSet with replicas, or the newest if none has any. */
export function findActiveOrLatest(
  newRS: KubeObject | undefined,
  oldRSs: readonly KubeObject[],
): KubeObject | undefined {
  if (!newRS && oldRSs.length === 0) return undefined;
  const newestFirst = [...oldRSs].sort((a, b) => byCreation(b, a));
  const active = filterActive([...newestFirst, newRS]);
  if (active.length === 0) return newRS ?? newestFirst[0];
  return active.length === 1 ? active[0] : undefined;
}

/** `getReplicaSetFraction`: this ReplicaSet's share of a resize, by its max-replicas annotation. */
function fraction(rs: KubeObject, d: KubeObject): number {
  if (replicasOf(d) === 0) return -rsReplicas(rs);
  const deploymentReplicas = replicasOf(d) + maxSurge(d);
  const raw = rs.metadata.annotations?.['deployment.kubernetes.io/max-replicas'];
  const annotated = raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : (dStatus(d).replicas ?? 0);
  const size = (rsReplicas(rs) * deploymentReplicas) / annotated;
  // Go's integer.RoundToInt32 rounds halves away from zero.
  return Math.sign(size) * Math.round(Math.abs(size)) - rsReplicas(rs);
}

function proportion(rs: KubeObject, d: KubeObject, toAdd: number, added: number): number {
  if (rsReplicas(rs) === 0 || toAdd === 0 || toAdd === added) return 0;
  const f = fraction(rs, d);
  const allowed = toAdd - added;
  return toAdd > 0 ? Math.min(f, allowed) : Math.max(f, allowed);
}

/**
 * `scale`: a replicas change of a Deployment mid-rollout (or paused) resizes its
 * ReplicaSets in proportion to their sizes instead of rushing the rollout.
 */
export function planProportionalScale(
  d: KubeObject,
  newRS: KubeObject | undefined,
  oldRSs: readonly KubeObject[],
): Scaling[] {
  const activeOrLatest = findActiveOrLatest(newRS, oldRSs);
  if (activeOrLatest) {
    return rsReplicas(activeOrLatest) === replicasOf(d)
      ? []
      : [{ rs: activeOrLatest, replicas: replicasOf(d) }];
  }
  if (isSaturated(d, newRS)) return filterActive(oldRSs).map((rs) => ({ rs, replicas: 0 }));
  if (!isRollingUpdate(d)) return [];
  const all = filterActive([...oldRSs, newRS]);
  const allowed = replicasOf(d) > 0 ? replicasOf(d) + maxSurge(d) : 0;
  const toAdd = allowed - specReplicasSum(all);
  const bySize = (newerFirst: boolean) => (a: KubeObject, b: KubeObject) =>
    rsReplicas(b) - rsReplicas(a) || (newerFirst ? byCreation(b, a) : byCreation(a, b));
  if (toAdd > 0) all.sort(bySize(true));
  else if (toAdd < 0) all.sort(bySize(false));
  let added = 0;
  const sizes = all.map((rs) => {
    if (toAdd === 0) return rsReplicas(rs);
    const p = proportion(rs, d, toAdd, added);
    added += p;
    return rsReplicas(rs) + p;
  });
  if (toAdd !== 0 && sizes.length > 0) sizes[0] = Math.max(0, sizes[0]! + toAdd - added);
  return all.map((rs, i) => ({ rs, replicas: sizes[i] ?? 0, syncAnnotations: true }));
}
