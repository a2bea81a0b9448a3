/**
 * `kubectl apply -f` (client-side apply): create what is missing with the
 * last-applied-configuration annotation, otherwise send the three-way strategic merge
 * patch between the last applied, the new and the live configuration. `--server-side`
 * leaves the merge to the API server.
 */
import type { KubeObject } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { Status } from '../../apiserver/status.ts';
import { bool, str, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import { readFileArgs } from '../file-source.ts';
import type { FlagSpec } from '../flags.ts';
import { targetForDocument, type ObjectTarget } from '../object-target.ts';
import { threeWayPatch, LAST_APPLIED } from '../apply-patch.ts';
import { kindWithGroup } from '../rest-mapper.ts';
import { dryRunSuffix, parseDryRun, validationQuery, writeFlags } from './write-options.ts';
import { formatObjects } from '../printing.ts';
import { serverSideApplyOne } from './apply-server-side.ts';

export const applyFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'server-side', type: 'bool', default: false },
  { name: 'force-conflicts', type: 'bool', default: false },
  { name: 'field-manager', type: 'string', default: '' },
  { name: 'overwrite', type: 'bool', default: true },
  { name: 'prune', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  ...writeFlags,
];

export function runApply(ctx: CommandContext): void {
  const { out, flags } = ctx;
  if (ctx.args.length > 0) {
    out.fail(`error: Unexpected args: [${ctx.args.join(' ')}]\nSee 'kubectl apply -h' for help and examples`);
    return;
  }
  if ((flags.filename as string[]).length === 0) {
    out.fail(`error: must specify one of -f and -k\n\nSee 'kubectl apply -h' for help and examples`);
    return;
  }
  const serverSide = bool(flags, 'server-side');
  const dryRun = parseDryRun(ctx);
  if (typeof dryRun === 'object') return out.fail(dryRun.error);
  if (serverSide && dryRun === 'client') {
    return out.fail(
      "error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)",
    );
  }
  if (!serverSide && bool(flags, 'force-conflicts')) {
    return out.fail('error: --force-conflicts only works with --server-side');
  }
  const validation = validationQuery(ctx);
  if (typeof validation === 'object') return out.fail(validation.error);
  const { documents, errors } = readFileArgs(ctx);
  const failures = [...errors];
  const targets: ObjectTarget[] = [];
  for (const doc of documents) {
    const t = targetForDocument(ctx, doc);
    if (typeof t === 'string') failures.push(t);
    else targets.push(t);
  }
  const output = str(flags, 'output');
  const ssa = {
    fieldManager: str(flags, 'field-manager') || 'kubectl',
    force: bool(flags, 'force-conflicts'),
    dryRun: dryRun === 'server',
    validation,
  };
  for (const target of targets) {
    const result = serverSide
      ? { ...serverSideApplyOne(ctx, target, ssa), operation: 'serverside-applied' }
      : applyOne(ctx, target, dryRun, validation);
    if (result.error) {
      failures.push(result.error);
      continue;
    }
    if (output === 'yaml' || output === 'json')
      out.out(formatObjects([result.object!], output, { single: true }));
    else if (output === 'name') out.out(`${kindWithGroup(target.resource)}/${target.name}\n`);
    else
      out.out(
        `${kindWithGroup(target.resource)}/${target.name} ${result.operation}${dryRunSuffix(dryRun)}\n`,
      );
  }
  for (const f of failures)
    out.fail(f.startsWith('Error from server') || f.startsWith('The ') ? f : `error: ${f}`);
}

interface ApplyResult {
  readonly operation?: 'created' | 'configured' | 'unchanged';
  readonly object?: KubeObject;
  readonly error?: string;
}

function applyOne(
  ctx: CommandContext,
  target: ObjectTarget,
  dryRun: 'none' | 'client' | 'server',
  validation: string,
): ApplyResult {
  const client = ctx.host.client;
  const { resource, namespace, name, source } = target;
  const modified = withLastApplied(target.object);
  const current = client.request({ method: 'GET', path: resourcePath(resource, namespace, name) });
  const query: Record<string, string> = {
    fieldManager: str(ctx.flags, 'field-manager') || 'kubectl-client-side-apply',
    fieldValidation: validation,
  };
  if (dryRun === 'server') query.dryRun = 'All';

  if (current.status === 404) {
    if (dryRun === 'client') return { operation: 'created', object: modified };
    const res = client.request({
      method: 'POST',
      path: resourcePath(resource, namespace),
      query,
      body: modified,
    });
    if (res.status >= 400)
      return { error: apiErrorMessage(res.body as Status, { verb: 'creating', source }) };
    return { operation: 'created', object: res.body as KubeObject };
  }
  if (current.status >= 400) {
    return {
      error: apiErrorMessage(current.body as Status, { verb: 'retrieving current configuration of', source }),
    };
  }
  const live = current.body as KubeObject;
  const original = lastAppliedOf(live);
  const { patch, contentType } = threeWayPatch(original, modified, live);
  if (Object.keys(patch).length === 0) return { operation: 'unchanged', object: live };
  if (dryRun === 'client') return { operation: 'configured', object: live };
  const res = client.request({
    method: 'PATCH',
    path: resourcePath(resource, namespace, name),
    query,
    headers: { 'content-type': contentType },
    body: patch,
  });
  if (res.status >= 400)
    return { error: apiErrorMessage(res.body as Status, { verb: 'applying patch', source }) };
  return { operation: 'configured', object: res.body as KubeObject };
}

/**
 * The object with its own JSON as the last-applied annotation: keys sorted as Go's
 * encoder writes them, the annotation itself left out, and a trailing newline.
 */
export function withLastApplied(object: KubeObject): KubeObject {
  const annotations = { ...(object.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  const base: KubeObject = { ...object, metadata: { ...object.metadata, annotations } };
  const json = `${JSON.stringify(sortKeys(base))}\n`;
  return { ...base, metadata: { ...base.metadata, annotations: { ...annotations, [LAST_APPLIED]: json } } };
}

function lastAppliedOf(live: KubeObject): KubeObject | undefined {
  const text = live.metadata.annotations?.[LAST_APPLIED];
  if (!text) return undefined;
  try {
    return JSON.parse(text) as KubeObject;
  } catch {
    return undefined;
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
  return out;
}
