/**
 * What a container's process does, read from its manifest: the image's default when no
 * command is given, otherwise the command and args interpreted for the common shell forms.
 * The result is a timeline relative to the process start, so logs and exits can be derived
 * at any virtual time without per-container periodic events.
 */
import type { RepositoryInfo } from '../registry/catalog.ts';
import { interpretScript } from './shell.ts';

export interface TimedLine {
  readonly atMs: number;
  readonly text: string;
}

export interface Program {
  readonly lines: readonly TimedLine[];
  /** A body repeated forever from `startMs` every `periodMs` (`while true; do …; done`). */
  readonly loop?: { readonly startMs: number; readonly periodMs: number; readonly lines: readonly string[] };
  /** When and how the process ends on its own; absent for a process that runs until stopped. */
  readonly exit?: { readonly atMs: number; readonly code: number };
  /** A shell or `sleep` as PID 1 does not act on SIGTERM, so it runs until the grace period ends. */
  readonly ignoresSigterm: boolean;
  readonly ports: readonly number[];
  /** Ports that speak no HTTP (DNS on 53): an HTTP client gets an empty reply there. */
  readonly rawPorts?: readonly number[];
  /** The `user:password` an HTTP server demands (basic auth); requests without it get 401. */
  readonly basicAuth?: string;
  /** Why the runtime could not start the process at all (RunContainerError). */
  readonly startError?: string;
  /** Simulated memory use in bytes, compared with the container's memory limit. */
  readonly memoryBytes: number;
  /** Files the process creates and removes (`touch`, `rm`), which exec probes may look at. */
  readonly files?: readonly {
    readonly path: string;
    readonly createdAtMs: number;
    readonly removedAtMs?: number;
  }[];
}

const MiB = 1024 * 1024;

export function programFor(
  image: RepositoryInfo,
  command: readonly string[] | undefined,
  args: readonly string[] | undefined,
): Program {
  const argv = command?.length ? [...command, ...(args ?? [])] : (args ?? []);
  // Flags alone go to a server image's own entrypoint (`args: ["-conf", …]` for CoreDNS).
  const flagsOnly = !command?.length && argv[0]?.startsWith('-') === true;
  if (argv.length === 0 || (flagsOnly && image.behaviour.kind === 'server')) {
    const d = image.behaviour;
    if (d.kind === 'server') {
      return {
        lines: d.startup.map((text, i) => ({ atMs: i < 9 ? 0 : 10, text })),
        ignoresSigterm: false,
        ports: d.ports,
        ...(d.rawPorts ? { rawPorts: d.rawPorts } : {}),
        memoryBytes: 12 * MiB,
      };
    }
    return {
      lines: d.output.map((text) => ({ atMs: 0, text })),
      exit: { atMs: 5, code: d.exitCode },
      ignoresSigterm: true,
      ports: [],
      memoryBytes: MiB,
    };
  }
  const program = argv[0] ?? '';
  const base = program.split('/').pop() ?? program;
  if (['sh', 'bash', 'ash', 'dash', 'zsh'].includes(base)) {
    if (!image.shell) return notFound(program);
    const c = argv.indexOf('-c');
    if (c < 0)
      return { lines: [], exit: { atMs: 5, code: 0 }, ignoresSigterm: true, ports: [], memoryBytes: MiB };
    return interpretScript(argv[c + 1] ?? '', image);
  }
  const stress = argv.indexOf('--vm-bytes');
  if (stress >= 0) return stressProgram(argv[stress + 1] ?? '');
  const quoted = argv.map((a) => (/^[\w./=:,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`)).join(' ');
  return interpretScript(quoted, image, true);
}

function notFound(program: string): Program {
  return {
    lines: [],
    exit: { atMs: 0, code: 128 },
    ignoresSigterm: false,
    ports: [],
    memoryBytes: 0,
    startError:
      'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: ' +
      `unable to start container process: error during container init: exec: "${program}": executable file not found in $PATH: unknown`,
  };
}

/** `stress --vm-bytes 250M` and the like: allocates that much and keeps it. */
function stressProgram(size: string): Program {
  const m = /^(\d+)([kKmMgG]?)$/.exec(size);
  const unit = { '': 1, k: 1024, K: 1024, m: MiB, M: MiB, g: 1024 * MiB, G: 1024 * MiB }[m?.[2] ?? ''] ?? 1;
  const bytes = m ? Number(m[1]) * unit : 256 * MiB;
  return {
    lines: [{ atMs: 0, text: 'stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd' }],
    ignoresSigterm: false,
    ports: [],
    memoryBytes: bytes,
  };
}

export { notFound as commandNotFound };
