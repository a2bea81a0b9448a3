/** `kubectl set image TYPE/NAME CONTAINER=IMAGE…`: a strategic merge patch of the pod template. */
import { str, type CommandContext } from '../context.ts';
import type { FlagSpec } from '../flags.ts';
import { fetchObjects, objectName, patchObject, reportErrors } from '../mutate.ts';
import { writeFlags } from './write-options.ts';
import { dig, nest, podSpecPath } from './pod-template.ts';
import { runSetEnv } from './set-env.ts';

export const setFlags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'local', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'field-manager', type: 'string', default: 'kubectl-set' },
  // set env
  { name: 'containers', short: 'c', type: 'string', default: '' },
  { name: 'list', type: 'bool', default: false },
  { name: 'from', type: 'string', default: '' },
  { name: 'prefix', type: 'string', default: '' },
  { name: 'keys', type: 'string', default: '' },
  ...writeFlags,
];

interface Container {
  name: string;
  image?: string;
}

export function runSet(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const [sub, ...rest] = ctx.args;
  if (sub === 'env') return runSetEnv(ctx, rest);
  if (sub !== 'image') {
    return out.fail(
      sub
        ? `error: unknown command "${sub}" for "kubectl set"\nRun 'kubectl set --help' for usage.`
        : `error: Usage: kubectl set SUBCOMMAND`,
    );
  }
  const resources = rest.filter((a) => !a.includes('='));
  const images = new Map(
    rest.filter((a) => a.includes('=')).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]),
  );
  if (images.size === 0) return out.fail('error: at least one image update is required');
  if (resources.length === 0) {
    return out.fail(
      `error: one or more resources must be specified as <resource> <name> or <resource>/<name>`,
    );
  }
  const fetched = fetchObjects(ctx, resources, str(flags, 'selector'));
  if ('fatal' in fetched) return out.fail(fetched.fatal);
  const errors = [...fetched.errors];
  for (const target of fetched.objects) {
    const path = podSpecPath(target.object);
    const spec = dig(target.object, path);
    const patchContainers: Container[] = [];
    const patchInits: Container[] = [];
    let missing: string | undefined;
    for (const [name, image] of images) {
      let found = false;
      for (const [list, into] of [
        [spec.initContainers, patchInits],
        [spec.containers, patchContainers],
      ] as const) {
        for (const c of (list ?? []) as Container[]) {
          if (name === '*' || c.name === name) {
            found = true;
            if (c.image !== image) into.push({ image, name: c.name });
          }
        }
      }
      if (!found && name !== '*') missing = name;
    }
    if (missing !== undefined) {
      errors.push(`unable to find container named "${missing}"`);
      continue;
    }
    if (patchContainers.length + patchInits.length > 0 && str(flags, 'dry-run') !== 'client') {
      const leaf: Record<string, unknown> = {};
      if (patchContainers.length) leaf.containers = patchContainers;
      if (patchInits.length) leaf.initContainers = patchInits;
      const result = patchObject(
        ctx,
        target,
        'strategic',
        nest(path, leaf),
        undefined,
        str(flags, 'field-manager'),
      );
      if (typeof result === 'string') {
        errors.push(result);
        continue;
      }
    }
    out.out(`${objectName(target)} image updated${str(flags, 'dry-run') === 'client' ? ' (dry run)' : ''}\n`);
  }
  reportErrors(ctx, errors);
}
