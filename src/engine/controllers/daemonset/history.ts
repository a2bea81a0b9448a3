/**
 * A DaemonSet's ControllerRevisions (update.go constructHistory, snapshot, Match,
 * cleanupHistory), pure. Each revision stores the pod template as the strategic merge patch
 * that would restore it, is named `<ds>-<hash>` with `controller.ComputeHash` (the same
 * hash as a Deployment's pod-template-hash, not the history package's
 * HashControllerRevision that StatefulSets use) and is labelled with that hash.
 */
import type { KubeObject } from '../../api/types.ts';
import { canonicalJson, computeHash } from '../deployment/pod-template-hash.ts';
import { controllerRefFor } from '../replicaset/controller-ref.ts';
import { dsSpec, dsStatus, REVISION_HASH_LABEL } from './daemonset-util.ts';

export function revisionNumber(cr: KubeObject): number {
  return Number((cr as { revision?: number }).revision ?? 0);
}

/** `getPatch`: the template under `spec`, marked to replace the whole template when applied. */
export function revisionData(ds: KubeObject): Record<string, unknown> {
  const template = JSON.parse(JSON.stringify(dsSpec(ds).template ?? {})) as Record<string, unknown>;
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

/** `Match`: Go compares the marshalled bytes, whose map keys are sorted; canonical JSON is that. */
export function matchesRevision(ds: KubeObject, cr: KubeObject): boolean {
  return canonicalJson((cr as { data?: unknown }).data) === canonicalJson(revisionData(ds));
}

/** The hash of the DaemonSet's current template (with its collision count). */
export function templateHash(ds: KubeObject): string {
  return computeHash(dsSpec(ds).template ?? {}, dsStatus(ds).collisionCount);
}

/** `snapshot`: the ControllerRevision for the current template, at `revision`. */
export function newRevision(ds: KubeObject, revision: number): KubeObject {
  const hash = templateHash(ds);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata.name ?? ''}-${hash}`,
      namespace: ds.metadata.namespace ?? '',
      labels: { ...(dsSpec(ds).template?.metadata?.labels ?? {}), [REVISION_HASH_LABEL]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [controllerRefFor(ds)],
    },
    data: revisionData(ds),
    revision,
  } as KubeObject;
}

export interface HistoryPlan {
  /** Revisions lacking the hash label: they get their own name as the hash (update). */
  readonly relabel: KubeObject[];
  /** The revision matching the template, when one exists. */
  readonly current?: KubeObject;
  /** Other revisions matching the template too (`dedupCurHistories` deletes them). */
  readonly duplicates: KubeObject[];
  /** The revisions of older templates. */
  readonly old: KubeObject[];
  /** The revision number the current one must carry (max of the old ones plus one). */
  readonly revision: number;
}

/** What constructHistory finds among the revisions the DaemonSet controls. */
export function planHistory(ds: KubeObject, histories: readonly KubeObject[]): HistoryPlan {
  const relabel = histories.filter((h) => h.metadata.labels?.[REVISION_HASH_LABEL] === undefined);
  const matching = histories.filter((h) => matchesRevision(ds, h));
  const old = histories.filter((h) => !matchesRevision(ds, h));
  const revision = old.reduce((max, h) => Math.max(max, revisionNumber(h)), 0) + 1;
  // The highest revision wins; on a tie, the last one listed (Go's `>=`).
  let current: KubeObject | undefined;
  for (const h of matching) if (!current || revisionNumber(h) >= revisionNumber(current)) current = h;
  const duplicates = matching.filter((h) => h !== current);
  return { relabel, ...(current ? { current } : {}), duplicates, old, revision };
}

/**
 * `cleanupHistory`: beyond revisionHistoryLimit, the oldest revisions no live pod still
 * carries the hash of are deleted.
 */
export function revisionsToDelete(
  ds: KubeObject,
  old: readonly KubeObject[],
  pods: readonly KubeObject[],
): KubeObject[] {
  let toKill = old.length - (dsSpec(ds).revisionHistoryLimit ?? 10);
  if (toKill <= 0) return [];
  const liveHashes = new Set(pods.map((p) => p.metadata.labels?.[REVISION_HASH_LABEL]).filter(Boolean));
  const out: KubeObject[] = [];
  for (const h of [...old].sort((a, b) => revisionNumber(a) - revisionNumber(b))) {
    if (toKill <= 0) break;
    if (liveHashes.has(h.metadata.labels?.[REVISION_HASH_LABEL])) continue;
    out.push(h);
    toKill--;
  }
  return out;
}
