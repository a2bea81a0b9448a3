/**
 * A StatefulSet's ControllerRevisions, pure (`stateful_set_utils.go` getPatch/newRevision/
 * ApplyRevision, `history` HashControllerRevision/EqualRevision, and the choice in
 * getStatefulSetRevisions). A revision stores the pod template as the strategic merge
 * patch `{"spec":{"template":{…,"$patch":"replace"}}}`, serialised as Go marshals a map
 * (keys sorted); its name is `<set>-<hash>` with the hash a 32-bit FNV-1 over those bytes
 * and the decimal collision count, and pods carry the whole revision name as their
 * `controller-revision-hash`.
 */
import type { KubeObject } from '../../api/types.ts';
import { safeEncodeString } from '../deployment/pod-template-hash.ts';
import { controllerRefFor } from '../replicaset/controller-ref.ts';
import { stsSpec } from './statefulset-util.ts';

/** `history.ControllerRevisionHashLabel`. */
export const HISTORY_HASH_LABEL = 'controller.kubernetes.io/hash';

const GO_ESCAPES: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
  '\b': '\\u0008',
  '\f': '\\u000c',
};

/** `json.Marshal` of decoded JSON: map keys sorted, HTML-safe string escapes. */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${goJson(k)}:${goJson(o[k])}`).join(',')}}`;
  }
  if (typeof value === 'string')
    return JSON.stringify(value).replace(/[<>&\u2028\u2029\b\f]/g, (c) => GO_ESCAPES[c] ?? c);
  return JSON.stringify(value);
}

/** FNV-1 (multiply, then xor), 32 bits, over the UTF-8 bytes of `text`. */
function fnv1(text: string): number {
  let h = 0x811c9dc5;
  const step = (b: number) => {
    h = (Math.imul(h, 0x01000193) ^ b) >>> 0;
  };
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) step(c);
    else if (c < 0x800) [0xc0 | (c >> 6), 0x80 | (c & 63)].forEach(step);
    else if (c < 0x10000) [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(step);
    else [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].forEach(step);
  }
  return h;
}

/** `getPatch`: the template, marked to replace the whole template when applied. */
export function revisionData(set: KubeObject): Record<string, unknown> {
  const template = JSON.parse(JSON.stringify(stsSpec(set).template ?? {})) as Record<string, unknown>;
  return { spec: { template: { ...template, $patch: 'replace' } } };
}

/** `HashControllerRevision` with the collision count as the probe (never nil here). */
export function hashRevisionData(data: unknown, collisionCount: number): string {
  return safeEncodeString(String(fnv1(goJson(data) + String(collisionCount))));
}

export function revisionNumber(cr: KubeObject): number {
  return Number((cr as { revision?: number }).revision ?? 0);
}

/** `history.NewControllerRevision` + the set's annotations (`newRevision`). */
export function newRevision(set: KubeObject, revision: number, collisionCount: number): KubeObject {
  const data = revisionData(set);
  const hash = hashRevisionData(data, collisionCount);
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${(set.metadata.name ?? '').slice(0, 223)}-${hash}`,
      namespace: set.metadata.namespace ?? '',
      labels: { ...(stsSpec(set).template?.metadata?.labels ?? {}), [HISTORY_HASH_LABEL]: hash },
      ...(set.metadata.annotations ? { annotations: { ...set.metadata.annotations } } : {}),
      ownerReferences: [controllerRefFor(set)],
    },
    data,
    revision,
  } as KubeObject;
}

/** `EqualRevision`: the hash labels (when both parse) agree and the data bytes are equal. */
export function equalRevision(a: KubeObject, b: KubeObject): boolean {
  const ha = a.metadata.labels?.[HISTORY_HASH_LABEL];
  const hb = b.metadata.labels?.[HISTORY_HASH_LABEL];
  if (ha !== undefined && hb !== undefined && /^\d+$/.test(ha) && /^\d+$/.test(hb) && ha !== hb) return false;
  return goJson((a as { data?: unknown }).data) === goJson((b as { data?: unknown }).data);
}

/** `SortControllerRevisions`: by revision, then creation time, then name. */
export function sortRevisions(revisions: readonly KubeObject[]): KubeObject[] {
  return [...revisions].sort(
    (a, b) =>
      revisionNumber(a) - revisionNumber(b) ||
      (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') ||
      (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
}

/** `ApplyRevision`: the set with its template restored from the revision. */
export function applyRevision(set: KubeObject, cr: KubeObject): KubeObject {
  const template = (cr as { data?: { spec?: { template?: Record<string, unknown> } } }).data?.spec?.template;
  if (!template) return set;
  const { $patch: _replace, ...restored } = template;
  return { ...set, spec: { ...stsSpec(set), template: restored } } as KubeObject;
}

/** What getStatefulSetRevisions must do to have an update revision. */
export type UpdateRevisionPlan =
  | { readonly kind: 'existing'; readonly revision: KubeObject }
  | { readonly kind: 'renumber'; readonly revision: KubeObject; readonly to: number }
  | { readonly kind: 'create'; readonly revision: KubeObject };

/**
 * The update revision among the sorted `revisions`: the newest one when it already holds
 * the template; an older equal one renumbered to the next revision (a rollback); else a
 * new one.
 */
export function planUpdateRevision(
  set: KubeObject,
  sorted: readonly KubeObject[],
  collisionCount: number,
): UpdateRevisionPlan {
  const next = (sorted.length ? revisionNumber(sorted[sorted.length - 1]!) : 0) + 1;
  const candidate = newRevision(set, next, collisionCount);
  const equal = sorted.filter((r) => equalRevision(r, candidate));
  const last = sorted[sorted.length - 1];
  const lastEqual = equal[equal.length - 1];
  if (lastEqual && last && equalRevision(last, lastEqual)) return { kind: 'existing', revision: last };
  if (lastEqual) return { kind: 'renumber', revision: lastEqual, to: next };
  return { kind: 'create', revision: candidate };
}

/**
 * `truncateHistory`: revisions neither current, nor the update, nor worn by a pod are
 * history; the oldest of them beyond revisionHistoryLimit go.
 */
export function revisionsToTruncate(
  set: KubeObject,
  sorted: readonly KubeObject[],
  pods: readonly KubeObject[],
  live: readonly string[],
): KubeObject[] {
  const liveNames = new Set([
    ...live,
    ...pods.map((p) => p.metadata.labels?.['controller-revision-hash'] ?? ''),
  ]);
  const history = sorted.filter((r) => !liveNames.has(r.metadata.name ?? ''));
  const limit = stsSpec(set).revisionHistoryLimit ?? 10;
  return history.length <= limit ? [] : history.slice(0, history.length - limit);
}
