/**
 * `kubectl delete`: by type and name, by -f, by -l or --all; cascading as --cascade says,
 * then waiting (on the virtual clock) until the objects are really gone.
 */
import type { KubeObject } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { Status } from '../../apiserver/status.ts';
import { bool, str, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import { readFileArgs } from '../file-source.ts';
import type { FlagSpec } from '../flags.ts';
import { targetForDocument } from '../object-target.ts';
import { kindWithGroup, type ApiResource } from '../rest-mapper.ts';
import { resolveTargets } from '../targets.ts';
import { dryRunSuffix, parseDryRun } from './write-options.ts';
import { parseDuration } from '../../time/duration.ts';

export const deleteFlags: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'field-selector', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'cascade', type: 'string', default: 'background' },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'now', type: 'bool', default: false },
  { name: 'force', type: 'bool', default: false },
  { name: 'wait', type: 'bool', default: true },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'ignore-not-found', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'dry-run', type: 'string', default: 'none' },
];

/** How long kubectl waits when --timeout is 0 ("a week", in kubectl's words); capped for the simulation. */
const DEFAULT_WAIT_MS = 10 * 60 * 1000;

interface Victim {
  readonly resource: ApiResource;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly source?: string;
}

export function runDelete(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const cascade = cascadePolicy(str(flags, 'cascade'));
  if (!cascade) {
    return out.fail(
      `error: invalid cascade value (${str(flags, 'cascade')}). Must be "background", "foreground", or "orphan".`,
    );
  }
  const dryRun = parseDryRun(ctx);
  if (typeof dryRun === 'object') return out.fail(dryRun.error);
  let grace = Number(flags['grace-period']);
  if (bool(flags, 'now')) grace = 1;
  const force = bool(flags, 'force');
  if (force && grace < 0) grace = 0;
  if (force && grace === 0) {
    out.err(
      'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
    );
  }

  const failures: string[] = [];
  const victims: Victim[] = [];
  const selector = str(flags, 'selector');
  const fieldSelector = str(flags, 'field-selector');
  const files = flags.filename as string[];
  if (files.length > 0) {
    const { documents, errors } = readFileArgs(ctx);
    failures.push(...errors.map((e) => `error: ${e}`));
    for (const doc of documents) {
      const t = targetForDocument(ctx, doc);
      if (typeof t === 'string') failures.push(`error: ${t}`);
      else victims.push({ resource: t.resource, namespace: t.namespace, name: t.name, source: doc.source });
    }
  } else {
    if (ctx.args.length === 0) {
      return out.fail(
        `error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   --filename=rsrc.json'\n   'pods my-pod'\n   'services'`,
      );
    }
    const targets = resolveTargets(ctx, ctx.args);
    if (typeof targets === 'string') return out.fail(targets);
    const byName = targets.some((t) => t.names.length > 0);
    if (!byName && !selector && !fieldSelector && !bool(flags, 'all')) {
      return out.fail(`error: resource(s) were provided, but no name was specified`);
    }
    for (const t of targets) {
      const ns = t.resource.namespaced
        ? bool(flags, 'all-namespaces')
          ? undefined
          : ctx.namespace
        : undefined;
      if (t.names.length > 0) {
        for (const name of t.names) victims.push({ resource: t.resource, namespace: ns, name });
        continue;
      }
      const query: Record<string, string> = {};
      if (selector) query.labelSelector = selector;
      if (fieldSelector) query.fieldSelector = fieldSelector;
      const res = ctx.host.client.request({ method: 'GET', path: resourcePath(t.resource, ns), query });
      if (res.status >= 400) {
        failures.push(apiErrorMessage(res.body as Status));
        continue;
      }
      for (const item of (res.body as { items: KubeObject[] }).items) {
        victims.push({
          resource: t.resource,
          namespace: item.metadata.namespace,
          name: item.metadata.name ?? '',
        });
      }
    }
    if (victims.length === 0 && failures.length === 0) {
      const namespaced = targets.some((t) => t.resource.namespaced) && !bool(flags, 'all-namespaces');
      out.err(namespaced ? `No resources found in ${ctx.namespace} namespace.\n` : 'No resources found\n');
      return;
    }
  }

  const deleted: { victim: Victim; uid: string | undefined }[] = [];
  for (const victim of victims) {
    const { resource, namespace, name } = victim;
    const body: Record<string, unknown> = {
      kind: 'DeleteOptions',
      apiVersion: 'v1',
      propagationPolicy: cascade,
    };
    if (grace >= 0) body.gracePeriodSeconds = grace;
    const query: Record<string, string> = {};
    if (dryRun === 'server') query.dryRun = 'All';
    if (dryRun === 'client') {
      out.out(`${kindWithGroup(resource)} "${name}" deleted${where(victim)}${dryRunSuffix(dryRun)}\n`);
      continue;
    }
    const res = ctx.host.client.request({
      method: 'DELETE',
      path: resourcePath(resource, namespace, name),
      query,
      body,
    });
    if (res.status >= 400) {
      if (res.status === 404 && bool(flags, 'ignore-not-found')) continue;
      failures.push(
        apiErrorMessage(
          res.body as Status,
          victim.source ? { verb: 'deleting', source: victim.source } : undefined,
        ),
      );
      continue;
    }
    const verb = force && grace === 0 ? 'force deleted' : 'deleted';
    if (str(flags, 'output') === 'name') out.out(`${kindWithGroup(resource)}/${name}\n`);
    else out.out(`${kindWithGroup(resource)} "${name}" ${verb}${where(victim)}${dryRunSuffix(dryRun)}\n`);
    const uid = (res.body as { metadata?: { uid?: string }; details?: { uid?: string } }).metadata?.uid;
    deleted.push({ victim, uid });
  }

  if (bool(flags, 'wait') && dryRun === 'none' && deleted.length > 0) {
    const timeout = parseDuration(str(flags, 'timeout')) || DEFAULT_WAIT_MS;
    const gone = () => deleted.every(({ victim }) => isGone(ctx, victim));
    if (!ctx.host.waitUntil(gone, timeout)) {
      for (const { victim } of deleted) {
        if (!isGone(ctx, victim))
          failures.push(
            `error: timed out waiting for the condition on ${victim.resource.name}/${victim.name}`,
          );
      }
    }
  }
  for (const f of failures) out.fail(f);
}

function where(victim: Victim): string {
  return victim.resource.namespaced && victim.namespace ? ` from ${victim.namespace} namespace` : '';
}

function isGone(ctx: CommandContext, victim: Victim): boolean {
  // Reads the store directly: polling through the API would flood the trace while waiting.
  return ctx.host.exists ? !ctx.host.exists(victim.resource, victim.namespace, victim.name) : true;
}

function cascadePolicy(value: string): 'Background' | 'Foreground' | 'Orphan' | undefined {
  switch (value) {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      return undefined;
  }
}
