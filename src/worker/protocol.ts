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

/** One command of a recorded session: the line, its standard input, and when it ran. */
export interface SessionEntry {
  readonly line: string;
  readonly stdin?: string;
  /** Virtual milliseconds since the epoch when the command ran. */
  readonly at: number;
  /**
   * The sequence number its first trace record got: commands of one virtual moment are
   * ordered by it (absent in sessions saved before it was recorded).
   */
  readonly seq?: number;
}

/** Rebuilds the cluster from a seed and recorded commands (reload, shared links, import). */
export interface RestoreRequest {
  readonly type: 'restore';
  readonly id: number;
  readonly seed: number;
  readonly entries: readonly SessionEntry[];
  /** Run on to this virtual time after the last command (the time the session was saved). */
  readonly until: number;
}

/** A read-only look at the cluster for the inspector: not recorded, not animated. */
export interface InspectRequest {
  readonly type: 'inspect';
  readonly id: number;
  readonly line: string;
}

export interface InspectReply {
  readonly type: 'inspect-result';
  readonly id: number;
  readonly text: string;
  readonly exitCode: number;
}

/** Time travel: the cluster as it was at `time`, rebuilt aside from the live one. */
export interface ViewAtRequest {
  readonly type: 'view-at';
  readonly id: number;
  readonly time: number;
  /** The chosen record: commands of its moment that came after it are left out. */
  readonly seq?: number;
  readonly entries: readonly SessionEntry[];
}

/** Back from the past: a fresh snapshot of the live cluster. */
export interface LiveRequest {
  readonly type: 'live';
}

export interface PastSnapshot {
  readonly type: 'past';
  readonly id: number;
  readonly time: number;
  readonly objects: readonly ObjectChange[];
}

export type WorkerRequest =
  ExecRequest | PlaybackRequest | RestoreRequest | InspectRequest | ViewAtRequest | LiveRequest;

export interface ExecReply {
  readonly type: 'exec-result';
  readonly id: number;
  readonly chunks: readonly OutputChunk[];
  readonly exitCode: number;
  /** Virtual time when the command ran. */
  readonly at: number;
  /** The sequence number of the command's first trace record. */
  readonly seq: number;
}

/** What each restored command printed; a fresh snapshot follows. */
export interface RestoreReply {
  readonly type: 'restored';
  readonly id: number;
  readonly outputs: readonly { readonly chunks: readonly OutputChunk[]; readonly exitCode: number }[];
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
  readonly seed: number;
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

export type WorkerReply =
  ExecReply | RestoreReply | InspectReply | PastSnapshot | SnapshotMessage | DeltaMessage;
