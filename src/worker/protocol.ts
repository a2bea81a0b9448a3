/** Messages between the page and the engine worker. */
import type { ObjectChange, OutputChunk, TraceRecord } from '../engine/index.ts';

export interface ExecRequest {
  readonly type: 'exec';
  readonly id: number;
  readonly line: string;
  readonly stdin?: string;
}

/** Playback: run virtual time at `speed` × wall time, freeze it, or move it by one record. */
export type PlaybackRequest =
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'speed'; readonly speed: number }
  | { readonly type: 'step' }
  | { readonly type: 'settle' };

export type WorkerRequest = ExecRequest | PlaybackRequest;

export interface ExecReply {
  readonly type: 'exec-result';
  readonly id: number;
  readonly chunks: readonly OutputChunk[];
  readonly exitCode: number;
}

export interface PlaybackState {
  readonly playing: boolean;
  readonly speed: number;
  /** Virtual milliseconds since the epoch. */
  readonly virtualTime: number;
  /** Records made while paused that Step has not released yet. */
  readonly held: number;
}

/** Sent once on start: the mirrored objects and the recent trace. */
export interface SnapshotMessage {
  readonly type: 'ready';
  readonly startMs: number;
  readonly objects: readonly ObjectChange[];
  readonly records: readonly TraceRecord[];
  readonly playback: PlaybackState;
}

/** Sent at most once per frame: what changed since the last message. */
export interface DeltaMessage {
  readonly type: 'delta';
  readonly objects: readonly ObjectChange[];
  readonly records: readonly TraceRecord[];
  readonly playback: PlaybackState;
}

export type WorkerReply = ExecReply | SnapshotMessage | DeltaMessage;
