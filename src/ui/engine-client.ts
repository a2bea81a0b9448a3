/**
 * The page's handle on the engine worker: sends command lines and playback controls,
 * resolves commands with their output, and hands the snapshot and deltas to listeners.
 */
import type { OutputChunk } from '../engine/index.ts';
import type {
  DeltaMessage,
  ExecReply,
  InspectReply,
  PastSnapshot,
  PlaybackRequest,
  RestoreReply,
  SessionEntry,
  SnapshotMessage,
  WorkerReply,
} from '../worker/protocol.ts';
import { RemoteServer } from './remote/remote-server.ts';

export interface ExecResult {
  readonly chunks: readonly OutputChunk[];
  readonly exitCode: number;
  readonly text: string;
}

export type RestoredOutput = RestoreReply['outputs'][number];

/** Where the cluster runs: in this tab, or on a `kubesim serve` the page is attached to. */
export type EngineSource = { readonly kind: 'browser' } | { readonly kind: 'server'; readonly url: string };

export interface EngineListener {
  snapshot(message: SnapshotMessage): void;
  delta(message: DeltaMessage): void;
}

export class EngineClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, (reply: ExecReply) => void>();
  readonly #restoring = new Map<number, (reply: RestoreReply) => void>();
  readonly #inspecting = new Map<number, (reply: InspectReply) => void>();
  readonly #viewing = new Map<number, (reply: PastSnapshot) => void>();
  readonly #executed = new Set<(entry: SessionEntry) => void>();
  readonly #listeners = new Set<EngineListener>();
  #snapshot: SnapshotMessage | undefined;
  #nextId = 1;
  #remote: RemoteServer | undefined;
  #remoteSpeed = 1;
  readonly ready: Promise<void>;

  constructor() {
    this.#worker = new Worker(new URL('../worker/engine-worker.ts', import.meta.url), { type: 'module' });
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.#worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      // While attached to a server, the in-browser cluster's pictures are not shown.
      if (this.#remote && (message.type === 'ready' || message.type === 'delta')) return;
      switch (message.type) {
        case 'ready':
          this.#snapshot = message;
          for (const l of this.#listeners) l.snapshot(message);
          markReady();
          return;
        case 'delta':
          for (const l of this.#listeners) l.delta(message);
          return;
        case 'exec-result':
          this.#pending.get(message.id)?.(message);
          this.#pending.delete(message.id);
          return;
        case 'restored':
          this.#restoring.get(message.id)?.(message);
          this.#restoring.delete(message.id);
          return;
        case 'inspect-result':
          this.#inspecting.get(message.id)?.(message);
          this.#inspecting.delete(message.id);
          return;
        case 'past':
          this.#viewing.get(message.id)?.(message);
          this.#viewing.delete(message.id);
      }
    };
  }

  /** Receives the snapshot (at once if it already came) and then every delta. */
  listen(listener: EngineListener): () => void {
    this.#listeners.add(listener);
    if (this.#snapshot) listener.snapshot(this.#snapshot);
    return () => this.#listeners.delete(listener);
  }

  get source(): EngineSource {
    return this.#remote ? { kind: 'server', url: this.#remote.url } : { kind: 'browser' };
  }

  /** Attaches to a running `kubesim serve`; its snapshot replaces the in-browser cluster's. */
  async attach(url: string, onClosed: (reason: string) => void): Promise<void> {
    const remote = new RemoteServer(url.replace(/\/+$/, ''), {
      message: (message) => {
        if (this.#remote !== remote) return;
        if (message.type === 'ready') for (const l of this.#listeners) l.snapshot(message);
        else for (const l of this.#listeners) l.delta(message);
      },
      closed: (reason) => {
        if (this.#remote === remote) onClosed(reason);
      },
    });
    this.#remote = remote;
    try {
      await remote.connect();
    } catch (e) {
      this.#remote = undefined;
      throw e;
    }
  }

  /** Back to the cluster in this tab, as it is now. */
  detach(): void {
    this.#remote?.close();
    this.#remote = undefined;
    this.backToLive();
  }

  /** Hears of every command the engine ran, with its virtual time (for the saved session). */
  onExecuted(listener: (entry: SessionEntry) => void): () => void {
    this.#executed.add(listener);
    return () => this.#executed.delete(listener);
  }

  /** Rebuilds the cluster from a seed and recorded commands; a fresh snapshot follows. */
  async restore(
    seed: number,
    entries: readonly SessionEntry[],
    until: number,
  ): Promise<readonly RestoredOutput[]> {
    await this.ready;
    const id = this.#nextId++;
    const reply = await new Promise<RestoreReply>((resolve) => {
      this.#restoring.set(id, resolve);
      this.#worker.postMessage({ type: 'restore', id, seed, entries, until });
    });
    return reply.outputs;
  }

  /** Runs `kubectl get|describe` or `sim explain` without recording or animating it. */
  async inspect(line: string): Promise<Pick<InspectReply, 'text' | 'exitCode'>> {
    if (this.#remote) return this.#remote.inspect(line);
    await this.ready;
    const id = this.#nextId++;
    return new Promise<InspectReply>((resolve) => {
      this.#inspecting.set(id, resolve);
      this.#worker.postMessage({ type: 'inspect', id, line });
    });
  }

  /** The cluster's objects as they were at `time`, rebuilt from the recorded commands. */
  async viewAt(time: number, entries: readonly SessionEntry[], seq?: number): Promise<PastSnapshot> {
    await this.ready;
    const id = this.#nextId++;
    return new Promise<PastSnapshot>((resolve) => {
      this.#viewing.set(id, resolve);
      this.#worker.postMessage({ type: 'view-at', id, time, entries, ...(seq !== undefined ? { seq } : {}) });
    });
  }

  /** Asks for a fresh snapshot of the live cluster (after viewing the past). */
  backToLive(): void {
    this.#worker.postMessage({ type: 'live' });
  }

  control(request: PlaybackRequest): void {
    const remote = this.#remote;
    if (!remote) {
      this.#worker.postMessage(request);
      return;
    }
    // A server's clock runs at a speed; pausing is speed 0, stepping runs it until settled.
    if (request.type === 'speed') this.#remoteSpeed = request.speed;
    if (request.type === 'pause') void remote.setSpeed(0);
    else if (request.type === 'play' || request.type === 'speed') void remote.setSpeed(this.#remoteSpeed);
    else void remote.settle();
  }

  async exec(line: string, stdin?: string): Promise<ExecResult> {
    if (this.#remote) {
      // The server's commands belong to its own cluster, not to this tab's recorded session.
      const reply = await this.#remote.exec(line, stdin);
      return {
        chunks: reply.chunks,
        exitCode: reply.exitCode,
        text: reply.chunks.map((c) => c.text).join(''),
      };
    }
    await this.ready;
    const id = this.#nextId++;
    const reply = await new Promise<ExecReply>((resolve) => {
      this.#pending.set(id, resolve);
      this.#worker.postMessage({ type: 'exec', id, line, ...(stdin !== undefined ? { stdin } : {}) });
    });
    const entry: SessionEntry = {
      line,
      at: reply.at,
      ...(reply.seq !== undefined ? { seq: reply.seq } : {}),
      ...(stdin !== undefined ? { stdin } : {}),
    };
    for (const listener of this.#executed) listener(entry);
    return { chunks: reply.chunks, exitCode: reply.exitCode, text: reply.chunks.map((c) => c.text).join('') };
  }
}
