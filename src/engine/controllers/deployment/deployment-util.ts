/**
 * Deployment helpers (`pkg/controller/deployment/util/deployment_util.go`): surge and
 * unavailability fenceposts, which ReplicaSet is new and which are old, revisions and the
 * annotations the controller keeps on its ReplicaSets, replica counts over ReplicaSets.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { SyncError } from '../controller.ts';
import { rsSpec, rsStatus } from '../replicaset/replicaset-plan.ts';
import { sameStatus } from '../replicaset/same-json.ts';

export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
export const REVISION_HISTORY_ANNOTATION = 'deployment.kubernetes.io/revision-history';
export const DESIRED_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/desired-replicas';
export const MAX_REPLICAS_ANNOTATION = 'deployment.kubernetes.io/max-replicas';
export const POD_TEMPLATE_HASH_LABEL = 'pod-template-hash';
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const ROLLBACK_TO = 'deprecated.deployment.rollback.to';
const MAX_REV_HISTORY_CHARS = 2000;
const MAX_INT32 = 2147483647;

const ANNOTATIONS_TO_SKIP = new Set([
  LAST_APPLIED,
  REVISION_ANNOTATION,
  REVISION_HISTORY_ANNOTATION,
  DESIRED_REPLICAS_ANNOTATION,
  MAX_REPLICAS_ANNOTATION,
  ROLLBACK_TO,
]);

export interface DeploymentSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
  template?: { metadata?: { labels?: Record<string, string> } & Record<string, unknown> } & Record<
    string,
    unknown
  >;
  strategy?: {
    type?: string;
    rollingUpdate?: { maxSurge?: number | string; maxUnavailable?: number | string };
  };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  paused?: boolean;
  progressDeadlineSeconds?: number;
}

export interface DeploymentCondition {
  type: string;
  status: string;
  lastUpdateTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface DeploymentStatus {
  observedGeneration?: number;
  replicas?: number;
  updatedReplicas?: number;
  readyReplicas?: number;
  availableReplicas?: number;
  unavailableReplicas?: number;
  conditions?: DeploymentCondition[];
  collisionCount?: number;
}

export function dSpec(d: KubeObject): DeploymentSpec {
  return (d.spec as DeploymentSpec | undefined) ?? {};
}

export function dStatus(d: KubeObject): DeploymentStatus {
  return (d.status as DeploymentStatus | undefined) ?? {};
}

export const replicasOf = (d: KubeObject): number => dSpec(d).replicas ?? 1;
export const rsReplicas = (rs: KubeObject): number => rsSpec(rs).replicas ?? 1;

export function isRollingUpdate(d: KubeObject): boolean {
  return (dSpec(d).strategy?.type ?? 'RollingUpdate') === 'RollingUpdate';
}

/** `intstr.GetScaledValueFromIntOrPercent`: percentages of `total`, rounded up or down. */
export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(-?\d+)%$/.exec(value);
  if (!m) throw new SyncError('invalid value for IntOrString: invalid type: string is not a percentage');
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** `ResolveFenceposts`: surge rounds up, unavailability down, and both 0 makes unavailability 1. */
export function resolveFenceposts(d: KubeObject): { maxSurge: number; maxUnavailable: number } {
  const ru = dSpec(d).strategy?.rollingUpdate ?? {};
  const desired = replicasOf(d);
  const maxSurge = scaledValue(ru.maxSurge ?? '25%', desired, true);
  let maxUnavailable = scaledValue(ru.maxUnavailable ?? '25%', desired, false);
  if (maxSurge === 0 && maxUnavailable === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

export function maxSurge(d: KubeObject): number {
  return isRollingUpdate(d) ? resolveFenceposts(d).maxSurge : 0;
}

export function maxUnavailable(d: KubeObject): number {
  const replicas = replicasOf(d);
  if (!isRollingUpdate(d) || replicas === 0) return 0;
  return Math.min(resolveFenceposts(d).maxUnavailable, replicas);
}

export function hasProgressDeadline(d: KubeObject): boolean {
  const s = dSpec(d).progressDeadlineSeconds;
  return s !== undefined && s !== MAX_INT32;
}

function withoutHash(template: unknown): unknown {
  const t = JSON.parse(JSON.stringify(template ?? {})) as { metadata?: { labels?: Record<string, string> } };
  if (t.metadata?.labels) {
    delete t.metadata.labels[POD_TEMPLATE_HASH_LABEL];
    if (Object.keys(t.metadata.labels).length === 0) delete t.metadata.labels;
  }
  return t;
}

/** `EqualIgnoreHash`: templates equal once the pod-template-hash label is left out. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return sameStatus(withoutHash(a), withoutHash(b));
}

const createdMs = (o: KubeObject) =>
  o.metadata.creationTimestamp ? parseTimestamp(o.metadata.creationTimestamp) : 0;

/** `ReplicaSetsByCreationTimestamp`: oldest first, then by name. */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const d = createdMs(a) - createdMs(b);
  if (d !== 0) return d;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '')
    ? -1
    : (a.metadata.name ?? '') > (b.metadata.name ?? '')
      ? 1
      : 0;
}

export function revisionOf(rs: KubeObject): number {
  const raw = rs.metadata.annotations?.[REVISION_ANNOTATION];
  if (raw === undefined || !/^\d+$/.test(raw)) return 0;
  return Number(raw);
}

/** `ReplicaSetsByRevision`: lowest revision first, then by age. */
export function byRevision(a: KubeObject, b: KubeObject): number {
  const d = revisionOf(a) - revisionOf(b);
  return d !== 0 ? d : byCreation(a, b);
}

