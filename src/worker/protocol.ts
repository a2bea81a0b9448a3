/** Messages between the page and the engine worker. */
import type { OutputChunk } from '../engine/index.ts';

export interface ExecRequest {
  readonly type: 'exec';
  readonly id: number;
  readonly line: string;
  readonly stdin?: string;
}

export interface ExecReply {
  readonly type: 'exec-result';
  readonly id: number;
  readonly chunks: readonly OutputChunk[];
  readonly exitCode: number;
}

export interface ReadyMessage {
  readonly type: 'ready';
  readonly virtualTime: string;
}

export type WorkerReply = ExecReply | ReadyMessage;
