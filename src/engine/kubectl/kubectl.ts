/**
 * The engine's kubectl: parses a command line, dispatches to the command, and returns
 * what the real kubectl would print. It talks to the API server only through REST calls,
 * like the real one, so each call is traced under the component id `kubectl`.
 */
import { ApiClient } from '../client/api-client.ts';
import type { CommandContext, KubectlHost } from './context.ts';
import { FlagError, parseFlags, type FlagSpec } from './flags.ts';
import { Output } from './output.ts';
import { RestMapper } from './rest-mapper.ts';
import { applyFlags, runApply } from './commands/apply.ts';
import { createFlags, runCreate } from './commands/create.ts';
import { deleteFlags, runDelete } from './commands/delete.ts';
import { describeFlags, runDescribe } from './commands/describe.ts';
import { getFlags, runGet } from './commands/get.ts';
import { labelFlags, runAnnotate, runLabel } from './commands/label.ts';
import { patchFlags, runPatch } from './commands/patch.ts';
import { eventsFlags, runEvents } from './commands/events.ts';
import { execFlags, logsFlags, runExec, runLogs } from './commands/logs-exec.ts';
import { exposeFlags, runExpose } from './commands/expose.ts';
import { explainFlags, runExplain } from './commands/explain.ts';
import {
  cordonFlags,
  drainFlags,
  runCordon,
  runDrain,
  runTaint,
  runUncordon,
  taintFlags,
} from './commands/node-admin.ts';
import { rolloutFlags, runRollout } from './commands/rollout.ts';
import { runFlags, runRun } from './commands/run.ts';
import { runScale, scaleFlags } from './commands/scale.ts';
import { runSet, setFlags } from './commands/set-image.ts';
import { runWait, waitFlags } from './commands/wait-top.ts';
import { runTop, topFlags } from './commands/top.ts';
import {
  apiResourcesFlags,
  apiVersionsFlags,
  clusterInfoFlags,
  runApiResources,
  runApiVersions,
  runClusterInfo,
  runVersion,
  versionFlags,
} from './commands/info.ts';

interface Command {
  readonly flags: FlagSpec[];
  readonly run: (ctx: CommandContext) => void;
}

const commands: Record<string, Command> = {
  get: { flags: getFlags, run: runGet },
  apply: { flags: applyFlags, run: runApply },
  create: { flags: createFlags, run: runCreate },
  delete: { flags: deleteFlags, run: runDelete },
  describe: { flags: describeFlags, run: runDescribe },
  run: { flags: runFlags, run: runRun },
  scale: { flags: scaleFlags, run: runScale },
  set: { flags: setFlags, run: runSet },
  label: { flags: labelFlags, run: runLabel },
  annotate: { flags: labelFlags, run: runAnnotate },
  patch: { flags: patchFlags, run: runPatch },
  rollout: { flags: rolloutFlags, run: runRollout },
  logs: { flags: logsFlags, run: runLogs },
  exec: { flags: execFlags, run: runExec },
  expose: { flags: exposeFlags, run: runExpose },
  cordon: { flags: cordonFlags, run: runCordon },
  uncordon: { flags: cordonFlags, run: runUncordon },
  taint: { flags: taintFlags, run: runTaint },
  drain: { flags: drainFlags, run: runDrain },
  wait: { flags: waitFlags, run: runWait },
  top: { flags: topFlags, run: runTop },
  'api-resources': { flags: apiResourcesFlags, run: runApiResources },
  'api-versions': { flags: apiVersionsFlags, run: runApiVersions },
  events: { flags: eventsFlags, run: runEvents },
  version: { flags: versionFlags, run: runVersion },
  'cluster-info': { flags: clusterInfoFlags, run: runClusterInfo },
  explain: { flags: explainFlags, run: runExplain },
};

/** Real kubectl commands this simulator does not implement yet (answered honestly, not as unknown). */
const notYetSupported = [
  'edit',
  'replace',
  'port-forward',
  'proxy',
  'cp',
  'attach',
  'autoscale',
  'certificate',
  'config',
  'diff',
  'kustomize',
  'auth',
  'debug',
  'plugin',
  'completion',
  'alpha',
];

const globalFlags: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '' },
  { name: 'kubeconfig', type: 'string', default: '' },
  { name: 'context', type: 'string', default: '' },
  { name: 'v', short: 'v', type: 'string', default: '0' },
  { name: 'request-timeout', type: 'string', default: '0' },
  { name: 'help', short: 'h', type: 'bool', default: false },
];

