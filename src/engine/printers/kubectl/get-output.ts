/**
 * What `kubectl get` prints for server Tables (kubectl `pkg/cmd/get/get.go`).
 *
 * Each request's Table is one item; consecutive items of the same resource share a printer,
 * so headers print once and columns align across them. When the resource changes, the tab
 * writer is flushed (each resource type gets its own column widths) and, if anything was
 * printed already and headers are on, one blank line separates the groups. With more than
 * one kind among the items, names print as `kind.group/name`.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { Table } from '../../api/types.ts';
import { groupKindText } from '../table/cells.ts';
import { HumanReadablePrinter, type HumanPrintOptions } from './table-printer.ts';
import { TabWriter } from './tabwriter.ts';

export type TableResource = Pick<ResourceInfo, 'group' | 'version' | 'kind' | 'plural' | 'namespaced'>;

export interface GetTableItem {
  readonly resource: TableResource;
  readonly table: Table;
}

export interface GetPrintOptions extends HumanPrintOptions {
  /** `-A` / `--all-namespaces`: a NAMESPACE column for namespaced resources. */
  readonly allNamespaces?: boolean;
  /** Force the `kind/name` form; by default it is used when the items span several kinds. */
  readonly withKind?: boolean;
}

function sameResource(a: TableResource, b: TableResource): boolean {
  return a.group === b.group && a.version === b.version && a.plural === b.plural;
}

/** get.go multipleGVKsRequested. */
function multipleKinds(items: readonly GetTableItem[]): boolean {
  const first = items[0]?.resource;
  if (first === undefined || items.length < 2) return false;
  return items.some(
    ({ resource: r }) => r.group !== first.group || r.version !== first.version || r.kind !== first.kind,
  );
}

/** The text kubectl writes to stdout; empty when nothing was printed. */
export function printGetTables(items: readonly GetTableItem[], options: GetPrintOptions = {}): string {
  const withKind = options.withKind ?? multipleKinds(items);
  const writer = new TabWriter();
  let out = '';
  let separatorPending = false;
  const drain = (): void => {
    const text = writer.take();
    if (text === '') return;
    if (separatorPending) {
      out += '\n';
      separatorPending = false;
    }
    out += text;
  };

  let printer: HumanReadablePrinter | undefined;
  let last: TableResource | undefined;
  for (const { resource, table } of items) {
    if (printer === undefined || last === undefined || !sameResource(last, resource)) {
      writer.flush();
      drain();
      writer.resetRememberedWidths();
      if (last !== undefined && !options.noHeaders && out !== '') separatorPending = true;
      printer = new HumanReadablePrinter({
        ...options,
        withNamespace: (options.allNamespaces ?? false) && resource.namespaced,
        kindPrefix: withKind ? groupKindText(resource.group, resource.kind) : undefined,
      });
      last = resource;
    }
    printer.print(table, writer);
    drain();
  }
  writer.flush();
  drain();
  return out;
}

/**
 * The stderr line when `get` printed nothing: `No resources found in <ns> namespace.` when
 * every requested resource is namespaced and no `-A` was given, else `No resources found`.
 */
export function noResourcesFoundMessage(namespace: string, allResourcesNamespaced: boolean): string {
  return allResourcesNamespaced ? `No resources found in ${namespace} namespace.\n` : 'No resources found\n';
}
