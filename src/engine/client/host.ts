/**
 * What client machinery needs from the cluster it runs in: the virtual clock, the event
 * queue and the trace. A Cluster provides all of it; tests may provide less.
 */
import type { Cancellable } from '../apiserver/watch.ts';
import type { EventKind } from '../time/event-queue.ts';

/** The parts of the trace that carry causality from a watch delivery to the work it triggers. */
export interface CauseTracker {
  /** The record in whose handling the caller is running, if any. */
  currentCause(): number | undefined;
  /** Runs `fn` with `seq` as the cause of every record made inside it. */
  withCause<T>(seq: number | undefined, fn: () => T): T;
  /** The newest record's sequence number. */
  readonly lastSeq: number;
}

export interface VirtualScheduler {
  readonly clock: { now(): number };
  /** Runs `run` after `delayMs` of virtual time; 'work' counts as pending, 'periodic' does not. */
  schedule(delayMs: number, owner: string, run: () => void, kind?: EventKind): Cancellable;
}

/** Everything an informer or a work queue uses: a scheduler on the virtual clock and the trace. */
export interface ClientHost extends VirtualScheduler {
  readonly trace: CauseTracker;
}
