/**
 * `kubectl get`: resolves the resource arguments, asks the server for Tables (or plain
 * objects for -o yaml/json/name), and prints them as kubectl does.
 */
import type { KubeObject, Table } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { Status } from '../../apiserver/status.ts';
import { bool, str, stringSlice, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';
import { formatObjects, formatTables, type TableGroup } from '../printing.ts';
import type { ApiResource } from '../rest-mapper.ts';
import { resolveTargets } from '../targets.ts';
import { runGetWatch } from './get-watch.ts';

export const getFlags: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'show-labels', type: 'bool', default: false },
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'show-managed-fields', type: 'bool', default: false },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'show-kind', type: 'bool', default: false },
  { name: 'ignore-not-found', type: 'bool', default: false },
  { name: 'chunk-size', type: 'int', default: 500 },
  { name: 'watch', short: 'w', type: 'bool', default: false },
  { name: 'watch-only', type: 'bool', default: false },
  { name: 'output-watch-events', type: 'bool', default: false },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
];

const OUTPUT_FORMATS = ['', 'wide', 'yaml', 'json', 'name'];

const missingResourceText = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

export function runGet(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const output = str(flags, 'output');
  if (!OUTPUT_FORMATS.includes(output)) {
    out.fail(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml`,
    );
    return;
  }
  if (ctx.args.length === 0) {
    out.fail(missingResourceText);
    return;
  }
  const targets = resolveTargets(ctx, ctx.args);
  if (typeof targets === 'string') {
    out.fail(targets);
    return;
  }
  if (bool(flags, 'watch') || bool(flags, 'watch-only')) return runGetWatch(ctx, targets);
  const allNamespaces = bool(flags, 'all-namespaces');
  const selector = str(flags, 'selector');
  const fieldSelector = str(flags, 'field-selector');
  if (targets.some((t) => t.names.length > 0) && selector) {
    out.fail('error: when paths, URLs, or resource names are provided, a selector is not allowed');
    return;
  }
  const structured = output === 'yaml' || output === 'json' || output === 'name';
  const errors: string[] = [];
  const groups: TableGroup[] = [];
  const objects: KubeObject[] = [];
  const multipleKinds =
    new Set(targets.map((t) => `${t.resource.group}/${t.resource.name}`)).size > 1 ||
    bool(flags, 'show-kind');

  for (const target of targets) {
    const r = target.resource;
    const ns = r.namespaced
      ? allNamespaces && target.names.length === 0
        ? undefined
        : ctx.namespace
      : undefined;
    const accept = structured
      ? 'application/json'
      : 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';
    if (target.names.length > 0) {
      const rows: Table[] = [];
      for (const name of target.names) {
        const res = ctx.host.client.request({
          method: 'GET',
          path: resourcePath(r, ns, name),
          headers: { accept },
        });
        if (res.status >= 400) {
          if (!(bool(flags, 'ignore-not-found') && res.status === 404))
            errors.push(apiErrorMessage(res.body as Status));
          continue;
        }
        if (structured) objects.push(withTypeMeta(res.body as KubeObject, r));
        else rows.push(res.body as Table);
      }
      if (rows.length) groups.push({ resource: r, table: mergeTables(rows) });
      continue;
    }
    const query: Record<string, string> = { limit: String(flags['chunk-size'] ?? 500) };
    if (selector) query.labelSelector = selector;
    if (fieldSelector) query.fieldSelector = fieldSelector;
    const res = ctx.host.client.request({
      method: 'GET',
      path: resourcePath(r, ns),
      query,
      headers: { accept },
    });
    if (res.status >= 400) {
      errors.push(apiErrorMessage(listError(res.body as Status, r, selector, fieldSelector)));
      continue;
    }
    if (structured) {
      for (const item of (res.body as { items: KubeObject[] }).items) objects.push(withTypeMeta(item, r));
    } else {
      const table = res.body as Table;
      groups.push({ resource: r, table });
    }
  }

  const namedRequest = targets.some((t) => t.names.length > 0);
  if (structured) {
    // A single named object prints as itself; anything else as a List (empty ones too).
    const single = namedRequest && targets.length === 1 && targets[0]!.names.length === 1;
    if (!(single && objects.length === 0)) {
      out.out(
        formatObjects(objects, output as 'yaml' | 'json' | 'name', {
          single,
          showManagedFields: bool(flags, 'show-managed-fields'),
        }),
      );
    }
  } else if (groups.some((g) => g.table.rows.length > 0)) {
    out.out(
      formatTables(groups, {
        wide: output === 'wide',
        allNamespaces,
        showLabels: bool(flags, 'show-labels'),
        columnLabels: stringSlice(flags, 'label-columns'),
        noHeaders: bool(flags, 'no-headers'),
        withKind: multipleKinds,
      }),
    );
  }
  if (
    !namedRequest &&
    groups.every((g) => g.table.rows.length === 0) &&
    objects.length === 0 &&
    errors.length === 0 &&
    output !== 'yaml' &&
    output !== 'json'
  ) {
    const anyNamespaced = targets.some((t) => t.resource.namespaced);
    out.err(
      anyNamespaced && !allNamespaces
        ? `No resources found in ${ctx.namespace} namespace.\n`
        : 'No resources found\n',
    );
  }
  for (const e of errors) out.fail(e);
}

function mergeTables(tables: Table[]): Table {
  const first = tables[0]!;
  return { ...first, rows: tables.flatMap((t) => t.rows) };
}

/** Items of a list lack apiVersion/kind on the wire; kubectl fills them in before printing. */
function withTypeMeta(object: KubeObject, r: ApiResource): KubeObject {
  if (object.apiVersion && object.kind) return object;
  return { ...object, apiVersion: r.group ? `${r.group}/${r.version}` : r.version, kind: r.kind };
}

/**
 * cli-runtime's resource builder rewrites a list's BadRequest/NotFound to say what it was
 * listing (resource/selector.go), keeping it an API error.
 */
function listError(status: Status, r: ApiResource, labelSelector: string, fieldSelector: string): Status {
  if (status.code !== 400 && status.code !== 404) return status;
  const gvr = `${r.group}/${r.version}, Resource=${r.name}`;
  const message =
    labelSelector || fieldSelector
      ? `Unable to find "${gvr}" that match label selector "${labelSelector}", field selector "${fieldSelector}": ${status.message ?? ''}`
      : `Unable to list "${gvr}": ${status.message ?? ''}`;
  return { ...status, message };
}
