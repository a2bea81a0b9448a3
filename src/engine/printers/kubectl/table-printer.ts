/**
 * kubectl's human-readable printer for server Tables (cli-runtime HumanReadablePrinter):
 * decorates a Table with the NAMESPACE, label and LABELS columns and the `kind/` name
 * prefix, then writes tab-separated rows for the tab writer. Headers are printed once per
 * printer unless the column set changes, and never for a table without rows.
 */
import type { JsonValue, Table, TableColumnDefinition } from '../../api/types.ts';
import { formatLabels } from '../table/cells.ts';
import { formatGoNumber } from './go-format.ts';
import type { TabWriter } from './tabwriter.ts';

export interface HumanPrintOptions {
  /** `-o wide`: also print priority > 0 columns. */
  readonly wide?: boolean;
  readonly noHeaders?: boolean;
  /** `--show-labels`. */
  readonly showLabels?: boolean;
  /** `-L key,...`: one column per label key. */
  readonly columnLabels?: readonly string[];
}

export interface PrinterSetup extends HumanPrintOptions {
  /** `-A` on a namespaced resource. */
  readonly withNamespace: boolean;
  /** Lower-cased `Kind.group` for the `kind/name` prefix, or undefined for bare names. */
  readonly kindPrefix: string | undefined;
}

type Cell = JsonValue | undefined;

interface WorkTable {
  columns: readonly TableColumnDefinition[];
  rows: { cells: Cell[]; metadata: Metadata | undefined }[];
}

interface Metadata {
  namespace?: string;
  labels?: Record<string, string>;
}

function rowMetadata(object: unknown): Metadata | undefined {
  if (typeof object !== 'object' || object === null) return undefined;
  const metadata = (object as { metadata?: unknown }).metadata;
  return typeof metadata === 'object' && metadata !== null ? (metadata as Metadata) : undefined;
}

function sameColumns(
  a: readonly TableColumnDefinition[],
  b: readonly TableColumnDefinition[] | undefined,
): boolean {
  return b !== undefined && JSON.stringify(a) === JSON.stringify(b);
}

/** The header of a `-L` column: the key's last path segment, upper-cased. */
function labelHeader(key: string): string {
  return (key.split('/').pop() ?? key).toUpperCase();
}

export class HumanReadablePrinter {
  readonly #setup: PrinterSetup;
  #lastColumns: readonly TableColumnDefinition[] | undefined;
  #printedHeaders = false;

  constructor(setup: PrinterSetup) {
    this.#setup = setup;
  }

  print(table: Table, out: TabWriter): void {
    let noHeaders = this.#setup.noHeaders ?? false;
    let columns: readonly TableColumnDefinition[] = table.columnDefinitions;
    if (this.#printedHeaders && (columns.length === 0 || sameColumns(columns, this.#lastColumns)))
      noHeaders = true;
    if (columns.length === 0) {
      // Watch events carry their columns only once; reuse the last ones.
      columns = this.#lastColumns ?? [];
    } else if (!sameColumns(columns, this.#lastColumns)) {
      this.#lastColumns = columns;
      this.#printedHeaders = false;
    }
    if (table.rows.length > 0) this.#printedHeaders = true;
    const work: WorkTable = {
      columns,
      rows: table.rows.map((r) => ({ cells: [...r.cells], metadata: rowMetadata(r.object) })),
    };
    this.#decorate(work);
    printTable(work, out, this.#setup.wide ?? false, noHeaders);
  }

  #decorate(table: WorkTable): void {
    const { withNamespace, showLabels = false, columnLabels = [], kindPrefix } = this.#setup;
    const width = table.columns.length + columnLabels.length + (withNamespace ? 1 : 0) + (showLabels ? 1 : 0);
    const nameColumn =
      kindPrefix === undefined
        ? -1
        : table.columns.findIndex((c) => c.format === 'name' && c.type === 'string');
    if (width !== table.columns.length) {
      const plain = (name: string): TableColumnDefinition => ({
        name,
        type: 'string',
        format: '',
        description: '',
        priority: 0,
      });
      table.columns = [
        ...(withNamespace ? [plain('Namespace')] : []),
        ...table.columns,
        ...columnLabels.map((key) => plain(labelHeader(key))),
        ...(showLabels ? [plain('Labels')] : []),
      ];
    }
    const includeLabels = columnLabels.length > 0 || showLabels;
    if (!includeLabels && !withNamespace && nameColumn === -1) return;
    for (const row of table.rows) {
      if (nameColumn !== -1) row.cells[nameColumn] = `${kindPrefix}/${cellText(row.cells[nameColumn])}`;
      const meta = row.metadata;
      if (meta === undefined) {
        // Rows without an object (includeObject=None) get empty cells instead.
        if (withNamespace) row.cells.unshift(undefined);
        while (row.cells.length < width) row.cells.push(undefined);
        continue;
      }
      if (withNamespace) row.cells.unshift(meta.namespace ?? '');
      if (includeLabels) {
        const labels = meta.labels ?? {};
        for (const key of columnLabels) row.cells.push(labels[key] ?? '');
        if (showLabels) row.cells.push(formatLabels(labels));
      }
    }
  }
}

/** Go's `fmt.Sprint` of a value decoded from JSON: `map[k:v]`, `[1 2]`, `<nil>`. */
function goSprint(value: JsonValue): string {
  if (value === null) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return formatGoNumber(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  const keys = Object.keys(value).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `map[${keys.map((k) => `${k}:${goSprint(value[k]!)}`).join(' ')}]`;
}

/** A cell's text; a null cell prints nothing. */
export function cellText(cell: Cell): string {
  return cell === null || cell === undefined ? '' : goSprint(cell);
}

/** Cells stop at their first line break (marked `...`); escape sequences are defused. */
function displayCell(text: string): string {
  const breakAt = text.search(/[\f\n\r]/);
  const shown = breakAt >= 0 ? text.slice(0, breakAt) : text;
  return shown.replaceAll('\x1b', '^[').replaceAll('\r', '\\r') + (breakAt >= 0 ? '...' : '');
}

function printTable(table: WorkTable, out: TabWriter, wide: boolean, noHeaders: boolean): void {
  const visible = (c: TableColumnDefinition): boolean => wide || c.priority === 0;
  if (!noHeaders) {
    if (table.rows.length === 0) return;
    out.write(
      `${table.columns
        .filter(visible)
        .map((c) => c.name.toUpperCase())
        .join('\t')}\n`,
    );
  }
  for (const row of table.rows) {
    const cells: string[] = [];
    row.cells.forEach((cell, i) => {
      const column = table.columns[i];
      // More cells than columns is a server bug kubectl tolerates by ignoring the extras.
      if (column === undefined || !visible(column)) return;
      cells.push(cell === null || cell === undefined ? '' : displayCell(cellText(cell)));
    });
    out.write(`${cells.join('\t')}\n`);
  }
}
