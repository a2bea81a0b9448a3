/**
 * The page's handle on the engine worker: sends command lines, resolves with their output.
 */
import type { OutputChunk } from '../engine/index.ts';
import type { ExecReply, WorkerReply } from '../worker/protocol.ts';

export interface ExecResult {
  readonly chunks: readonly OutputChunk[];
  readonly exitCode: number;
  readonly text: string;
}

export class EngineClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, (reply: ExecReply) => void>();
  #nextId = 1;
  readonly ready: Promise<void>;

  constructor() {
    this.#worker = new Worker(new URL('../worker/engine-worker.ts', import.meta.url), { type: 'module' });
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.#worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const message = event.data;
      if (message.type === 'ready') {
        markReady();
        return;
      }
      this.#pending.get(message.id)?.(message);
      this.#pending.delete(message.id);
    };
  }

  async exec(line: string, stdin?: string): Promise<ExecResult> {
    await this.ready;
    const id = this.#nextId++;
    const reply = await new Promise<ExecReply>((resolve) => {
      this.#pending.set(id, resolve);
      this.#worker.postMessage({ type: 'exec', id, line, ...(stdin !== undefined ? { stdin } : {}) });
    });
    return { chunks: reply.chunks, exitCode: reply.exitCode, text: reply.chunks.map((c) => c.text).join('') };
  }
}
