/** `kubectl logs` and `kubectl exec`, through the pods/log and pods/exec subresources. */
import { isBareShell, shellScriptCommand } from '../../node/shell-stdin.ts';
import type { KubeObject } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { Status } from '../../apiserver/status.ts';
import { bool, str, type CommandContext } from '../context.ts';
import { formatSelector } from '../describe/workloads.ts';
import { apiErrorMessage } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';

export const logsFlags: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string', default: '' },
  { name: 'previous', short: 'p', type: 'bool', default: false },
  { name: 'tail', type: 'int', default: -1 },
  { name: 'timestamps', type: 'bool', default: false },
  { name: 'follow', short: 'f', type: 'bool', default: false },
  { name: 'all-containers', type: 'bool', default: false },
  { name: 'selector', short: 'l', type: 'string', default: '' },
];

export const execFlags: FlagSpec[] = [
  { name: 'container', short: 'c', type: 'string', default: '' },
  { name: 'stdin', short: 'i', type: 'bool', default: false },
  { name: 'tty', short: 't', type: 'bool', default: false },
  { name: 'quiet', short: 'q', type: 'bool', default: false },
];

const podsResource = { group: '', version: 'v1', plural: 'pods', namespaced: true };

interface Spec {
  containers?: { name: string }[];
}

/** Resolves POD, pod/NAME or TYPE/NAME (a workload: one of its pods) to a pod, or an error text. */
function findPod(ctx: CommandContext, arg: string): { pod: KubeObject } | { error: string } {
  let type = 'pod';
  let name = arg;
  if (arg.includes('/')) [type, name] = [arg.slice(0, arg.indexOf('/')), arg.slice(arg.indexOf('/') + 1)];
  const resource = ctx.mapper.resolve(type);
  if (!resource) return { error: `error: the server doesn't have a resource type "${type}"` };
  const res = ctx.host.client.request({ method: 'GET', path: resourcePath(resource, ctx.namespace, name) });
  if (res.status >= 400) return { error: apiErrorMessage(res.body as Status) };
  const object = res.body as KubeObject;
  if (object.kind === 'Pod') return { pod: object };
  const selector = formatSelector(
    ((object as { spec?: { selector?: Record<string, never> } }).spec?.selector ?? {}) as never,
  );
  const list = ctx.host.client.request({
    method: 'GET',
    path: resourcePath(podsResource, ctx.namespace),
    query: { labelSelector: selector },
  });
  const pods = list.status === 200 ? (list.body as { items: KubeObject[] }).items : [];
  if (pods.length === 0) return { error: `error: timed out waiting for the condition` };
  if (pods.length > 1) ctx.out.err(`Found ${pods.length} pods, using pod/${pods[0]!.metadata.name ?? ''}\n`);
  return { pod: pods[0]! };
}

/** kubectl's default container choice, with its notice on stderr. */
function defaultContainer(ctx: CommandContext, pod: KubeObject): string {
  const names = ((pod as { spec?: Spec }).spec?.containers ?? []).map((c) => c.name);
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  const chosen = annotated && names.includes(annotated) ? annotated : (names[0] ?? '');
  if (names.length > 1 && !annotated) {
    ctx.out.err(`Defaulted container "${chosen}" out of: ${names.join(', ')}\n`);
  }
  return chosen;
}

export function runLogs(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const target = ctx.args[0];
  if (!target) {
    return out.fail(
      `error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples`,
    );
  }
  const found = findPod(ctx, target);
  if ('error' in found) return out.fail(found.error);
  const container = str(flags, 'container') || ctx.args[1] || defaultContainer(ctx, found.pod);
  const query: Record<string, string> = { container };
  if (bool(flags, 'previous')) query.previous = 'true';
  if ((flags.tail as number) >= 0) query.tailLines = String(flags.tail);
  if (bool(flags, 'timestamps')) query.timestamps = 'true';
  const res = ctx.host.client.request({
    method: 'GET',
    path: resourcePath(podsResource, ctx.namespace, found.pod.metadata.name, 'log'),
    query,
  });
  if (res.status >= 400) return out.fail(apiErrorMessage(res.body as Status));
  out.out(typeof res.body === 'string' ? res.body : '');
}

export function runExec(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const [target, ...command] = ctx.args;
  if (!target) {
    return out.fail(
      `error: pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples`,
    );
  }
  if (command.length === 0) return out.fail('error: you must specify at least one command for the container');
  const found = findPod(ctx, target);
  if ('error' in found) return out.fail(found.error);
  const phase = (found.pod as { status?: { phase?: string } }).status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') {
    return out.fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}`);
  }
  const container = str(flags, 'container') || defaultContainer(ctx, found.pod);
  const script = bool(flags, 'stdin') && ctx.stdin !== undefined && isBareShell(command);
  const run = script ? shellScriptCommand(command, ctx.stdin!) : command;
  const res = ctx.host.client.request({
    method: 'POST',
    path: resourcePath(podsResource, ctx.namespace, found.pod.metadata.name, 'exec'),
    query: { command: run.join('\u0000'), container, stdout: 'true', stderr: 'true' },
  });
  if (res.status >= 400) return out.fail(apiErrorMessage(res.body as Status));
  const result = res.body as { stdout: string; stderr: string; exitCode: number };
  out.out(result.stdout);
  out.err(result.stderr);
  if (result.exitCode !== 0)
    out.fail(`command terminated with exit code ${result.exitCode}`, result.exitCode);
}
