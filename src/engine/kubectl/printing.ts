/**
 * kubectl's printers as `get` uses them: server Tables through the tab writer, and
 * objects as yaml, json or names.
 */
import { dump } from 'js-yaml';
import type { KubeObject, Table } from '../api/types.ts';
import { findKind } from '../api/resources.ts';
import { parseApiVersion } from '../api/types.ts';
import type { ApiResource } from './rest-mapper.ts';
import { kindWithGroup } from './rest-mapper.ts';

export interface TableGroup {
  readonly resource: ApiResource;
  readonly table: Table;
  /** Prefix names with `kind/` (several resource types in one get). */
  readonly withKind: boolean;
}

export interface TableOptions {
  readonly wide: boolean;
  readonly allNamespaces: boolean;
  readonly showLabels: boolean;
  readonly noHeaders: boolean;
}

export function formatTables(groups: readonly TableGroup[], options: TableOptions): string {
  return groups.map((g) => formatTable(g, options)).join('\n');
}

function formatTable(group: TableGroup, options: TableOptions): string {
  const { table, resource } = group;
  const columns = table.columnDefinitions
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => options.wide || c.priority === 0);
  const header: string[] = [];
  if (options.allNamespaces && resource.namespaced) header.push('NAMESPACE');
  header.push(...columns.map(({ c }) => c.name.toUpperCase()));
  if (options.showLabels) header.push('LABELS');
  const rows = table.rows.map((row) => {
    const meta = (row.object?.metadata ?? {}) as { namespace?: string; labels?: Record<string, string> };
    const cells: string[] = [];
    if (options.allNamespaces && resource.namespaced) cells.push(meta.namespace ?? '');
    for (const { c, i } of columns) {
      let text = cellText(row.cells[i]);
      if (c.format === 'name' && group.withKind) text = `${kindWithGroup(resource)}/${text}`;
      cells.push(text);
    }
    if (options.showLabels) cells.push(labelsText(meta.labels));
    return cells;
  });
  return tabwrite(options.noHeaders ? rows : [header, ...rows]);
}

function cellText(cell: unknown): string {
  if (cell === null || cell === undefined) return '<none>';
  return String(cell);
}

function labelsText(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {});
  if (entries.length === 0) return '<none>';
  return entries
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

/** Aligns cells in columns with three spaces of padding; the last column is not padded. */
export function tabwrite(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]! + 3))).join(''))
    .map((line) => `${line}\n`)
    .join('');
}

export function formatObjects(
  objects: readonly KubeObject[],
  format: 'yaml' | 'json' | 'name',
  options: { single: boolean },
): string {
  if (format === 'name') return objects.map((o) => `${objectName(o)}\n`).join('');
  const value: unknown =
    options.single && objects.length === 1
      ? objects[0]
      : { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
  const clean = stripManagedFields(value);
  if (format === 'json') return `${JSON.stringify(clean, null, 4)}\n`;
  return dump(clean, { sortKeys: true, seqNoIndent: true, lineWidth: -1, noRefs: true });
}

/** `deployment.apps/nginx`, `pod/nginx`. */
export function objectName(o: KubeObject): string {
  const { group } = parseApiVersion(o.apiVersion);
  return `${kindWithGroup({ kind: o.kind, group })}/${o.metadata.name ?? ''}`;
}

/** kubectl hides managedFields unless --show-managed-fields is given. */
function stripManagedFields(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const v = value as { items?: unknown[]; metadata?: Record<string, unknown> };
  if (Array.isArray(v.items)) return { ...v, items: v.items.map(stripManagedFields) };
  if (v.metadata && 'managedFields' in v.metadata) {
    const { managedFields: _drop, ...metadata } = v.metadata;
    return { ...v, metadata };
  }
  return value;
}

export function isKnownKind(apiVersion: string, kind: string): boolean {
  const { group, version } = parseApiVersion(apiVersion);
  return findKind(group, version, kind) !== undefined;
}
