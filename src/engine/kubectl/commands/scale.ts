/** `kubectl scale TYPE NAME --replicas=N`: patches the scale subresource. */
import { bool, str, type CommandContext } from '../context.ts';
import type { FlagSpec } from '../flags.ts';
import { fetchObjects, objectName, patchObject, reportErrors } from '../mutate.ts';
import { writeFlags } from './write-options.ts';

export const scaleFlags: FlagSpec[] = [
  { name: 'replicas', type: 'int', default: -1 },
  { name: 'current-replicas', type: 'int', default: -1 },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'timeout', type: 'string', default: '0s' },
  ...writeFlags,
];

export function runScale(ctx: CommandContext): void {
  const { out, flags } = ctx;
  if (!ctx.changed.has('replicas')) return out.fail('error: required flag(s) "replicas" not set');
  const replicas = flags.replicas as number;
  if (replicas < 0) {
    return out.fail(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0',
    );
  }
  if (ctx.args.length === 0) {
    return out.fail(
      `error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   --filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`,
    );
  }
  if (
    ctx.args.length === 1 &&
    !ctx.args[0]!.includes('/') &&
    !str(flags, 'selector') &&
    !bool(flags, 'all')
  ) {
    return out.fail(`error: resource(s) were provided, but no name was specified`);
  }
  const fetched = fetchObjects(ctx, ctx.args, str(flags, 'selector'));
  if ('fatal' in fetched) return out.fail(fetched.fatal);
  const errors = [...fetched.errors];
  const current = flags['current-replicas'] as number;
  for (const target of fetched.objects) {
    const spec = (target.object as { spec?: { replicas?: number } }).spec;
    if (current >= 0 && (spec?.replicas ?? 1) !== current) {
      errors.push(`error: Expected replicas to be ${current}, was ${spec?.replicas ?? 1}`);
      continue;
    }
    if (str(flags, 'dry-run') !== 'client') {
      const patch = { spec: { replicas } };
      let result = patchObject(ctx, target, 'merge', patch, 'scale', 'kubectl-scale');
      // The simulator may not serve /scale for every kind: the object itself carries the same field.
      if (typeof result === 'string' && result.includes('is not served')) {
        result = patchObject(ctx, target, 'merge', patch, undefined, 'kubectl-scale');
      }
      if (typeof result === 'string') {
        errors.push(result);
        continue;
      }
    }
    out.out(`${objectName(target)} scaled${str(flags, 'dry-run') === 'client' ? ' (dry run)' : ''}\n`);
  }
  reportErrors(ctx, errors);
}
