/**
 * The API server's answer to `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`.
 *
 * Like kube-apiserver, the table is always generated "wide": every column is defined and
 * every cell filled, and `priority` tells kubectl which columns only `-o wide` shows. Each
 * row carries the object as the request's `includeObject` asks: by default (and as kubectl
 * requests it) a PartialObjectMetadata with the full metadata, which is where kubectl
 * finds the namespace for `-A` and the labels for `--show-labels`.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { JsonObject, KubeObject, ListMeta, Table, TableRow } from '../../api/types.ts';
import { printerFor } from './registry.ts';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface BuildTableOptions {
  /** Default `Metadata`, as on a real server. */
  readonly includeObject?: IncludeObject;
  /** TableOptions.noHeaders: omit column definitions (the server does so for later watch events). */
  readonly noHeaders?: boolean;
  /**
   * Copied to the table's metadata: the list's resourceVersion/continue, or for a GET of one
   * object `{ resourceVersion: <the object's> }`.
   */
  readonly listMeta?: ListMeta;
}

function rowObject(object: KubeObject, include: IncludeObject): JsonObject | undefined {
  if (include === 'None') return undefined;
  if (include === 'Object') return object as unknown as JsonObject;
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: object.metadata as unknown as JsonObject,
  };
}

export function buildTable(
  resource: ResourceInfo,
  objects: readonly KubeObject[],
  now: number,
  options: BuildTableOptions = {},
): Table {
  const printer = printerFor(resource.group, resource.kind);
  const include = options.includeObject ?? 'Metadata';
  const rows = objects.map((object): TableRow => {
    const row: TableRow = { cells: printer.row(object, { now }) };
    const conditions = printer.conditions?.(object);
    if (conditions !== undefined) row.conditions = conditions;
    const included = rowObject(object, include);
    if (included !== undefined) row.object = included;
    return row;
  });
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { ...options.listMeta },
    columnDefinitions: options.noHeaders ? [] : printer.columns.map((c) => ({ ...c })),
    rows,
  };
}