export class Kubectl {
  readonly mapper: RestMapper;

  constructor(private readonly host: KubectlHost) {
    // One mapper per session stands in for kubectl's on-disk discovery cache.
    this.mapper = new RestMapper(host.client);
  }

  /** Runs `kubectl <words…>` (without the leading `kubectl`). */
  run(words: readonly string[], stdin?: string): Output {
    const out = new Output();
    const name = words.find((w) => !w.startsWith('-'));
    if (!name) {
      out.fail('error: a command is required; try "kubectl get pods"');
      return out;
    }
    const command = commands[name];
    if (!command) {
      if (notYetSupported.includes(name)) {
        out.fail(`error: "kubectl ${name}" is not supported by this simulator yet`);
      } else {
        out.fail(unknownCommand(name));
      }
      return out;
    }
    const rest = [...words];
    rest.splice(rest.indexOf(name), 1);
    let parsed;
    try {
      parsed = parseFlags(rest, [...globalFlags, ...command.flags]);
    } catch (e) {
      if (!(e instanceof FlagError)) throw e;
      out.fail(`error: ${e.message}\nSee 'kubectl ${name} --help' for usage.`);
      return out;
    }
    if (parsed.flags.help === true) {
      out.out(
        `Help for "kubectl ${name}" is not included in this simulator; see https://kubernetes.io/docs/reference/kubectl/.\n`,
      );
      return out;
    }
    const namespace =
      typeof parsed.flags.namespace === 'string' && parsed.flags.namespace !== ''
        ? parsed.flags.namespace
        : 'default';
    command.run({
      host: withWarningsTo(this.host, out),
      mapper: this.mapper,
      out,
      args: parsed.args,
      flags: parsed.flags,
      changed: parsed.changed,
      stdin,
      namespace,
      namespaceExplicit: parsed.changed.has('namespace'),
    });
    return out;
  }
}

/** kubectl's commands in its registration order, which cobra keeps for suggestions. */
const allCommandNames = [
  'create',
  'expose',
  'run',
  'set',
  'explain',
  'get',
  'edit',
  'delete',
  'rollout',
  'scale',
  'autoscale',
  'certificate',
  'cluster-info',
  'top',
  'cordon',
  'uncordon',
  'drain',
  'taint',
  'describe',
  'logs',
  'attach',
  'exec',
  'port-forward',
  'proxy',
  'cp',
  'auth',
  'debug',
  'events',
  'diff',
  'apply',
  'patch',
  'replace',
  'wait',
  'kustomize',
  'label',
  'annotate',
  'completion',
  'alpha',
  'api-resources',
  'api-versions',
  'config',
  'plugin',
  'version',
];

/** cobra's message for an unknown command, with its "Did you mean this?" suggestions. */
function unknownCommand(name: string): string {
  const suggestions = allCommandNames.filter(
    (c) => levenshtein(c, name) <= 2 || c.startsWith(name.toLowerCase()),
  );
  const hint = suggestions.length
    ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}`).join('\n')}\n`
    : '';
  return `error: unknown command "${name}" for "kubectl"${hint}`;
}

function levenshtein(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
    }
  }
  return d[a.length]![b.length]!;
}

/** `299 - "text"` values of a Warning header, as client-go's warning handler reads them. */
export function warningTexts(header: string | undefined): string[] {
  if (!header) return [];
  return [...header.matchAll(/299 - "((?:[^"\\]|\\.)*)"/g)].map((m) => JSON.parse(`"${m[1]!}"`) as string);
}

/**
 * The host as one command sees it: responses' Warning headers go to stderr as `Warning: …`
 * lines as they arrive, each once, as kubectl's deduplicating warning writer prints them.
 */
function withWarningsTo(host: KubectlHost, out: Output): KubectlHost {
  const seen = new Set<string>();
  const transport = host.client.transport;
  const client = new ApiClient(
    {
      handle: (request, context) => {
        const response = transport.handle(request, context);
        for (const text of warningTexts(response.headers.warning)) {
          if (seen.has(text)) continue;
          seen.add(text);
          out.err(`Warning: ${text}\n`);
        }
        return response;
      },
      watch: (request, context, sink) => transport.watch(request, context, sink),
    },
    host.client.client,
  );
  return Object.assign(Object.create(host) as KubectlHost, { client });
}
