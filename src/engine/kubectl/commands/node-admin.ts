/** `kubectl cordon|uncordon|taint|drain` (kubectl's drain helper and taint command). */
import { parseDuration } from '../../time/duration.ts';
import type { KubeObject } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { Status } from '../../apiserver/status.ts';
import { bool, str, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';
import { fetchObjects, objectName, patchObject, reportErrors, type NamedObject } from '../mutate.ts';
import { writeFlags } from './write-options.ts';

export const cordonFlags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '' },
  ...writeFlags,
];

export const taintFlags: FlagSpec[] = [
  { name: 'overwrite', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
  ...writeFlags,
];

export const drainFlags: FlagSpec[] = [
  { name: 'ignore-daemonsets', type: 'bool', default: false },
  { name: 'force', type: 'bool', default: false },
  { name: 'delete-emptydir-data', type: 'bool', default: false },
  { name: 'grace-period', type: 'int', default: -1 },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'disable-eviction', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'pod-selector', type: 'string', default: '' },
  ...writeFlags,
];

const podsResource = { group: '', version: 'v1', plural: 'pods', namespaced: true };

function nodesFrom(ctx: CommandContext, verb: string): NamedObject[] | undefined {
  if (ctx.args.length === 0 && !str(ctx.flags, 'selector')) {
    ctx.out.fail(`error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples`);
    return undefined;
  }
  const fetched = fetchObjects(ctx, ['nodes', ...ctx.args], str(ctx.flags, 'selector'));
  if ('fatal' in fetched) {
    ctx.out.fail(fetched.fatal);
    return undefined;
  }
  reportErrors(ctx, fetched.errors);
  return fetched.objects;
}

function setUnschedulable(ctx: CommandContext, node: NamedObject, desired: boolean): boolean {
  const current = (node.object as { spec?: { unschedulable?: boolean } }).spec?.unschedulable === true;
  const verb = desired ? 'cordoned' : 'uncordoned';
  if (current === desired) {
    ctx.out.out(`${objectName(node)} already ${verb}\n`);
    return true;
  }
  if (str(ctx.flags, 'dry-run') !== 'client') {
    const result = patchObject(
      ctx,
      node,
      'strategic',
      { spec: { unschedulable: desired ? true : null } },
      undefined,
      'kubectl-cordon',
    );
    if (typeof result === 'string') {
      reportErrors(ctx, [result]);
      return false;
    }
  }
  ctx.out.out(`${objectName(node)} ${verb}${str(ctx.flags, 'dry-run') === 'client' ? ' (dry run)' : ''}\n`);
  return true;
}

export function runCordon(ctx: CommandContext): void {
  for (const node of nodesFrom(ctx, 'cordon') ?? []) setUnschedulable(ctx, node, true);
}

export function runUncordon(ctx: CommandContext): void {
  for (const node of nodesFrom(ctx, 'uncordon') ?? []) setUnschedulable(ctx, node, false);
}

interface Taint {
  key: string;
  value?: string;
  effect: string;
}

