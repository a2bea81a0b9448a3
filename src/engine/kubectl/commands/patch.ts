/**
 * `kubectl patch TYPE NAME -p PATCH [--type strategic|merge|json]`: the patch goes to the
 * server as written (JSON or YAML), and kubectl says "patched (no change)" when the object
 * came back as it was.
 */
import { parse } from 'yaml';
import { str, type CommandContext } from '../context.ts';
import type { FlagSpec } from '../flags.ts';
import { fetchObjects, objectName, patchObject, reportErrors, type PatchType } from '../mutate.ts';
import { formatObjects } from '../printing.ts';
import { dryRunSuffix, parseDryRun, writeFlags } from './write-options.ts';

export const patchFlags: FlagSpec[] = [
  { name: 'patch', short: 'p', type: 'string', default: '' },
  { name: 'patch-file', type: 'string', default: '' },
  { name: 'type', type: 'string', default: 'strategic' },
  { name: 'subresource', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'field-manager', type: 'string', default: 'kubectl-patch' },
  ...writeFlags,
];

const PATCH_TYPES: readonly PatchType[] = ['json', 'merge', 'strategic'];

export function runPatch(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const dryRun = parseDryRun(ctx);
  if (typeof dryRun === 'object') return out.fail(dryRun.error);
  const type = str(flags, 'type').toLowerCase() as PatchType;
  if (!PATCH_TYPES.includes(type))
    return out.fail(`error: --type must be one of [json merge strategic], not "${str(flags, 'type')}"`);
  const inline = str(flags, 'patch');
  const file = str(flags, 'patch-file');
  if (inline && file) return out.fail('error: cannot specify --patch and --patch-file together');
  if (!inline && !file)
    return out.fail('error: must specify --patch or --patch-file containing the contents of the patch');
  const text = inline || ctx.host.readFile(file);
  if (text === undefined)
    return out.fail(`error: unable to read patch file: open ${file}: no such file or directory`);
  let patch: unknown;
  try {
    // kubectl turns a YAML patch into JSON first; JSON is YAML too.
    patch = parse(text);
  } catch {
    // What does not convert goes to the server as it was typed, which refuses to decode it.
    patch = text;
  }
  if (ctx.args.length === 0)
    return out.fail(
      'error: You must provide one or more resources by argument or filename.\n' +
        'Example resource specifications include:\n' +
        "   '-f rsrc.yaml'\n" +
        "   '--filename=rsrc.json'\n" +
        "   '<resource> <name>'\n" +
        "   '<resource>'",
    );
  const fetched = fetchObjects(ctx, ctx.args);
  if ('fatal' in fetched) return out.fail(fetched.fatal);
  const errors = [...fetched.errors];
  const output = str(flags, 'output');
  for (const target of fetched.objects) {
    if (dryRun === 'client') {
      // kubectl patches its local copy and, unlike other commands, says no "(dry run)".
      out.out(`${objectName(target)} patched\n`);
      continue;
    }
    const result = patchObject(
      ctx,
      target,
      type,
      patch,
      str(flags, 'subresource') || undefined,
      str(flags, 'field-manager'),
    );
    if (typeof result === 'string') {
      errors.push(result);
      continue;
    }
    if (output === 'yaml' || output === 'json' || output === 'name') {
      out.out(formatObjects([result], output, { single: true }));
      continue;
    }
    const changed = JSON.stringify(result) !== JSON.stringify(target.object);
    out.out(`${objectName(target)} patched${changed ? '' : ' (no change)'}${dryRunSuffix(dryRun)}\n`);
  }
  reportErrors(ctx, errors);
}
