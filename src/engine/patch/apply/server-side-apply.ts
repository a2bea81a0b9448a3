/**
 * Server-side apply: merges a manager's applied configuration into the live object and
 * keeps `metadata.managedFields` as the record of who owns which fields. A field another
 * manager owns with a different value is a conflict unless the apply is forced (then the
 * field changes hands); fields this manager stops applying are removed unless someone else
 * owns them.
 */
import type { JsonObject, JsonValue } from '../../api/types.ts';
import type { PatchMeta } from '../../schema/patch-meta.ts';
import { mergeApplied, removePath } from './apply-merge.ts';
import { FieldSet, type FieldPath } from './field-set.ts';
import { fieldSetOf, isObject } from './field-set-of.ts';

export interface ApplyInput {
  /** The live object, or undefined when the apply creates it. */
  readonly live: JsonObject | undefined;
  readonly applied: JsonObject;
  readonly meta: PatchMeta | undefined;
  readonly manager: string;
  readonly force: boolean;
  /** RFC 3339 time of the apply. */
  readonly now: string;
  readonly apiVersion: string;
}

export interface ApplyConflict {
  readonly manager: string;
  /** `.spec.replicas`, `.spec.containers[name="web"].image`. */
  readonly field: string;
}

export type ApplyOutcome = { readonly object: JsonObject } | { readonly conflicts: readonly ApplyConflict[] };

interface ManagedFieldsEntry extends JsonObject {
  manager: string;
  operation: string;
  apiVersion: string;
  time: string;
  fieldsType: string;
  fieldsV1: JsonObject;
}

/** The field path as apply conflicts print it. */
export function formatFieldPath(path: FieldPath): string {
  return path
    .map((segment) => {
      const body = segment.slice(2);
      if (segment.startsWith('f:')) return `.${body}`;
      if (segment.startsWith('v:')) return `[=${body}]`;
      const key = JSON.parse(body) as JsonObject;
      return `[${Object.entries(key)
        .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
        .join(',')}]`;
    })
    .join('');
}

function valueAt(object: JsonValue | undefined, path: FieldPath): JsonValue | undefined {
  let node = object;
  for (const segment of path) {
    if (!segment.startsWith('f:') || !isObject(node)) return undefined;
    node = node[segment.slice(2)];
  }
  return node;
}

function managerLabel(entry: ManagedFieldsEntry): string {
  const name = JSON.stringify(entry.manager);
  return entry.operation === 'Update' ? `${name} using ${entry.apiVersion} at ${entry.time}` : name;
}

export function serverSideApply(input: ApplyInput): ApplyOutcome {
  const { live, applied, meta, manager } = input;
  const entries = ((live?.metadata as JsonObject | undefined)?.managedFields ?? []) as ManagedFieldsEntry[];
  const isMine = (e: ManagedFieldsEntry) => e.manager === manager && e.operation === 'Apply';
  const applying = fieldSetOf(applied, meta);
  const others = entries
    .filter((e) => !isMine(e))
    .map((e) => ({ entry: e, set: FieldSet.fromFieldsV1(e.fieldsV1) }));

  const conflicts: ApplyConflict[] = [];
  const takenOver = new FieldSet();
  for (const path of applying.paths()) {
    const wanted = valueAt(applied, path);
    const current = valueAt(live, path);
    if (wanted === undefined || current === undefined || JSON.stringify(wanted) === JSON.stringify(current))
      continue;
    for (const other of others) {
      if (!other.set.has(path)) continue;
      conflicts.push({ manager: managerLabel(other.entry), field: formatFieldPath(path) });
      takenOver.add(path);
    }
  }
  if (conflicts.length > 0 && !input.force) return { conflicts };
  // A forced apply takes the conflicting fields over; fields applied with the same value are shared.
  const remaining = others.map(({ entry, set }) => ({ entry, set: set.minus(takenOver) }));

  const previous = entries.find(isMine);
  const dropped = previous ? FieldSet.fromFieldsV1(previous.fieldsV1).minus(applying) : new FieldSet();
  const removable = dropped
    .paths()
    .filter((path) => !remaining.some((o) => o.set.touches(path)) && !applying.touches(path));
  const { managedFields: _old, ...liveMeta } = (live?.metadata ?? {}) as JsonObject;
  void _old;
  let object = live
    ? (mergeApplied({ ...live, metadata: liveMeta }, applied, meta) as JsonObject)
    : (JSON.parse(JSON.stringify(applied)) as JsonObject);
  for (const path of removable) {
    // A list item removed whole takes its fields with it.
    const insideRemoved = removable.some((p) => p.length < path.length && p.every((s, i) => s === path[i]));
    if (!insideRemoved) object = removePath(object, path);
  }

  const mine: ManagedFieldsEntry = {
    manager,
    operation: 'Apply',
    apiVersion: input.apiVersion,
    time: input.now,
    fieldsType: 'FieldsV1',
    fieldsV1: applying.toFieldsV1(),
  };
  const managedFields: JsonValue[] = [];
  let placed = false;
  for (const entry of entries) {
    if (isMine(entry)) {
      managedFields.push(mine);
      placed = true;
      continue;
    }
    const kept = remaining.find((r) => r.entry === entry)!;
    if (kept.set.size > 0) managedFields.push({ ...entry, fieldsV1: kept.set.toFieldsV1() });
  }
  if (!placed) managedFields.push(mine);
  return { object: { ...object, metadata: { ...(object.metadata as JsonObject), managedFields } } };
}

/** The message of a 409 for conflicting applies, as the API server words it. */
export function conflictMessage(conflicts: readonly ApplyConflict[]): string {
  if (conflicts.length === 1) {
    const [c] = conflicts;
    return `Apply failed with 1 conflict: conflict with ${c!.manager}: ${c!.field}`;
  }
  const byManager = new Map<string, string[]>();
  for (const c of conflicts) byManager.set(c.manager, [...(byManager.get(c.manager) ?? []), c.field]);
  const lines: string[] = [];
  for (const manager of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${manager}:`);
    for (const field of byManager.get(manager)!) lines.push(`- ${field}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join('\n')}`;
}