const effects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function runTaint(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const [type, ...rest] = ctx.args;
  const specs = rest.filter((a) => a.includes(':') || a.includes('=') || a.endsWith('-'));
  const names = rest.filter((a) => !specs.includes(a));
  if (specs.length === 0) return out.fail('error: at least one taint update is required');
  const add: Taint[] = [];
  const remove: { key: string; effect?: string }[] = [];
  for (const spec of specs) {
    if (spec.endsWith('-')) {
      const body = spec.slice(0, -1);
      const [keyValue, effect] = body.split(':');
      // `key=value:Effect-` removes by key and effect; the value is not compared.
      const key = keyValue!.split('=')[0]!;
      remove.push(effect ? { key, effect } : { key });
      continue;
    }
    const colon = spec.lastIndexOf(':');
    const effect = colon >= 0 ? spec.slice(colon + 1) : '';
    const kv = colon >= 0 ? spec.slice(0, colon) : spec;
    if (!effects.includes(effect)) {
      return out.fail(
        `error: invalid taint effect: ${effect}, unsupported taint effect\nSee 'kubectl taint -h' for help and examples`,
      );
    }
    const eq = kv.indexOf('=');
    add.push(eq >= 0 ? { key: kv.slice(0, eq), value: kv.slice(eq + 1), effect } : { key: kv, effect });
  }
  if (
    !type ||
    (type !== 'node' &&
      type !== 'nodes' &&
      type !== 'no' &&
      !type.startsWith('node/') &&
      !type.startsWith('nodes/'))
  ) {
    return out.fail(`error: invalid resource type ${type ?? ''}, only node types are supported`);
  }
  const fetched = fetchObjects(ctx, [type, ...names], str(flags, 'selector'));
  if ('fatal' in fetched) return out.fail(fetched.fatal);
  const errors = [...fetched.errors];
  for (const node of fetched.objects) {
    const name = node.object.metadata.name ?? '';
    const old = ((node.object as { spec?: { taints?: Taint[] } }).spec?.taints ?? []).map((t) => ({ ...t }));
    if (!bool(flags, 'overwrite')) {
      const clash = add.find((t) => old.some((o) => o.key === t.key && o.effect === t.effect));
      if (clash) {
        errors.push(
          `Node '${name}' already has a taint with key (${clash.key}) and effect (${clash.effect}), and --overwrite is false`,
        );
        continue;
      }
    }
    let taints = old.filter((o) => !add.some((t) => t.key === o.key && t.effect === o.effect));
    const replaced = taints.length !== old.length;
    const missing = remove.find(
      (r) => !taints.some((o) => o.key === r.key && (!r.effect || o.effect === r.effect)),
    );
    if (missing) {
      errors.push(`taint "${missing.key}${missing.effect ? `:${missing.effect}` : ''}" not found`);
      continue;
    }
    taints = taints.filter(
      (o) => !remove.some((r) => r.key === o.key && (!r.effect || o.effect === r.effect)),
    );
    taints.push(...add);
    const operation = replaced ? 'modified' : remove.length > 0 && add.length === 0 ? 'untainted' : 'tainted';
    if (str(flags, 'dry-run') !== 'client') {
      const result = patchObject(
        ctx,
        node,
        'strategic',
        { spec: { taints: taints.length ? taints : null } },
        undefined,
        'kubectl-taint',
      );
      if (typeof result === 'string') {
        errors.push(result);
        continue;
      }
    }
    out.out(`${objectName(node)} ${operation}\n`);
  }
  reportErrors(ctx, errors);
}

interface PodShape {
  metadata: KubeObject['metadata'];
  spec?: { volumes?: { emptyDir?: unknown }[] };
  status?: { phase?: string };
}

function podKey(p: PodShape): string {
  return `${p.metadata.namespace ?? ''}/${p.metadata.name ?? ''}`;
}

