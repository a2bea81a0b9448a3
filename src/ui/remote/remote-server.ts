/**
 * A `kubesim serve` on this machine, as the app's cluster: its objects and trace arrive
 * on `/kubesim/v1/stream` in the same snapshot-and-delta messages the in-browser engine
 * posts, and commands go to `/kubesim/v1/exec`, so a learner's own kubectl and the app
 * drive one cluster.
 */
import type { OutputChunk } from '../../engine/index.ts';
import type { DeltaMessage, SnapshotMessage } from '../../worker/protocol.ts';

export interface RemoteHandlers {
  message(message: SnapshotMessage | DeltaMessage): void;
  closed(reason: string): void;
}

export class RemoteServer {
  readonly #abort = new AbortController();

  constructor(
    readonly url: string,
    private readonly handlers: RemoteHandlers,
  ) {}

  /** Opens the stream; resolves when the first snapshot has arrived. */
  async connect(): Promise<void> {
    const response = await fetch(`${this.url}/kubesim/v1/stream`, { signal: this.#abort.signal });
    if (!response.ok || !response.body) throw new Error(`the server answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let first: ((ok: boolean) => void) | undefined;
    const started = new Promise<boolean>((resolve) => (first = resolve));
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let newline = buffer.indexOf('\n');
          while (newline >= 0) {
            const line = buffer.slice(0, newline);
            buffer = buffer.slice(newline + 1);
            if (line) {
              this.handlers.message(JSON.parse(line) as SnapshotMessage | DeltaMessage);
              first?.(true);
              first = undefined;
            }
            newline = buffer.indexOf('\n');
          }
        }
        first?.(false);
        this.handlers.closed('the server closed the stream');
      } catch (e) {
        first?.(false);
        if (!this.#abort.signal.aborted) this.handlers.closed(e instanceof Error ? e.message : String(e));
      }
    })();
    if (!(await started)) throw new Error('the server sent no snapshot');
  }

  close(): void {
    this.#abort.abort();
  }

  async #post<T>(path: string, body: object): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as T;
  }

  exec(line: string, stdin?: string): Promise<{ chunks: OutputChunk[]; exitCode: number }> {
    return this.#post('/kubesim/v1/exec', { line, ...(stdin !== undefined ? { stdin } : {}) });
  }

  inspect(line: string): Promise<{ text: string; exitCode: number }> {
    return this.#post('/kubesim/v1/inspect', { line });
  }

  setSpeed(speed: number): Promise<unknown> {
    return this.#post('/kubesim/v1/speed', { speed });
  }

  settle(): Promise<unknown> {
    return this.#post('/kubesim/v1/settle', {});
  }
}
