/**
 * `kubectl get -w`: the list, then one line per watch event as the cluster runs. A script
 * has no Ctrl-C, so the watch lasts until `--request-timeout` (kubectl's own flag) passes
 * on the virtual clock, or else until the cluster is quiet — at most five virtual minutes.
 */
import type { KubeObject, Table } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { WatchEvent } from '../../apiserver/http-types.ts';
import type { Status } from '../../apiserver/status.ts';
import { HumanReadablePrinter } from '../../printers/kubectl/table-printer.ts';
import { TabWriter } from '../../printers/kubectl/tabwriter.ts';
import { parseDuration } from '../../time/duration.ts';
import { bool, str, stringSlice, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import { formatObjects } from '../printing.ts';
import type { Target } from '../targets.ts';

/** How long an unbounded watch may run in a script before it is ended. */
export const MAX_WATCH_MS = 5 * 60_000;

const TABLE_ACCEPT =
  'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** kubectl pads the event types to one width, so the EVENT column never grows. */
const PADDED_EVENT_TYPES: Readonly<Record<string, string>> = {
  ADDED: 'ADDED   ',
  MODIFIED: 'MODIFIED',
  DELETED: 'DELETED ',
  ERROR: 'ERROR   ',
};

/** `--output-watch-events`: an EVENT column in front, ADDED for what the list returned. */
function withEventColumn(table: Table, type: string): Table {
  const cell = PADDED_EVENT_TYPES[type] ?? type;
  return {
    ...table,
    columnDefinitions:
      table.columnDefinitions.length === 0
        ? []
        : [
            { name: 'EVENT', type: 'string', format: '', description: '', priority: 0 },
            ...table.columnDefinitions,
          ],
    rows: table.rows.map((row) => ({ ...row, cells: [cell, ...row.cells] })),
  };
}

export function runGetWatch(ctx: CommandContext, targets: readonly Target[]): void {
  const { out, flags } = ctx;
  if (targets.length !== 1) return out.fail('error: you may only specify a single resource type');
  const target = targets[0]!;
  const r = target.resource;
  if (target.names.length > 1) return out.fail('error: you may only specify a single resource name');
  const timeoutText = str(flags, 'request-timeout');
  const timeoutMs = /^\d+$/.test(timeoutText) ? Number(timeoutText) * 1000 : parseDuration(timeoutText);
  if (timeoutMs === undefined) {
    return out.fail(
      `error: invalid argument "${timeoutText}" for "--request-timeout" flag: time: invalid duration "${timeoutText}"`,
    );
  }
  const output = str(flags, 'output');
  const structured = output === 'yaml' || output === 'json' || output === 'name';
  const events = bool(flags, 'output-watch-events');
  const ns =
    r.namespaced && !(bool(flags, 'all-namespaces') && target.names.length === 0) ? ctx.namespace : undefined;
  const query: Record<string, string> = {};
  if (str(flags, 'selector')) query.labelSelector = str(flags, 'selector');
  const fieldSelectors = [str(flags, 'field-selector'), ...target.names.map((n) => `metadata.name=${n}`)];
  if (fieldSelectors.some(Boolean)) query.fieldSelector = fieldSelectors.filter(Boolean).join(',');
  const headers = { accept: structured ? 'application/json' : TABLE_ACCEPT };

  const list = ctx.host.client.request({ method: 'GET', path: resourcePath(r, ns), query, headers });
  if (list.status >= 400) return out.fail(apiErrorMessage(list.body as Status));
  const writer = new TabWriter();
  const printer = new HumanReadablePrinter({
    wide: output === 'wide',
    withNamespace: bool(flags, 'all-namespaces') && r.namespaced,
    showLabels: bool(flags, 'show-labels'),
    columnLabels: stringSlice(flags, 'label-columns'),
    noHeaders: bool(flags, 'no-headers'),
    kindPrefix: undefined,
  });
  const printTable = (table: Table): void => {
    printer.print(table, writer);
    writer.flush();
    out.out(writer.take());
  };
  const printObject = (object: KubeObject): void => {
    const typed = { ...object, apiVersion: r.group ? `${r.group}/${r.version}` : r.version, kind: r.kind };
    out.out(formatObjects([typed], output as 'yaml' | 'json' | 'name', { single: true }));
  };
  if (!bool(flags, 'watch-only')) {
    if (structured) for (const item of (list.body as { items: KubeObject[] }).items) printObject(item);
    else {
      const table = list.body as Table;
      if (table.rows.length > 0) printTable(events ? withEventColumn(table, 'ADDED') : table);
    }
  }

  const resourceVersion =
    (list.body as { metadata?: { resourceVersion?: string } }).metadata?.resourceVersion ?? '';
  const onEvent = (event: WatchEvent): void => {
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED') return;
    if (structured) printObject(event.object);
    else {
      const table = event.object as unknown as Table;
      printTable(events ? withEventColumn(table, event.type) : table);
    }
  };
  const handle = ctx.host.client.watchRequest(
    {
      method: 'GET',
      path: resourcePath(r, ns),
      query: { ...query, watch: 'true', resourceVersion },
      headers,
    },
    { onEvent },
  );
  if ('status' in handle) return out.fail(apiErrorMessage(handle.body as Status));
  if (timeoutMs > 0) ctx.host.runFor(timeoutMs);
  else ctx.host.runFor(MAX_WATCH_MS, () => ctx.host.isQuiet());
  handle.stop();
}
