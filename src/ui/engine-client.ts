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

export interface ExecResult {
  readonly chunks: readonly OutputChunk[];
  readonly exitCode: number;
  readonly text: string;
}

export type RestoredOutput = RestoreReply['outputs'][number];

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
  readonly ready: Promise<void>;

  constructor() {
    this.#worker = new Worker(new URL('../worker/engine-worker.ts', import.meta.url), { type: 'module' });
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.#worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
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
  async inspect(line: string): Promise<InspectReply> {
    await this.ready;
    const id = this.#nextId++;
    return new Promise<InspectReply>((resolve) => {
      this.#inspecting.set(id, resolve);
      this.#worker.postMessage({ type: 'inspect', id, line });
    });
  }

  /** The cluster's objects as they were at `time`, rebuilt from the recorded commands. */
  async viewAt(time: number, entries: readonly SessionEntry[]): Promise<PastSnapshot> {
    await this.ready;
    const id = this.#nextId++;
    return new Promise<PastSnapshot>((resolve) => {
      this.#viewing.set(id, resolve);
      this.#worker.postMessage({ type: 'view-at', id, time, entries });
    });
  }

  /** Asks for a fresh snapshot of the live cluster (after viewing the past). */
  backToLive(): void {
    this.#worker.postMessage({ type: 'live' });
  }

  control(request: PlaybackRequest): void {
    this.#worker.postMessage(request);
  }

  async exec(line: string, stdin?: string): Promise<ExecResult> {
    await this.ready;
    const id = this.#nextId++;
    const reply = await new Promise<ExecReply>((resolve) => {
      this.#pending.set(id, resolve);
      this.#worker.postMessage({ type: 'exec', id, line, ...(stdin !== undefined ? { stdin } : {}) });
    });
    const entry: SessionEntry = { line, at: reply.at, ...(stdin !== undefined ? { stdin } : {}) };
    for (const listener of this.#executed) listener(entry);
    return { chunks: reply.chunks, exitCode: reply.exitCode, text: reply.chunks.map((c) => c.text).join('') };
  }
}