export function maxRevision(rss: readonly KubeObject[]): number {
  return rss.reduce((max, rs) => Math.max(max, revisionOf(rs)), 0);
}

/** `FindNewReplicaSet`: the oldest ReplicaSet whose template is the Deployment's. */
export function findNewReplicaSet(d: KubeObject, rss: readonly KubeObject[]): KubeObject | undefined {
  return [...rss].sort(byCreation).find((rs) => equalIgnoreHash(rsSpec(rs).template, dSpec(d).template));
}

export function findOldReplicaSets(d: KubeObject, rss: readonly KubeObject[]): KubeObject[] {
  const newRS = findNewReplicaSet(d, rss);
  return rss.filter((rs) => rs.metadata.uid !== newRS?.metadata.uid);
}

export const filterActive = (rss: readonly (KubeObject | undefined)[]): KubeObject[] =>
  rss.filter((rs): rs is KubeObject => !!rs && rsReplicas(rs) > 0);

const defined = (rss: readonly (KubeObject | undefined)[]) => rss.filter((r): r is KubeObject => !!r);
export const specReplicasSum = (rss: readonly (KubeObject | undefined)[]) =>
  defined(rss).reduce((n, rs) => n + rsReplicas(rs), 0);
export const statusReplicasSum = (rss: readonly (KubeObject | undefined)[]) =>
  defined(rss).reduce((n, rs) => n + rsStatus(rs).replicas, 0);
export const readyReplicasSum = (rss: readonly (KubeObject | undefined)[]) =>
  defined(rss).reduce((n, rs) => n + (rsStatus(rs).readyReplicas ?? 0), 0);
export const availableReplicasSum = (rss: readonly (KubeObject | undefined)[]) =>
  defined(rss).reduce((n, rs) => n + (rsStatus(rs).availableReplicas ?? 0), 0);

/** `SetReplicasAnnotations`; true when something changed. */
export function setReplicasAnnotations(rs: KubeObject, desired: number, max: number): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  if (a[DESIRED_REPLICAS_ANNOTATION] !== String(desired)) {
    a[DESIRED_REPLICAS_ANNOTATION] = String(desired);
    changed = true;
  }
  if (a[MAX_REPLICAS_ANNOTATION] !== String(max)) {
    a[MAX_REPLICAS_ANNOTATION] = String(max);
    changed = true;
  }
  return changed;
}

export function replicasAnnotationsNeedUpdate(rs: KubeObject, desired: number, max: number): boolean {
  const a = rs.metadata.annotations ?? {};
  return a[DESIRED_REPLICAS_ANNOTATION] !== String(desired) || a[MAX_REPLICAS_ANNOTATION] !== String(max);
}

export function desiredReplicasAnnotation(rs: KubeObject): number | undefined {
  const raw = rs.metadata.annotations?.[DESIRED_REPLICAS_ANNOTATION];
  return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : undefined;
}

/**
 * `SetNewReplicaSetAnnotations`: copies the Deployment's annotations, raises the revision
 * (keeping the ones it replaces in revision-history, as a rollback does) and, for a new
 * ReplicaSet, the replicas annotations. Mutates `rs`; true when something changed.
 */
export function setNewReplicaSetAnnotations(
  d: KubeObject,
  rs: KubeObject,
  newRevision: number,
  exists: boolean,
): boolean {
  const a = (rs.metadata.annotations ??= {});
  let changed = false;
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) {
    if (ANNOTATIONS_TO_SKIP.has(k) || a[k] === v) continue;
    a[k] = v;
    changed = true;
  }
  const oldRevision = a[REVISION_ANNOTATION];
  if (oldRevision !== undefined && oldRevision !== '' && !/^\d+$/.test(oldRevision)) return false;
  const oldNumber = oldRevision ? Number(oldRevision) : 0;
  if (oldNumber < newRevision) {
    a[REVISION_ANNOTATION] = String(newRevision);
    changed = true;
    if (oldRevision) {
      const history = a[REVISION_HISTORY_ANNOTATION] ?? '';
      if (history === '') a[REVISION_HISTORY_ANNOTATION] = oldRevision;
      else {
        const old = history.split(',');
        let total = history.length + oldRevision.length + 1;
        let start = 0;
        while (total > MAX_REV_HISTORY_CHARS && start < old.length) total -= (old[start++] ?? '').length + 1;
        if (total <= MAX_REV_HISTORY_CHARS)
          a[REVISION_HISTORY_ANNOTATION] = [...old.slice(start), oldRevision].join(',');
      }
    }
  }
  if (!exists && setReplicasAnnotations(rs, replicasOf(d), replicasOf(d) + maxSurge(d))) changed = true;
  return changed;
}

/** `SetDeploymentRevision`: mirrors the new ReplicaSet's revision on the Deployment. */
export function setDeploymentRevision(d: KubeObject, revision: string): boolean {
  const a = (d.metadata.annotations ??= {});
  if (a[REVISION_ANNOTATION] === revision) return false;
  a[REVISION_ANNOTATION] = revision;
  return true;
}

/** `IsSaturated`: the new ReplicaSet runs every desired replica, all of them available. */
export function isSaturated(d: KubeObject, rs: KubeObject | undefined): boolean {
  if (!rs) return false;
  const desired = desiredReplicasAnnotation(rs);
  return (
    desired === replicasOf(d) &&
    rsReplicas(rs) === replicasOf(d) &&
    (rsStatus(rs).availableReplicas ?? 0) === replicasOf(d)
  );
}
