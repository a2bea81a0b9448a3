/**
 * The worker's side of playback: moves the engine's virtual time while playing, holds
 * trace records back while paused so that Step can release them one at a time, and
 * batches object changes and records into one delta per frame.
 */
import {
  advanceToNextEvent,
  observeObjects,
  type ObjectChange,
  type Session,
  type TraceRecord,
} from '../engine/index.ts';
import type { DeltaMessage, PlaybackState, SnapshotMessage } from './protocol.ts';

/** A backgrounded tab may sleep for minutes; cap one catch-up so a tick stays cheap. */
const MAX_TICK_WALL_MS = 1000;
/** The page cannot animate more than this per frame anyway; older ones are only counted. */
const MAX_RECORDS_PER_DELTA = 400;
/** Beyond this many changes in one frame, only each object's latest state is sent. */
const MAX_CHANGES_IN_ORDER = 5000;
/** Step looks this many scheduled instants ahead for one that produces a record. */
const MAX_STEP_EVENTS = 10_000;

export const SPEED_MIN = 0.1;
export const SPEED_MAX = 100;

export class Playback {
  readonly #session: Session;
  /** Every change in store order, so the page can show each state as its write is animated. */
  #changes: ObjectChange[] = [];
  /** Records not yet sent: all of them go out on the next flush while playing. */
  #outbox: TraceRecord[] = [];
  /** Records made while paused, released by Step (or all at once by Play). */
  #held: TraceRecord[] = [];
  #playing = true;
  #speed = 1;
  #dirty = true;
  readonly #snapshot: Omit<SnapshotMessage, 'seed'>;

  constructor(session: Session, recentRecords = 50) {
    this.#session = session;
    const observed = observeObjects(session, (change) => {
      this.#changes.push(change);
    });
    session.cluster.trace.subscribe((record) => {
      if (this.#playing) this.#outbox.push(record);
      else this.#held.push(record);
      this.#dirty = true;
    });
    this.#snapshot = {
      type: 'ready',
      startMs: session.cluster.startMs,
      objects: observed.snapshot,
      records: session.cluster.trace.tail(recentRecords),
      playback: this.state(),
    };
  }

  snapshot(): Omit<SnapshotMessage, 'seed'> {
    return { ...this.#snapshot, playback: this.state() };
  }

  state(): PlaybackState {
    return {
      playing: this.#playing,
      speed: this.#speed,
      virtualTime: this.#session.cluster.clock.now(),
      held: this.#held.length,
    };
  }

  /** Moves virtual time by `wallMs` × speed while playing. */
  tick(wallMs: number): void {
    if (!this.#playing) return;
    const ms = Math.round(Math.min(wallMs, MAX_TICK_WALL_MS) * this.#speed);
    if (ms <= 0) return;
    this.#session.cluster.advance(ms);
    this.#dirty = true;
  }

  play(): void {
    this.#playing = true;
    this.#outbox.push(...this.#held);
    this.#held = [];
    this.#dirty = true;
  }

  pause(): void {
    this.#playing = false;
    this.#dirty = true;
  }

  setSpeed(speed: number): void {
    this.#speed = Math.min(SPEED_MAX, Math.max(SPEED_MIN, speed));
    this.#dirty = true;
  }

  /** Releases exactly one record, running the engine to its next event only when none is held. */
  step(): void {
    this.pause();
    for (let i = 0; i < MAX_STEP_EVENTS && this.#held.length === 0; i++) {
      if (!advanceToNextEvent(this.#session)) break;
    }
    const next = this.#held.shift();
    if (next) this.#outbox.push(next);
  }

  /** Runs until no component has work left, releasing every record it made. */
  settle(): void {
    this.#session.cluster.settle();
    this.#outbox.push(...this.#held);
    this.#held = [];
    this.#dirty = true;
  }

  /** The delta since the last flush, or undefined when nothing changed. */
  flush(): DeltaMessage | undefined {
    if (!this.#dirty && this.#changes.length === 0 && this.#outbox.length === 0) return undefined;
    const records =
      this.#outbox.length > MAX_RECORDS_PER_DELTA ? this.#outbox.slice(-MAX_RECORDS_PER_DELTA) : this.#outbox;
    const delta: DeltaMessage = {
      type: 'delta',
      objects: this.#changes.length > MAX_CHANGES_IN_ORDER ? latestPerKey(this.#changes) : this.#changes,
      records,
      playback: this.state(),
    };
    this.#changes = [];
    this.#outbox = [];
    this.#dirty = false;
    return delta;
  }
}

function latestPerKey(changes: readonly ObjectChange[]): ObjectChange[] {
  const latest = new Map<string, ObjectChange>();
  for (const change of changes) {
    latest.delete(change.key);
    latest.set(change.key, change);
  }
  return [...latest.values()];
}
