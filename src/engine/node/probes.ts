/**
 * The kubelet's prober: liveness, readiness and startup probes per container, run every
 * period from the container's start (after the initial delay) with the real defaults.
 * Outcomes follow the container: an httpGet or tcpSocket probe succeeds only on a port
 * the process listens on, an exec probe reads the files the process made; `sim pod
 * fail-probe` forces failures. Only containers with probes get probe events.
 */
import type { Cancellable } from '../apiserver/watch.ts';
import type { ContainerRecord, PodRecord } from './pod-state.ts';

export type ProbeKind = 'liveness' | 'readiness' | 'startup';

interface ProbeSpec {
  exec?: { command?: string[] };
  httpGet?: { path?: string; port?: number | string; scheme?: string; host?: string };
  tcpSocket?: { port?: number | string };
  grpc?: { port?: number };
  initialDelaySeconds?: number;
  periodSeconds?: number;
  successThreshold?: number;
  failureThreshold?: number;
}

export interface ProbedContainer {
  name: string;
  ports?: { name?: string; containerPort: number }[];
  livenessProbe?: ProbeSpec;
  readinessProbe?: ProbeSpec;
  startupProbe?: ProbeSpec;
}

export interface ProberHost {
  now(): number;
  at(delayMs: number, run: () => void, kind: 'work' | 'periodic'): Cancellable;
  event(
    rec: PodRecord,
    r: ContainerRecord,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void;
  writeStatus(rec: PodRecord): void;
  /** Kills the container for a failed liveness or startup probe. */
  kill(rec: PodRecord, r: ContainerRecord): void;
}

interface Worker {
  readonly kind: ProbeKind;
  readonly spec: ProbeSpec;
  successes: number;
  failures: number;
  timer?: Cancellable;
}

const LABEL: Record<ProbeKind, string> = { liveness: 'Liveness', readiness: 'Readiness', startup: 'Startup' };

export class Prober {
  readonly #workers = new Map<ContainerRecord, Worker[]>();

  constructor(private readonly host: ProberHost) {}

  /** A container just started: ready and started follow its probes from now on. */
  containerStarted(rec: PodRecord, r: ContainerRecord, c: ProbedContainer): void {
    this.containerStopped(r);
    const workers: Worker[] = [];
    const add = (kind: ProbeKind, spec: ProbeSpec | undefined): void => {
      if (spec) workers.push({ kind, spec, successes: 0, failures: 0 });
    };
    add('startup', c.startupProbe);
    add('liveness', c.livenessProbe);
    add('readiness', c.readinessProbe);
    if (!workers.length) return;
    this.#workers.set(r, workers);
    if (c.startupProbe) r.started = false;
    if (c.readinessProbe) r.ready = false;
    for (const w of workers) {
      w.timer = this.host.at(
        (w.spec.initialDelaySeconds ?? 0) * 1000,
        () => this.#run(rec, r, c, w),
        'periodic',
      );
    }
  }

