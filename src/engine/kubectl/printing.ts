/**
 * kubectl's printers as the commands use them, on top of the printers module: server
 * Tables through kubectl's tab writer, and objects as yaml, json or names.
 */
import type { KubeObject, Table } from '../api/types.ts';
import { printGetTables, printNames, printObjects, TabWriter } from '../printers/index.ts';
import type { ApiResource } from './rest-mapper.ts';

export interface TableGroup {
  readonly resource: ApiResource;
  readonly table: Table;
}

export interface TableOptions {
  readonly wide: boolean;
  readonly allNamespaces: boolean;
  readonly showLabels: boolean;
  /** `-L KEY`: a column with each object's value of that label. */
  readonly columnLabels?: readonly string[];
  readonly noHeaders: boolean;
  /** Print names as `kind/name` (several resource types were requested). */
  readonly withKind: boolean;
}

export function formatTables(groups: readonly TableGroup[], options: TableOptions): string {
  return printGetTables(
    groups.map((g) => ({ resource: g.resource, table: g.table })),
    {
      wide: options.wide,
      allNamespaces: options.allNamespaces,
      showLabels: options.showLabels,
      columnLabels: options.columnLabels ?? [],
      noHeaders: options.noHeaders,
      withKind: options.withKind,
    },
  );
}

export function formatObjects(
  objects: readonly KubeObject[],
  format: 'yaml' | 'json' | 'name',
  options: { single: boolean; showManagedFields?: boolean },
): string {
  if (format === 'name') return printNames(objects);
  return printObjects(objects, format, {
    singleItemImplied: options.single,
    showManagedFields: options.showManagedFields ?? false,
  });
}

/** Rows aligned as kubectl's tab writer aligns them (padding 3, last column unpadded). */
export function tabwrite(rows: readonly (readonly string[])[]): string {
  const writer = new TabWriter();
  for (const row of rows) writer.write(`${row.join('\t')}\n`);
  writer.flush();
  return writer.take();
}
