/**
 * Resource arguments as kubectl's resource builder reads them: `TYPE[,TYPE…] [NAME…]`,
 * `TYPE/NAME …`, and categories such as `all`.
 */
import type { CommandContext } from './context.ts';
import type { ApiResource } from './rest-mapper.ts';

export interface Target {
  readonly resource: ApiResource;
  /** Empty to select every object of the type. */
  readonly names: string[];
}

/** Resolved targets in argument order, or a complete error message. */
export function resolveTargets(
  ctx: Pick<CommandContext, 'mapper'>,
  args: readonly string[],
): Target[] | string {
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length > 0) {
    if (slashed.length !== args.length) {
      return `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'`;
    }
    const targets: Target[] = [];
    for (const arg of args) {
      const parts = arg.split('/');
      if (parts.length !== 2)
        return 'error: arguments in resource/name form may not have more than one slash';
      const [type = '', name = ''] = parts;
      if (!type || !name || type.split(',').filter(Boolean).length !== 1) {
        return `error: arguments in resource/name form must have a single resource and name`;
      }
      const resource = ctx.mapper.resolve(type);
      if (!resource) return `error: the server doesn't have a resource type "${type}"`;
      const existing = targets.find((t) => t.resource === resource);
      if (existing) existing.names.push(name);
      else targets.push({ resource, names: [name] });
    }
    return targets;
  }
  const [types, ...names] = args;
  const resources: ApiResource[] = [];
  for (const type of types!.split(',')) {
    if (type === '') continue;
    const category = ctx.mapper.category(type.toLowerCase());
    if (category.length > 0 && !ctx.mapper.resolve(type)) {
      resources.push(...category);
      continue;
    }
    const resource = ctx.mapper.resolve(type);
    if (!resource) return `error: the server doesn't have a resource type "${type}"`;
    resources.push(resource);
  }
  if (names.length > 0 && resources.length > 1) {
    return `error: you must specify only one resource type when specifying names`;
  }
  return resources.map((resource) => ({ resource, names: [...names] }));
}
