/** `kubectl label` and `kubectl annotate`: KEY=VALUE to set, KEY- to remove, merge-patched. */
import type { KubeObject } from '../../api/types.ts';
import { bool, str, type CommandContext } from '../context.ts';
import type { FlagSpec } from '../flags.ts';
import { fetchObjects, objectName, patchObject, reportErrors } from '../mutate.ts';
import { writeFlags } from './write-options.ts';

export const labelFlags: FlagSpec[] = [
  { name: 'overwrite', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'list', type: 'bool', default: false },
  { name: 'local', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'resource-version', type: 'string', default: '' },
  { name: 'field-manager', type: 'string', default: '' },
  ...writeFlags,
];

const changeCause = 'kubernetes.io/change-cause';

export function runLabel(ctx: CommandContext): void {
  runMetadataEdit(ctx, 'labels');
}

export function runAnnotate(ctx: CommandContext): void {
  runMetadataEdit(ctx, 'annotations');
}

function runMetadataEdit(ctx: CommandContext, field: 'labels' | 'annotations'): void {
  const { out, flags } = ctx;
  const isLabel = field === 'labels';
  const resources: string[] = [];
  const set = new Map<string, string>();
  const remove: string[] = [];
  for (const arg of ctx.args) {
    if (arg.includes('=')) {
      const i = arg.indexOf('=');
      set.set(arg.slice(0, i), arg.slice(i + 1));
    } else if (arg.endsWith('-') && (resources.length > 0 || arg.length > 1)) {
      remove.push(arg.slice(0, -1));
    } else {
      resources.push(arg);
    }
  }
  if (set.size === 0 && remove.length === 0 && !bool(flags, 'list')) {
    return out.fail(`error: at least one ${isLabel ? 'label' : 'annotation'} update is required`);
  }
  if (resources.length === 0) {
    return out.fail(
      `error: one or more resources must be specified as <resource> <name> or <resource>/<name>`,
    );
  }
  const fetched = fetchObjects(ctx, resources, str(flags, 'selector'));
  if ('fatal' in fetched) return out.fail(fetched.fatal);
  const errors = [...fetched.errors];
  const overwrite = bool(flags, 'overwrite');
  for (const target of fetched.objects) {
    const current: Record<string, string> = { ...(target.object.metadata[field] ?? {}) };
    if (!overwrite) {
      const clashes = [...set].filter(
        ([k, v]) => current[k] !== undefined && current[k] !== v && (isLabel || k !== changeCause),
      );
      if (clashes.length > 0) {
        errors.push(
          isLabel
            ? clashes
                .map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`)
                .join('\n')
            : `--overwrite is false but found the following declared annotation(s): ${clashes.map(([k]) => `'${k}' already has a value (${current[k]})`).join('; ')}`,
        );
        continue;
      }
    }
    const patchMap: Record<string, string | null> = {};
    for (const k of remove) {
      if (current[k] === undefined) {
        if (isLabel) out.out(`label "${k}" not found.\n`);
        continue;
      }
      patchMap[k] = null;
    }
    for (const [k, v] of set) if (current[k] !== v) patchMap[k] = v;
    const changed = Object.keys(patchMap).length > 0;
    let result: KubeObject | string = target.object;
    if (changed && str(flags, 'dry-run') !== 'client') {
      result = patchObject(
        ctx,
        target,
        'merge',
        { metadata: { [field]: patchMap } },
        undefined,
        str(flags, 'field-manager') || `kubectl-${isLabel ? 'label' : 'annotate'}`,
      );
    }
    if (typeof result === 'string') {
      errors.push(result);
      continue;
    }
    let verb = isLabel ? 'labeled' : 'annotated';
    if (isLabel && !changed) verb = 'not labeled';
    else if (isLabel && Object.values(patchMap).every((v) => v === null)) verb = 'unlabeled';
    out.out(`${objectName(target)} ${verb}${str(flags, 'dry-run') === 'client' ? ' (dry run)' : ''}\n`);
  }
  reportErrors(ctx, errors);
}
