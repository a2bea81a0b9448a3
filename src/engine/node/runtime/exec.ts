/**
 * Commands run with `kubectl exec` in a running container: the environment the kubelet
 * gave it, its hostname, and the files of its mounted ConfigMaps and Secrets.
 */
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
]);

const CONFIGMAPS = builtinResources.find((r) => r.group === '' && r.plural === 'configmaps')!;
const SECRETS = builtinResources.find((r) => r.group === '' && r.plural === 'secrets')!;

interface Container {
  name: string;
  env?: { name: string; value?: string }[];
  volumeMounts?: { name: string; mountPath: string }[];
}

interface Volume {
  name: string;
  configMap?: { name: string };
  secret?: { secretName: string };
}

export function runExec(
  api: ApiClient,
  pod: KubeObject,
  containerName: string,
  command: readonly string[],
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
  const ctx: Ctx = { api, pod, container, volumes: spec.volumes ?? [] };
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
}

function runScript(ctx: Ctx, script: string): ExecResult {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  let words: string[] = [];
  let skip = false;
  const flush = (): boolean => {
    if (words.length && !skip) {
      const r = runOne(ctx, words);
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

function environment(ctx: Ctx): string[] {
  const name = ctx.pod.metadata.name ?? '';
  const env = [
    'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
    `HOSTNAME=${name}`,
    ...(ctx.container?.env ?? []).map((e) => `${e.name}=${e.value ?? ''}`),
    'KUBERNETES_SERVICE_PORT=443',
    'KUBERNETES_SERVICE_PORT_HTTPS=443',
    'KUBERNETES_PORT=tcp://10.96.0.1:443',
    'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443',
    'KUBERNETES_PORT_443_TCP_PROTO=tcp',
    'KUBERNETES_PORT_443_TCP_PORT=443',
    'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
    'KUBERNETES_SERVICE_HOST=10.96.0.1',
    'HOME=/root',
  ];
  return env;
}

function runOne(ctx: Ctx, argv: readonly string[]): ExecResult {
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
      return cat(ctx, args);
    case 'ls':
      return ls(
        ctx,
        args.filter((a) => !a.startsWith('-')),
      );
    default:
      return { stdout: '', stderr: `sh: ${program}: not found\n`, exitCode: 127 };
  }
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
      return new Map(Object.entries((cm.data as Record<string, string> | undefined) ?? {}));
    }
    if (volume.secret) {
      const secret = ctx.api.get(SECRETS, ns, volume.secret.secretName);
      const data = (secret.data as Record<string, string> | undefined) ?? {};
      return new Map(Object.entries(data).map(([k, v]) => [k, decodeBase64(v)]));
    }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
  return new Map();
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

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function decodeBase64(text: string): string {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const ch of text.replace(/=+$/, '')) {
    const v = B64.indexOf(ch);
    if (v < 0) continue;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return String.fromCharCode(...bytes);
  }
}
