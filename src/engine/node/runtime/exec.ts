/**
 * Commands run with `kubectl exec` in a running container: the environment the kubelet
 * gave it, its hostname, and the files of its mounted ConfigMaps and Secrets.
 */
import { decodeBase64 } from './base64.ts';
import { builtinResources } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { ApiError, type ApiClient } from '../../client/api-client.ts';
import type { ExecResult } from '../kubelet-api.ts';
import { tokenize } from './shell.ts';
import { statusErrors, type Status } from '../../apiserver/status.ts';
import { fnv1a32 } from '../../time/rng.ts';

const KNOWN_PROGRAMS = new Set([
  'sh',
  'bash',
  'ash',
  'env',
  'printenv',
  'hostname',
  'echo',
  'true',
  'false',
  'pwd',
  'whoami',
  'cat',
  'ls',
  'grep',
  'head',
  'tail',
  'wc',
  'sort',
]);

const CONFIGMAPS = builtinResources.find((r) => r.group === '' && r.plural === 'configmaps')!;
const SECRETS = builtinResources.find((r) => r.group === '' && r.plural === 'secrets')!;

interface Container {
  name: string;
  env?: { name: string; value?: string }[];
  volumeMounts?: { name: string; mountPath: string }[];
}

interface KeyToPath {
  key: string;
  path: string;
}

interface ProjectedSource {
  serviceAccountToken?: { path: string };
  configMap?: { name: string; items?: KeyToPath[] };
  secret?: { name: string; items?: KeyToPath[] };
  downwardAPI?: { items?: { path: string; fieldRef?: { fieldPath: string } }[] };
}

interface Volume {
  name: string;
  configMap?: { name: string; items?: KeyToPath[] };
  secret?: { secretName: string; items?: KeyToPath[] };
  projected?: { sources?: ProjectedSource[] };
}

export function runExec(
  api: ApiClient,
  pod: KubeObject,
  containerName: string,
  command: readonly string[],
  env?: readonly string[],
): ExecResult | Status {
  const first = command[0] ?? '';
  const name = first.split('/').pop() ?? first;
  if (!KNOWN_PROGRAMS.has(name)) {
    // containerd cannot start the process: the kubelet answers with an internal error.
    const execId = [0, 1, 2, 3, 4, 5, 6, 7]
      .map((i) =>
        fnv1a32(`${pod.metadata.uid ?? ''}/${command.join(' ')}/${i}`)
          .toString(16)
          .padStart(8, '0'),
      )
      .join('');
    return statusErrors.internal(
      `error executing command in container: failed to exec in container: failed to start exec "${execId}": ` +
        `OCI runtime exec failed: exec failed: unable to start container process: exec: "${first}": executable file not found in $PATH: unknown`,
    );
  }
  const spec = (pod.spec ?? {}) as {
    containers?: Container[];
    initContainers?: Container[];
    volumes?: Volume[];
  };
  const container = [...(spec.containers ?? []), ...(spec.initContainers ?? [])].find(
    (c) => c.name === containerName,
  );
  const ctx: Ctx = { api, pod, container, volumes: spec.volumes ?? [], ...(env ? { env } : {}) };
  const [program = '', ...args] = command;
  const base = program.split('/').pop() ?? program;
  if (['sh', 'bash', 'ash'].includes(base)) {
    const c = args.indexOf('-c');
    if (c < 0) return { stdout: '', stderr: '', exitCode: 0 };
    return runScript(ctx, args[c + 1] ?? '');
  }
  return runOne(ctx, command);
}

interface Ctx {
  readonly api: ApiClient;
  readonly pod: KubeObject;
  readonly container: Container | undefined;
  readonly volumes: readonly Volume[];
  /** The environment the container started with. */
  readonly env?: readonly string[];
}

function runScript(ctx: Ctx, script: string): ExecResult {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  let words: string[] = [];
  let skip = false;
  const flush = (): boolean => {
    if (words.length && !skip) {
      const r = runPipeline(ctx, words);
      stdout += r.stdout;
      stderr += r.stderr;
      exitCode = r.exitCode;
      if (words[0] === 'exit') return false;
    }
    words = [];
    return true;
  };
  for (const t of tokenize(script)) {
    if (t === ';' || t === '&&' || t === '||') {
      if (!flush()) return { stdout, stderr, exitCode };
      skip = t === '&&' ? exitCode !== 0 : t === '||' ? exitCode === 0 : false;
    } else words.push(t);
  }
  flush();
  return { stdout, stderr, exitCode };
}

