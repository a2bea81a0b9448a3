/** `kubectl wait --for=condition=…|delete` on the virtual clock. */
import type { KubeObject } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import { bool, str, type CommandContext } from '../context.ts';
import type { FlagSpec } from '../flags.ts';
import { fetchObjects, objectName, reportErrors, type NamedObject } from '../mutate.ts';
import { resourceWithGroup } from '../rest-mapper.ts';

export const waitFlags: FlagSpec[] = [
  { name: 'for', type: 'string', default: '' },
  { name: 'timeout', type: 'string', default: '30s' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
];

function durationMs(text: string): number | undefined {
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text)
    return /^\d+$/.test(text) ? Number(text) * 1000 : undefined;
  const unit = { ms: 1, s: 1000, m: 60000, h: 3600000 };
  return parts.reduce((sum, p) => sum + Number(p[1]) * unit[p[2] as keyof typeof unit], 0);
}

interface Condition {
  type?: string;
  status?: string;
  observedGeneration?: number;
}

function conditionMet(object: KubeObject, type: string, value: string): boolean {
  const status = (object as { status?: { conditions?: Condition[]; observedGeneration?: number } }).status;
  const condition = (status?.conditions ?? []).find(
    (c) => (c.type ?? '').toLowerCase() === type.toLowerCase(),
  );
  if (!condition) return false;
  // A condition about an older generation of the spec does not count yet.
  const generation = object.metadata.generation;
  const observed = condition.observedGeneration ?? status?.observedGeneration;
  if (generation !== undefined && observed !== undefined && observed < generation) return false;
  return (condition.status ?? '').toLowerCase() === value.toLowerCase();
}

export function runWait(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const forText = str(flags, 'for');
  let check: (current: KubeObject | undefined, original: NamedObject) => boolean;
  if (forText === 'delete') {
    check = (current, original) => !current || current.metadata.uid !== original.object.metadata.uid;
  } else if (forText.toLowerCase().startsWith('condition=')) {
    const spec = forText.slice('condition='.length);
    const eq = spec.indexOf('=');
    const type = eq >= 0 ? spec.slice(0, eq) : spec;
    const value = eq >= 0 ? spec.slice(eq + 1) : 'true';
    check = (current) => current !== undefined && conditionMet(current, type, value);
  } else if (forText.startsWith('jsonpath=') || forText.startsWith('create')) {
    return out.fail(
      `error: "kubectl wait --for=${forText.split('=')[0]!}" is not supported by this simulator yet`,
    );
  } else {
    return out.fail(`error: unrecognized condition: "${forText}"`);
  }
  const timeout = durationMs(str(flags, 'timeout'));
  if (timeout === undefined) {
    return out.fail(
      `error: invalid argument "${str(flags, 'timeout')}" for "--timeout" flag: time: invalid duration "${str(flags, 'timeout')}"`,
    );
  }
  if (ctx.args.length === 0) {
    return out.fail(`error: resource(s) were provided, but no name was specified`);
  }
  const fetched = fetchObjects(ctx, ctx.args, str(flags, 'selector'));
  if ('fatal' in fetched) return out.fail(fetched.fatal);
  if (fetched.errors.length > 0 && forText !== 'delete') return reportErrors(ctx, fetched.errors);
  if (fetched.objects.length === 0 && fetched.errors.length === 0) {
    return out.fail('error: no matching resources found');
  }
  for (const target of fetched.objects) {
    const read = (): KubeObject | undefined => {
      const res = ctx.host.client.request({
        method: 'GET',
        path: resourcePath(target.resource, target.namespace, target.object.metadata.name),
      });
      return res.status === 200 ? (res.body as KubeObject) : undefined;
    };
    const met = check(read(), target) || ctx.host.waitUntil(() => check(read(), target), timeout);
    if (met) out.out(`${objectName(target)} condition met\n`);
    else {
      out.fail(
        `error: timed out waiting for the condition on ${resourceWithGroup(target.resource)}/${target.object.metadata.name ?? ''}`,
      );
      return;
    }
  }
  if (bool(flags, 'all') && fetched.objects.length === 0) out.fail('error: no matching resources found');
}
