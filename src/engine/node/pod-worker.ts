/**
 * The kubelet's per-pod sync: sandbox, then init containers in order, then each container
 * (image, create, start), restarts with CrashLoopBackOff, and graceful termination. Each
 * pod has at most one step in flight; `drive` looks at what the pod has and starts the
 * next step, so it is safe to call at any time.
 */
import type { KubeObject } from '../api/types.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import type { ApiClient } from '../client/api-client.ts';
import type { EventRecorder } from '../client/event-recorder.ts';
import { ApiError } from '../client/api-client.ts';
import type { Rng } from '../time/rng.ts';
import type { ImagePuller } from './image-pull.ts';
import { goDuration } from './image-pull.ts';
import type { IpAllocator } from './ip-allocator.ts';
import { PODS } from './pod-source.ts';
import type { ContainerRecord, PodRecord } from './pod-state.ts';
import { buildPodStatus, podPhase, podSpecOf } from './pod-status.ts';
import { missingReference, type EnvSpec } from './config-refs.ts';
import { containerEnvironment, type EnvContainer } from './container-env.ts';
import type { ImageRegistry } from './registry/image-registry.ts';
import { programFor, type Program } from './runtime/program.ts';
import { connected, failedToConnect, neededServer, unreachable } from './runtime/dependency.ts';
import type { RepositoryInfo } from './registry/catalog.ts';
import { Prober, type ProbedContainer } from './probes.ts';
import { PodTermination } from './pod-termination.ts';
import { memoryLimitBytes } from './runtime/memory.ts';
import { builtinResources } from '../api/resources.ts';

const core = (plural: string) => builtinResources.find((r) => r.group === '' && r.plural === plural)!;
const CONFIGMAPS = core('configmaps');
const SECRETS = core('secrets');
const SERVICES = core('services');

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** A container that ran this long without crashing starts its back-off afresh. */
export const BACKOFF_RESET_MS = 2 * BACKOFF_MAX_MS;

export interface WorkerHost {
  readonly nodeName: string;
  readonly hostIP: string;
  readonly api: ApiClient;
  readonly events: EventRecorder;
  readonly rng: Rng;
  readonly puller: ImagePuller;
  readonly ips: IpAllocator;
  readonly registry: ImageRegistry;
  /** The Services and EndpointSlices cluster DNS answers from (CoreDNS's own view, not kubelet requests). */
  network(): { readonly services: readonly KubeObject[]; readonly slices: readonly KubeObject[] };
  now(): number;
  /** `work` for steps that finish on their own soon; `periodic` for back-off waits and long runs. */
  at(delayMs: number, run: () => void, kind: 'work' | 'periodic'): Cancellable;
}

interface ContainerSpec extends EnvSpec, ProbedContainer {
  name: string;
  image?: string;
  imagePullPolicy?: string;
  command?: string[];
  args?: string[];
  resources?: { limits?: Record<string, string> };
}

export class PodWorker {
  readonly prober: Prober;
  readonly #termination: PodTermination;