  containerStopped(r: ContainerRecord): void {
    for (const w of this.#workers.get(r) ?? []) w.timer?.cancel();
    this.#workers.delete(r);
  }

  #run(rec: PodRecord, r: ContainerRecord, c: ProbedContainer, w: Worker): void {
    w.timer = this.host.at((w.spec.periodSeconds ?? 10) * 1000, () => this.#run(rec, r, c, w), 'periodic');
    if (r.state.kind !== 'running' || rec.terminating) return;
    // Liveness and readiness wait for a startup probe to succeed.
    if (w.kind !== 'startup' && !r.started) return;
    if (w.kind === 'startup' && r.started) return;
    const failure = this.#outcome(rec, r, c, w);
    if (failure === undefined) {
      w.failures = 0;
      w.successes++;
      if (w.successes >= (w.spec.successThreshold ?? 1)) this.#succeeded(rec, r, w);
      return;
    }
    w.successes = 0;
    w.failures++;
    this.host.event(rec, r, 'Warning', 'Unhealthy', `${LABEL[w.kind]} probe failed: ${failure}`);
    if (w.failures < (w.spec.failureThreshold ?? 3)) return;
    if (w.kind === 'readiness') {
      if (r.ready) {
        r.ready = false;
        this.host.writeStatus(rec);
      }
      return;
    }
    w.failures = 0;
    const what = w.kind === 'liveness' ? 'liveness' : 'startup';
    this.host.event(
      rec,
      r,
      'Normal',
      'Killing',
      `Container ${r.name} failed ${what} probe, will be restarted`,
    );
    this.host.kill(rec, r);
  }

  #succeeded(rec: PodRecord, r: ContainerRecord, w: Worker): void {
    if (w.kind === 'startup' && !r.started) {
      r.started = true;
      // Without a readiness probe the container is ready once started.
      if (!this.#workers.get(r)?.some((x) => x.kind === 'readiness')) r.ready = true;
      this.host.writeStatus(rec);
    } else if (w.kind === 'readiness' && !r.ready) {
      r.ready = true;
      this.host.writeStatus(rec);
    }
  }

  /** undefined when the probe succeeds, else the failure output the event shows. */
  #outcome(rec: PodRecord, r: ContainerRecord, c: ProbedContainer, w: Worker): string | undefined {
    const forced = (w.kind === 'liveness' && r.failLiveness) || (w.kind === 'readiness' && r.failReadiness);
    const ip = rec.podIP ?? '';
    const listening = r.current?.program.ports ?? [];
    const portOf = (port: number | string | undefined): number =>
      typeof port === 'number'
        ? port
        : (c.ports?.find((p) => p.name === port)?.containerPort ?? Number(port));
    const { httpGet, tcpSocket, exec } = w.spec;
    if (httpGet) {
      const port = portOf(httpGet.port);
      const scheme = (httpGet.scheme ?? 'HTTP').toLowerCase();
      const url = `${scheme}://${httpGet.host ?? ip}:${port}${httpGet.path ?? '/'}`;
      if (!listening.includes(port))
        return `Get "${url}": dial tcp ${ip}:${port}: connect: connection refused`;
      return forced ? 'HTTP probe failed with statuscode: 500' : undefined;
    }
    if (tcpSocket) {
      const port = portOf(tcpSocket.port);
      if (forced || !listening.includes(port)) return `dial tcp ${ip}:${port}: connect: connection refused`;
      return undefined;
    }
    if (exec) {
      const command = exec.command ?? [];
      if (forced) return `command "${command.join(' ')}" exited with 1`;
      return this.#execOutcome(r, command);
    }
    return forced ? 'probe forced to fail' : undefined;
  }

  /** `cat FILE`, `test -e FILE`, `ls FILE` look at the files the process made; other commands succeed. */
  #execOutcome(r: ContainerRecord, command: readonly string[]): string | undefined {
    const words = command[0] === 'sh' && command[1] === '-c' ? (command[2] ?? '').split(/\s+/) : command;
    const [program, ...args] = words;
    const path = args.filter((a) => !a.startsWith('-')).at(-1);
    if (!path || !['cat', 'test', 'ls', '['].includes(program ?? '')) return undefined;
    const run = r.current;
    const files = run?.program.files ?? [];
    // Only scratch files are modelled; files of the image itself are taken to exist.
    if (!run || (!path.startsWith('/tmp/') && !files.some((f) => f.path === path))) return undefined;
    const elapsed = this.host.now() - run.startedAt;
    const exists = files.some(
      (f) =>
        f.path === path &&
        f.createdAtMs <= elapsed &&
        (f.removedAtMs === undefined || f.removedAtMs > elapsed),
    );
    if (exists) return undefined;
    if (program === 'cat') return `cat: can't open '${path}': No such file or directory\n`;
    if (program === 'ls') return `ls: ${path}: No such file or directory\n`;
    return `command "${command.join(' ')}" exited with 1`;
  }

  /** Re-checks a pod's containers now (after `sim pod fail-probe`), without waiting for the period. */
  refresh(rec: PodRecord): void {
    for (const r of rec.containers.values()) for (const w of this.#workers.get(r) ?? []) w.successes = 0;
  }
}