/** `a | b | c`: each stage reads the previous one's output; the last one's status counts. */
function runPipeline(ctx: Ctx, words: readonly string[]): ExecResult {
  const stages: string[][] = [[]];
  for (const w of words) {
    if (w === '|') stages.push([]);
    else stages[stages.length - 1]!.push(w);
  }
  let input: string | undefined;
  let stderr = '';
  let last: ExecResult = { stdout: '', stderr: '', exitCode: 0 };
  for (const stage of stages) {
    last = runOne(ctx, stage, input);
    stderr += last.stderr;
    input = last.stdout;
  }
  return { stdout: last.stdout, stderr, exitCode: last.exitCode };
}

function environment(ctx: Ctx): readonly string[] {
  return ctx.env ?? [`HOSTNAME=${ctx.pod.metadata.name ?? ''}`];
}

function runOne(ctx: Ctx, argv: readonly string[], stdin?: string): ExecResult {
  const [program = '', ...args] = argv;
  const ok = (stdout: string): ExecResult => ({ stdout, stderr: '', exitCode: 0 });
  const podName = ctx.pod.metadata.name ?? '';
  switch (program.split('/').pop()) {
    case 'env':
    case 'printenv':
      if (args.length) {
        const values = args.map((a) =>
          environment(ctx)
            .find((e) => e.startsWith(`${a}=`))
            ?.slice(a.length + 1),
        );
        return {
          stdout: values
            .filter((v) => v !== undefined)
            .map((v) => `${v}\n`)
            .join(''),
          stderr: '',
          exitCode: values.every((v) => v !== undefined) ? 0 : 1,
        };
      }
      return ok(
        environment(ctx)
          .map((e) => `${e}\n`)
          .join(''),
      );
    case 'hostname':
      return ok(`${podName}\n`);
    case 'echo':
      return ok(`${args.join(' ')}\n`);
    case 'true':
      return ok('');
    case 'false':
      return { stdout: '', stderr: '', exitCode: 1 };
    case 'exit':
      return { stdout: '', stderr: '', exitCode: Number(args[0] ?? 0) & 255 };
    case 'pwd':
      return ok('/\n');
    case 'whoami':
      return ok('root\n');
    case 'cat':
      return args.length === 0 && stdin !== undefined ? ok(stdin) : cat(ctx, args);
    case 'grep':
    case 'head':
    case 'tail':
    case 'wc':
    case 'sort':
      return filterText(program.split('/').pop()!, args, stdin ?? '');
    case 'ls':
      return ls(
        ctx,
        args.filter((a) => !a.startsWith('-')),
      );
    default:
      return { stdout: '', stderr: `sh: ${program}: not found\n`, exitCode: 127 };
  }
}

/** A ConfigMap's or Secret's keys as files: every key, or with `items` only those, at their paths. */
function keysToPaths(
  data: Record<string, string>,
  items: readonly KeyToPath[] | undefined,
): Map<string, string> {
  if (!items) return new Map(Object.entries(data));
  return new Map(items.filter((i) => i.key in data).map((i) => [i.path, data[i.key]!]));
}

/** The files of the volume mounted at `dir`, or undefined when nothing is mounted there. */
function mountedFiles(ctx: Ctx, dir: string): Map<string, string> | undefined {
  const clean = dir.replace(/\/+$/, '');
  const mount = ctx.container?.volumeMounts?.find((m) => m.mountPath.replace(/\/+$/, '') === clean);
  const volume = mount && ctx.volumes.find((v) => v.name === mount.name);
  if (!volume) return undefined;
  const ns = ctx.pod.metadata.namespace ?? 'default';
  try {
    if (volume.configMap) {
      const cm = ctx.api.get(CONFIGMAPS, ns, volume.configMap.name);
      return keysToPaths((cm.data as Record<string, string> | undefined) ?? {}, volume.configMap.items);
    }
    if (volume.secret) {
      const secret = ctx.api.get(SECRETS, ns, volume.secret.secretName);
      const data = (secret.data as Record<string, string> | undefined) ?? {};
      return keysToPaths(
        Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeBase64(v)])),
        volume.secret.items,
      );
    }
    if (volume.projected) return projectedFiles(ctx, volume.projected.sources ?? []);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
  return new Map();
}

/**
 * A projected volume such as `kube-api-access-*`: the service account token, the cluster's
 * CA bundle and the pod's namespace, as the kubelet writes them.
 */