export function runDrain(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const nodes = nodesFrom(ctx, 'drain');
  if (!nodes) return;
  for (const node of nodes) {
    if (!setUnschedulable(ctx, node, true)) continue;
    const name = node.object.metadata.name ?? '';
    const res = ctx.host.client.request({
      method: 'GET',
      path: '/api/v1/pods',
      query: {
        fieldSelector: `spec.nodeName=${name}`,
        ...(str(flags, 'pod-selector') ? { labelSelector: str(flags, 'pod-selector') } : {}),
      },
    });
    if (res.status >= 400) {
      out.fail(apiErrorMessage(res.body as Status));
      continue;
    }
    const pods = (res.body as { items: PodShape[] }).items;
    // kubectl's drain filters, in order; the first that refuses or skips a pod decides for it.
    const problems = new Map<string, string[]>();
    const warnings = new Map<string, string[]>();
    const note = (into: Map<string, string[]>, message: string, pod: PodShape): void => {
      into.set(message, [...(into.get(message) ?? []), podKey(pod)]);
    };
    const toEvict: PodShape[] = [];
    for (const pod of pods) {
      const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
      const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
      if (owner?.kind === 'DaemonSet') {
        if (bool(flags, 'ignore-daemonsets')) note(warnings, 'ignoring DaemonSet-managed Pods', pod);
        else note(problems, 'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore)', pod);
        continue;
      }
      if (pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) continue;
      if (!finished && (pod.spec?.volumes ?? []).some((v) => v.emptyDir !== undefined)) {
        if (!bool(flags, 'delete-emptydir-data')) {
          note(
            problems,
            'cannot delete Pods with local storage (use --delete-emptydir-data to override)',
            pod,
          );
          continue;
        }
        note(warnings, 'deleting Pods with local storage', pod);
      }
      if (!finished && !owner) {
        if (!bool(flags, 'force')) {
          note(problems, 'cannot delete Pods that declare no controller (use --force to override)', pod);
          continue;
        }
        note(warnings, 'deleting Pods that declare no controller', pod);
      }
      toEvict.push(pod);
    }
    if (problems.size > 0) {
      const lines = [...problems].map(([message, keys]) => `${message}: ${keys.join(', ')}`).sort();
      const joined = lines.length === 1 ? lines[0]! : `[${lines.join(', ')}]`;
      out.fail(
        `error: unable to drain node "${name}" due to error: ${joined}, continuing command...\nThere are pending nodes to be drained:\n ${name}\n${lines.join('\n')}`,
      );
      continue;
    }
    if (warnings.size > 0) {
      const text = [...warnings].map(([message, keys]) => `${message}: ${keys.join(', ')}`).join('; ');
      out.err(`Warning: ${text}\n`);
    }
    if (str(flags, 'dry-run') === 'client') {
      for (const pod of toEvict) out.out(`evicting pod ${podKey(pod)} (dry run)\n`);
      out.out(`${objectName(node)} drained (dry run)\n`);
      continue;
    }
    const gone: PodShape[] = [];
    for (const pod of toEvict) {
      out.out(`evicting pod ${podKey(pod)}\n`);
      if (evict(ctx, pod)) gone.push(pod);
    }
    const stillThere = (p: PodShape): boolean => {
      const r = ctx.host.client.request({
        method: 'GET',
        path: resourcePath(podsResource, p.metadata.namespace, p.metadata.name),
      });
      return r.status === 200 && (r.body as KubeObject).metadata.uid === p.metadata.uid;
    };
    ctx.host.waitUntil(() => gone.every((p) => !stillThere(p)), 5 * 60 * 1000);
    for (const pod of gone) out.out(`pod/${pod.metadata.name ?? ''} evicted\n`);
    out.out(`${objectName(node)} drained\n`);
  }
}

const EVICTION_RETRY_MS = 5_000;
/** Without --timeout, a drain waits on a budget this long before giving up (kubectl waits for ever). */
const EVICTION_PATIENCE_MS = 5 * 60 * 1000;

/** Evicts through pods/eviction; where the simulator does not serve it, deletes as kubectl's fallback does. */
function evict(ctx: CommandContext, pod: PodShape): boolean {
  const grace = ctx.flags['grace-period'] as number;
  const path = resourcePath(podsResource, pod.metadata.namespace, pod.metadata.name, 'eviction');
  const body = {
    apiVersion: 'policy/v1',
    kind: 'Eviction',
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace },
    ...(grace >= 0 ? { deleteOptions: { gracePeriodSeconds: grace } } : {}),
  };
  const evictOnce = () => ctx.host.client.request({ method: 'POST', path, body });
  let res = bool(ctx.flags, 'disable-eviction') ? undefined : evictOnce();
  // A budget that allows no disruption now answers 429: kubectl tries again every 5 seconds.
  const deadline = ctx.host.now() + (parseDuration(str(ctx.flags, 'timeout')) || EVICTION_PATIENCE_MS);
  while (res?.status === 429 && ctx.host.now() < deadline) {
    ctx.out.err(
      `error when evicting pods/"${pod.metadata.name ?? ''}" -n "${pod.metadata.namespace ?? ''}" (will retry after 5s): ${(res.body as Status).message ?? ''}\n`,
    );
    ctx.host.runFor(EVICTION_RETRY_MS);
    res = evictOnce();
  }
  if (!res || res.status === 405 || res.status === 404) {
    res = ctx.host.client.request({
      method: 'DELETE',
      path: resourcePath(podsResource, pod.metadata.namespace, pod.metadata.name),
      ...(grace >= 0 ? { body: { kind: 'DeleteOptions', apiVersion: 'v1', gracePeriodSeconds: grace } } : {}),
    });
  }
  if (res.status >= 400) {
    ctx.out.fail(
      `error when evicting pods/"${pod.metadata.name ?? ''}" -n "${pod.metadata.namespace ?? ''}": ${apiErrorMessage(res.body as Status)}`,
    );
    return false;
  }
  return true;
}
