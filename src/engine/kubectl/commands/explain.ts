/**
 * kubectl explain TYPE[.FIELD…] [--recursive] [--api-version=GROUP/VERSION]: the schema
 * documentation of a resource or one of its fields, read as kubectl v1.34 reads it: the
 * list of group-versions from /openapi/v3, then that group-version's OpenAPI v3 document,
 * rendered with the plaintext template.
 */
import { bool, str, type CommandContext } from '../context.ts';
import type { FlagSpec } from '../flags.ts';
import type { ApiResource } from '../rest-mapper.ts';
import { renderPlaintext } from '../explain/plaintext.ts';

export const explainFlags: FlagSpec[] = [
  { name: 'recursive', type: 'bool', default: false },
  { name: 'api-version', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: 'plaintext' },
];

const MUST_SPECIFY =
  'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.';

/** Characters that end a field name in a JSONPath expression, or make it another kind of node. */
const NOT_A_FIELD = /[\s,[\]$@{}()'"*?:=!<>|&]/;

interface ParsedRequest {
  readonly resource: ApiResource;
  readonly fieldPath: string[];
}

/**
 * Splits `deployments.apps.spec.strategy` into the resource and the field path: the first
 * name picks the resource; a `resource.group` prefix naming it is stepped over.
 */
function parseRequest(ctx: CommandContext, arg: string, matchGroup: boolean): ParsedRequest | string {
  const input = arg.endsWith('.') ? arg.slice(0, -1) : arg;
  const parts = input.split('.');
  const head = parts[0]!;
  if (head === '' || NOT_A_FIELD.test(head))
    return 'error: invalid jsonpath syntax, first node must be field node';
  const resolved = ctx.mapper.resolve(head);
  if (!resolved) return `the server doesn't have a resource type "${head}"`;
  let resource = resolved;
  let fields = parts.slice(1);
  if (matchGroup) {
    const candidates = ctx.mapper.all().filter((r) => r.preferred && r.name === resolved.name);
    const prefixed = candidates.find((r) => input.startsWith(r.group ? `${r.name}.${r.group}` : r.name));
    if (prefixed) {
      resource = prefixed;
      const groupResource = prefixed.group ? `${prefixed.name}.${prefixed.group}` : prefixed.name;
      fields = input.slice(groupResource.length).split('.').slice(1);
    } else {
      resource = candidates[0] ?? resolved;
    }
  }
  if (fields.some((f) => f === '' || NOT_A_FIELD.test(f))) {
    return matchGroup
      ? 'error: invalid jsonpath syntax, first node must be field node'
      : 'error: invalid jsonpath syntax, all nodes must be field nodes';
  }
  return { resource, fieldPath: fields };
}

/** schema.ParseGroupVersion: `v1`, `apps/v1`; anything with more slashes is an error. */
function parseGroupVersion(text: string): { group: string; version: string } | string {
  const parts = text.split('/');
  if (parts.length === 1) return { group: '', version: parts[0]! };
  if (parts.length === 2) return { group: parts[0]!, version: parts[1]! };
  return `error: unexpected GroupVersion string: ${text}`;
}

/** The group-versions /openapi/v3 lists, with the URL of each document; undefined if it is not served. */
function openApiV3Paths(ctx: CommandContext): Record<string, string> | undefined {
  const res = ctx.host.client.request({ method: 'GET', path: '/openapi/v3' });
  if (res.status !== 200) return undefined;
  const paths = (res.body as { paths?: Record<string, { serverRelativeURL?: string }> }).paths ?? {};
  const out: Record<string, string> = {};
  for (const [name, entry] of Object.entries(paths))
    out[name] = entry.serverRelativeURL ?? `/openapi/v3/${name}`;
  return out;
}

export function runExplain(ctx: CommandContext): void {
  const { out, args, flags } = ctx;
  if (args.length === 0) return out.fail(MUST_SPECIFY);
  if (args.length > 1) return out.fail('error: We accept only this format: explain RESOURCE');
  const apiVersion = str(flags, 'api-version');
  const parsed = parseRequest(ctx, args[0]!, apiVersion === '');
  if (typeof parsed === 'string') return out.fail(parsed);
  const format = str(flags, 'output');
  const paths = format === 'plaintext-openapiv2' ? undefined : openApiV3Paths(ctx);
  if (!paths) {
    // kubectl falls back to its OpenAPI v2 renderer here, which this simulator does not have.
    return out.fail(
      'error: explaining from OpenAPI v2 (plaintext-openapiv2) is not supported by this simulator yet',
    );
  }
  let { group, version } = parsed.resource;
  if (apiVersion !== '') {
    const gv = parseGroupVersion(apiVersion);
    if (typeof gv === 'string') return out.fail(gv);
    ({ group, version } = gv);
  }
  const resource = parsed.resource.name;
  const url = paths[group ? `apis/${group}/${version}` : `api/${version}`];
  if (url === undefined) {
    return out.fail(`error: couldn't find resource for "${group}/${version}, Resource=${resource}"`);
  }
  const [path] = url.split('?');
  const res = ctx.host.client.request({ method: 'GET', path: path! });
  if (res.status !== 200) {
    return out.fail(
      `error: failed to fetch openapi schema for ${url}: the server could not find the requested resource`,
    );
  }
  if (format !== 'plaintext') return out.fail(`error: unrecognized format: ${format}`);
  const result = renderPlaintext(res.body as Record<string, unknown>, {
    group,
    version,
    resource,
    fieldPath: parsed.fieldPath,
    recursive: bool(flags, 'recursive'),
  });
  out.out(result.output);
  if (result.error !== undefined) out.fail(result.error);
}