  constructor(private readonly host: WorkerHost) {
    this.#termination = new PodTermination({
      ...host,
      event: (rec, r, type, reason, message) => this.#event(rec, r, type, reason, message),
      writeStatus: (rec) => this.writeStatus(rec),
      onExit: (rec, r, code, reason) => this.onExit(rec, r, code, reason),
      stopProbes: (r) => this.prober.containerStopped(r),
    });
    this.prober = new Prober({
      now: () => host.now(),
      at: (delayMs, run, kind) => host.at(delayMs, run, kind),
      event: (rec, r, type, reason, message) => this.#event(rec, r, type, reason, message),
      writeStatus: (rec) => this.writeStatus(rec),
      kill: (rec, r) => this.#termination.killContainer(rec, r),
    });
  }

  drive(rec: PodRecord): void {
    if (rec.removed || rec.step) return;
    if (rec.pod.metadata.deletionTimestamp) return this.#termination.terminate(rec);
    const phase = podPhase(rec);
    if (rec.sandboxReady && (phase === 'Succeeded' || phase === 'Failed')) return this.writeStatus(rec);
    if (!rec.sandboxReady) return this.#createSandbox(rec);
    const spec = podSpecOf(rec.pod);
    for (const c of spec.initContainers as ContainerSpec[]) {
      const r = rec.containers.get(c.name);
      if (r?.state.kind === 'terminated' && r.state.exitCode === 0) continue;
      if (r?.state.kind === 'running' || r?.exitTimer) return;
      if (r?.state.kind === 'terminated' && spec.restartPolicy === 'Never') return this.writeStatus(rec);
      return this.#startOrBackOff(rec, c, true);
    }
    for (const c of spec.containers as ContainerSpec[]) {
      const r = rec.containers.get(c.name);
      if (r?.state.kind === 'running' || r?.exitTimer) continue;
      if (r?.state.kind === 'terminated') {
        const restart =
          spec.restartPolicy === 'Always' || (spec.restartPolicy === 'OnFailure' && r.state.exitCode !== 0);
        if (!restart) continue;
      }
      if (r?.state.kind === 'waiting' && ['InvalidImageName', 'ErrImageNeverPull'].includes(r.state.reason))
        continue;
      return this.#startOrBackOff(rec, c, false);
    }
    this.writeStatus(rec);
  }

  /** Sends the pod status if it changed since the last write. */
  writeStatus(rec: PodRecord): void {
    if (rec.removed) return;
    const status = buildPodStatus(rec, this.host.hostIP, this.host.now());
    const json = JSON.stringify(status);
    if (json === rec.lastStatusJson) return;
    rec.lastStatusJson = json;
    const { namespace, name } = rec.pod.metadata;
    try {
      const written = this.host.api.patch(PODS, namespace, name ?? '', 'merge', { status }, 'status');
      rec.lastWrittenRv = Number(written.metadata.resourceVersion);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }

  #step(rec: PodRecord, delayMs: number, run: () => void, kind: 'work' | 'periodic' = 'work'): void {
    rec.step = this.host.at(
      delayMs,
      () => {
        rec.step = undefined;
        if (!rec.removed) run();
      },
      kind,
    );
  }

  #createSandbox(rec: PodRecord): void {
    rec.startTime ??= this.host.now();
    this.writeStatus(rec);
    this.#step(rec, 400 + this.host.rng.int(800), () => {
      // A hostNetwork pod shares its node's network namespace, and so its address.
      rec.podIP ??= hostNetwork(rec) ? this.host.hostIP : this.host.ips.allocate();
      rec.sandboxReady = true;
      this.writeStatus(rec);
      this.drive(rec);
    });
  }

  #record(rec: PodRecord, c: ContainerSpec, init: boolean): ContainerRecord {
    let r = rec.containers.get(c.name);
    if (!r) {
      r = {
        name: c.name,
        init,
        state: { kind: 'waiting', reason: init ? 'PodInitializing' : 'ContainerCreating' },
        restartCount: 0,
        image: c.image ?? '',
        ready: false,
        started: false,
        backoffMs: 0,
        backoffUpdatedAt: 0,
      };
      rec.containers.set(c.name, r);
    }
    return r;
  }

  #fieldPath(r: ContainerRecord): string {
    return `spec.${r.init ? 'initContainers' : 'containers'}{${r.name}}`;
  }

  #event(
    rec: PodRecord,
    r: ContainerRecord,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
  ): void {
    this.host.events.event(rec.pod, type, reason, message, { fieldPath: this.#fieldPath(r) });
  }

  #startOrBackOff(rec: PodRecord, c: ContainerSpec, init: boolean): void {
    const r = this.#record(rec, c, init);
    const now = this.host.now();
    if (r.state.kind === 'terminated' || (r.state.kind === 'waiting' && r.lastState)) {
      // IsInBackOffSince(key, FinishedAt): the window runs from the end of the last run, so a
      // process that ran for longer than the back-off still waits it out before its restart.
      const finishedAt = r.state.kind === 'terminated' ? r.state.finishedAt : r.lastState?.finishedAt;
      const since = finishedAt ?? r.backoffUpdatedAt;
      if (r.backoffMs && now - since < r.backoffMs) {
        const { name, namespace, uid } = rec.pod.metadata;
        const podRef = `${name}_${namespace}(${uid})`;
        if (r.state.kind === 'terminated') r.lastState = r.state;
        r.state = {
          kind: 'waiting',
          reason: 'CrashLoopBackOff',
          message: `back-off ${goDuration(r.backoffMs)} restarting failed container=${r.name} pod=${podRef}`,
        };
        this.#event(
          rec,
          r,
          'Warning',
          'BackOff',
          `Back-off restarting failed container ${r.name} in pod ${podRef}`,
        );
        this.writeStatus(rec);
        r.exitTimer = this.host.at(since + r.backoffMs - now, () => this.#retry(rec, r), 'periodic');
        return;
      }
      this.#nextBackoff(r);
    }
    this.#startContainer(rec, c, r);
  }

  #retry(rec: PodRecord, r: ContainerRecord): void {
    r.exitTimer = undefined;
    this.drive(rec);
  }

  #nextBackoff(r: ContainerRecord): void {
    const now = this.host.now();
    r.backoffMs =
      !r.backoffMs || now - r.backoffUpdatedAt > BACKOFF_RESET_MS
        ? BACKOFF_INITIAL_MS
        : Math.min(2 * r.backoffMs, BACKOFF_MAX_MS);
    r.backoffUpdatedAt = now;
  }

  #startContainer(rec: PodRecord, c: ContainerSpec, r: ContainerRecord): void {
    if (rec.step || rec.removed || rec.terminating) return;
    if (r.state.kind === 'terminated') r.lastState = r.state;
    const missing = missingReference(this.host.api, rec.pod, c);
    if (missing) {
      r.state = { kind: 'waiting', reason: 'CreateContainerConfigError', message: missing };
      this.#event(rec, r, 'Warning', 'Failed', `Error: ${missing}`);
      this.writeStatus(rec);
      r.exitTimer = this.host.at(10_000 + this.host.rng.int(10_000), () => this.#retry(rec, r), 'periodic');
      return;
    }
    this.#pullImage(rec, c, r, () => this.#create(rec, c, r));
  }

  /** The process the container runs; an image that needs a server it cannot reach fails to connect. */
  #program(rec: PodRecord, info: RepositoryInfo, c: ContainerSpec, env: readonly string[]): Program {
    const program = programFor(info, c.command, c.args);
    const needed = c.command?.length || c.args?.length ? undefined : neededServer(info, env);
    if (!needed) return program;
    const failure = unreachable(needed.host, needed.port, {
      namespace: rec.pod.metadata.namespace ?? 'default',
      ...this.host.network(),
    });
    if (failure) return failedToConnect(needed, failure, program.memoryBytes);
    return connected(needed, program.memoryBytes);
  }

  /** What the container's environment is at start: its sources and the Services that exist now. */
  #environment(rec: PodRecord, c: ContainerSpec): string[] {
    const api = this.host.api;
    const ns = rec.pod.metadata.namespace ?? 'default';
    const read = (resource: typeof CONFIGMAPS, namespace: string, name: string) => {
      try {
        return api.get(resource, namespace, name);
      } catch (e) {
        if (e instanceof ApiError) return undefined;
        throw e;
      }
    };
    const enableServiceLinks = (rec.pod.spec as { enableServiceLinks?: boolean }).enableServiceLinks ?? true;
    return containerEnvironment(rec.pod, c as EnvContainer, {
      configMap: (name) => read(CONFIGMAPS, ns, name),
      secret: (name) => read(SECRETS, ns, name),
      services: () => {
        // The namespace's Services when service links are on; `kubernetes` always.
        const local = enableServiceLinks ? api.list(SERVICES, ns).items : [];
        const master = read(SERVICES, 'default', 'kubernetes');
        const others = local.filter((s) => !(ns === 'default' && s.metadata.name === 'kubernetes'));
        return [...others, ...(master ? [master] : [])];
      },
    });
  }

  #pullImage(rec: PodRecord, c: ContainerSpec, r: ContainerRecord, then: () => void): void {
    const image = c.image ?? '';
    const resolved = this.host.registry.resolve(image);
    if (!resolved.ok && resolved.reason === 'InvalidImageName') {
      r.state = { kind: 'waiting', reason: 'InvalidImageName', message: resolved.message };
      this.#event(rec, r, 'Warning', 'InspectFailed', resolved.message);
      this.#event(rec, r, 'Warning', 'Failed', 'Error: InvalidImageName');
      return this.writeStatus(rec);
    }
    const tag = resolved.ok ? resolved.image.ref.tag : '';
    const policy = c.imagePullPolicy ?? (tag === 'latest' ? 'Always' : 'IfNotPresent');
    const present = resolved.ok && this.host.puller.has(resolved.image);
    if (present && policy !== 'Always') {
      this.#event(rec, r, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
      r.imageID = resolved.image.imageID;
      r.image = resolved.image.ref.normalized;
      return then();
    }
    if (policy === 'Never') {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      r.state = { kind: 'waiting', reason: 'ErrImageNeverPull', message };
      this.#event(rec, r, 'Warning', 'ErrImageNeverPull', message);
      return this.writeStatus(rec);
    }
    const now = this.host.now();
    this.#event(rec, r, 'Normal', 'Pulling', `Pulling image "${image}"`);
    if (r.state.kind !== 'waiting' || r.state.reason !== 'ImagePullBackOff') {
      r.state = { kind: 'waiting', reason: r.init ? 'PodInitializing' : 'ContainerCreating' };
    }
    this.writeStatus(rec);
    const plan = resolved.ok ? this.host.puller.plan(resolved.image, now) : this.host.puller.planFailure(now);
    this.#step(rec, plan.endMs - now, () => {
      if (!resolved.ok) return this.#pullFailed(rec, r, image, resolved.message);
      this.host.puller.record(resolved.image);
      r.imageID = resolved.image.imageID;
      r.image = resolved.image.ref.normalized;
      const took = goDuration(plan.endMs - plan.startMs);
      const total = goDuration(plan.endMs - now);
      this.#event(
        rec,
        r,
        'Normal',
        'Pulled',
        `Successfully pulled image "${image}" in ${took} (${total} including waiting). Image size: ${resolved.image.sizeBytes} bytes.`,
      );
      then();
    });
  }

  #pullFailed(rec: PodRecord, r: ContainerRecord, image: string, message: string): void {
    this.#event(rec, r, 'Warning', 'Failed', `Failed to pull image "${image}": ${message}`);
    this.#event(rec, r, 'Warning', 'Failed', 'Error: ErrImagePull');
    r.state = { kind: 'waiting', reason: 'ErrImagePull', message };
    this.writeStatus(rec);
    this.#nextBackoff(r);
    // The next sync finds the pull in back-off and reports ImagePullBackOff until it expires.
    r.exitTimer = this.host.at(
      1000 + this.host.rng.int(1000),
      () => {
        this.#event(rec, r, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
        this.#event(rec, r, 'Warning', 'Failed', 'Error: ImagePullBackOff');
        r.state = {
          kind: 'waiting',
          reason: 'ImagePullBackOff',
          message: `Back-off pulling image "${image}": ErrImagePull: ${message}`,
        };
        this.writeStatus(rec);
        r.exitTimer = this.host.at(
          r.backoffUpdatedAt + r.backoffMs - this.host.now(),
          () => this.#retry(rec, r),
          'periodic',
        );
      },
      'work',
    );
  }

  #create(rec: PodRecord, c: ContainerSpec, r: ContainerRecord): void {
    this.#step(rec, 30 + this.host.rng.int(70), () => {
      r.containerID = `containerd://${hex64(this.host.rng)}`;
      this.#event(rec, r, 'Normal', 'Created', `Created container: ${r.name}`);
      this.#step(rec, 40 + this.host.rng.int(120), () => this.#start(rec, c, r));
    });
  }

  #start(rec: PodRecord, c: ContainerSpec, r: ContainerRecord): void {
    const resolved = this.host.registry.resolve(c.image ?? '');
    const info = resolved.ok ? resolved.image.info : undefined;
    const env = this.#environment(rec, c);
    const program = info ? this.#program(rec, info, c, env) : undefined;
    const now = this.host.now();
    if (r.current) {
      r.previous = r.current;
      r.restartCount++;
    }
    r.current = {
      program: program!,
      startedAt: now,
      containerID: r.containerID ?? '',
      extraLines: [],
      env,
    };
    if (!program || program.startError) {
      const message = program?.startError ?? 'failed to start';
      this.#event(rec, r, 'Warning', 'Failed', `Error: ${message}`);
      this.onExit(rec, r, 128, 'StartError', message);
      return;
    }
    this.#event(rec, r, 'Normal', 'Started', `Started container ${r.name}`);
    r.state = { kind: 'running', startedAt: now };
    r.started = true;
    r.ready = !r.init;
    this.prober.containerStarted(rec, r, c);
    const limit = memoryLimitBytes(c.resources?.limits?.memory);
    if (limit !== undefined && program.memoryBytes > limit) {
      r.exitTimer = this.host.at(
        300 + this.host.rng.int(700),
        () => this.onExit(rec, r, 137, 'OOMKilled'),
        'work',
      );
    } else if (program.exit) {
      const { atMs, code } = program.exit;
      r.exitTimer = this.host.at(
        atMs,
        () => this.onExit(rec, r, code, code === 0 ? 'Completed' : 'Error'),
        atMs <= 60_000 ? 'work' : 'periodic',
      );
    }
    this.writeStatus(rec);
    this.drive(rec);
  }

  /** The container's process ended (on its own, killed, or it never started). */
  onExit(rec: PodRecord, r: ContainerRecord, exitCode: number, reason: string, message?: string): void {
    r.exitTimer?.cancel();
    r.exitTimer = undefined;
    this.prober.containerStopped(r);
    const now = this.host.now();
    const startedAt = r.state.kind === 'running' ? r.state.startedAt : now;
    r.state = {
      kind: 'terminated',
      exitCode,
      reason,
      ...(message ? { message } : {}),
      startedAt,
      finishedAt: now,
    };
    r.ready = false;
    if (r.current) r.current.finishedAt = now;
    if (rec.removed) return;
    this.writeStatus(rec);
    if (!rec.terminating) this.drive(rec);
  }

  /** The pod left this node (deleted from the API): stop everything, free its IP. */
  forget(rec: PodRecord): void {
    rec.removed = true;
    rec.step?.cancel();
    for (const r of rec.containers.values()) {
      r.exitTimer?.cancel();
      this.prober.containerStopped(r);
    }
    if (rec.podIP && !hostNetwork(rec)) this.host.ips.release(rec.podIP);
  }
}

function hostNetwork(rec: PodRecord): boolean {
  return (rec.pod.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork === true;
}

export function hex64(rng: Rng): string {
  let out = '';
  while (out.length < 64) out += rng.int(0x1_0000_0000).toString(16).padStart(8, '0');
  return out;
}