function projectedFiles(ctx: Ctx, sources: readonly ProjectedSource[]): Map<string, string> {
  const files = new Map<string, string>();
  const ns = ctx.pod.metadata.namespace ?? 'default';
  const pick = (data: Record<string, string>, items: KeyToPath[] | undefined): void => {
    for (const [path, value] of keysToPaths(data, items)) files.set(path, value);
  };
  for (const source of sources) {
    try {
      if (source.serviceAccountToken) files.set(source.serviceAccountToken.path, serviceAccountToken(ctx));
      if (source.configMap) {
        const cm = ctx.api.get(CONFIGMAPS, ns, source.configMap.name);
        pick((cm.data as Record<string, string> | undefined) ?? {}, source.configMap.items);
      }
      if (source.secret) {
        const secret = ctx.api.get(SECRETS, ns, source.secret.name);
        const data = (secret.data as Record<string, string> | undefined) ?? {};
        pick(
          Object.fromEntries(Object.entries(data).map(([k, v]) => [k, decodeBase64(v)])),
          source.secret.items,
        );
      }
      for (const item of source.downwardAPI?.items ?? []) {
        const field = item.fieldRef?.fieldPath;
        if (field === 'metadata.namespace') files.set(item.path, ns);
        if (field === 'metadata.name') files.set(item.path, ctx.pod.metadata.name ?? '');
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
  return files;
}

/** A bound token's shape (header.claims.signature); the signature is not a real one. */
function serviceAccountToken(ctx: Ctx): string {
  const seed = `${ctx.pod.metadata.uid ?? ''}/token`;
  const part = (i: number, length: number): string => {
    let out = '';
    for (let n = 0; out.length < length; n++) out += fnv1a32(`${seed}/${i}/${n}`).toString(36);
    return out.slice(0, length);
  };
  return `eyJhbGciOiJSUzI1NiIsImtpZCI6I${part(0, 40)}.eyJhdWQiOlsiaHR0cHM6Ly9rdWJlcm5ldGVz${part(1, 300)}.${part(2, 342)}`;
}

/** The text filters people pipe into: grep, head, tail, wc -l, sort. */
function filterText(program: string, args: readonly string[], input: string): ExecResult {
  const lines = input === '' ? [] : input.replace(/\n$/, '').split('\n');
  const out = (selected: readonly string[], exitCode = 0): ExecResult => ({
    stdout: selected.map((l) => `${l}\n`).join(''),
    stderr: '',
    exitCode,
  });
  const flags = args.filter((a) => /^-[a-zA-Z]+$/.test(a)).join('');
  const operands = args.filter((a) => !/^-[a-zA-Z]+$/.test(a));
  const count = (fallback: number): number => {
    const n = args.find((a) => /^-\d+$/.test(a)) ?? operands[0];
    return n === undefined ? fallback : Math.abs(Number(n)) || fallback;
  };
  switch (program) {
    case 'grep': {
      const pattern = operands[0] ?? '';
      const ignoreCase = flags.includes('i');
      const matches = (l: string): boolean =>
        ignoreCase ? l.toLowerCase().includes(pattern.toLowerCase()) : l.includes(pattern);
      const selected = lines.filter((l) => matches(l) !== flags.includes('v'));
      const status = selected.length > 0 ? 0 : 1;
      if (flags.includes('q')) return { stdout: '', stderr: '', exitCode: status };
      if (flags.includes('c')) return { stdout: `${selected.length}\n`, stderr: '', exitCode: status };
      return out(selected, status);
    }
    case 'head':
      return out(lines.slice(0, count(10)));
    case 'tail':
      return out(lines.slice(-count(10)));
    case 'wc':
      return { stdout: `${lines.length}\n`, stderr: '', exitCode: 0 };
    default:
      return out([...lines].sort());
  }
}

function cat(ctx: Ctx, paths: readonly string[]): ExecResult {
  let stdout = '';
  let stderr = '';
  for (const path of paths) {
    if (path === '/etc/hostname') {
      stdout += `${ctx.pod.metadata.name ?? ''}\n`;
      continue;
    }
    const slash = path.lastIndexOf('/');
    const files = mountedFiles(ctx, path.slice(0, slash));
    const content = files?.get(path.slice(slash + 1));
    if (content === undefined) stderr += `cat: ${path}: No such file or directory\n`;
    else stdout += content;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function ls(ctx: Ctx, paths: readonly string[]): ExecResult {
  const dir = paths[0] ?? '/';
  if (dir === '/') {
    return {
      stdout:
        'bin\nboot\ndev\netc\nhome\nlib\nmedia\nmnt\nopt\nproc\nroot\nrun\nsbin\nsrv\nsys\ntmp\nusr\nvar\n',
      stderr: '',
      exitCode: 0,
    };
  }
  const files = mountedFiles(ctx, dir);
  if (!files)
    return { stdout: '', stderr: `ls: cannot access '${dir}': No such file or directory\n`, exitCode: 2 };
  return {
    stdout: [...files.keys()]
      .sort()
      .map((k) => `${k}\n`)
      .join(''),
    stderr: '',
    exitCode: 0,
  };
}
