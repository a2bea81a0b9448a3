/**
 * Turns trace records into moving tokens. Records keep their order; the wall time between
 * two launches is their virtual-time distance divided by the speed, but at least a short
 * gap so that records made in the same virtual millisecond still read one after another.
 * Wall time is passed in, so the schedule is testable without a browser.
 */
import type { TraceRecord } from '../../engine/index.ts';
import { graphNodeOf } from './components.ts';
import { storageRevision, tokenLabel } from './narrate.ts';

export interface Token {
  readonly seq: number;
  readonly from: string;
  readonly to: string;
  readonly label: string;
  readonly startMs: number;
  readonly durationMs: number;
}

/** A backlog beyond this is skipped (counted, not animated) so the picture never lags far behind. */
const MAX_BACKLOG = 300;
const MAX_VIRTUAL_GAP_MS = 2000;

export function launchGapMs(speed: number): number {
  return Math.max(4, 150 / speed);
}

export function travelMs(speed: number): number {
  return Math.min(1200, Math.max(120, 700 / speed));
}

export class TokenPlayer {
  #queue: TraceRecord[] = [];
  #active: Token[] = [];
  #lastLaunchWall = -Infinity;
  #lastLaunchVirtual: number | undefined;
  #skipped = 0;
  #revealedRevision = 0;

  enqueue(records: readonly TraceRecord[]): void {
    this.#queue.push(...records);
    if (this.#queue.length > MAX_BACKLOG) {
      const drop = this.#queue.length - MAX_BACKLOG;
      for (const skipped of this.#queue.splice(0, drop)) this.#reveal(skipped);
      this.#skipped += drop;
    }
  }

  /** Drops queued and moving tokens (the cluster was rebuilt from a saved session). */
  reset(): void {
    this.#queue = [];
    this.#active = [];
    this.#lastLaunchWall = -Infinity;
    this.#lastLaunchVirtual = undefined;
    this.#revealedRevision = 0;
  }

  get backlog(): number {
    return this.#queue.length;
  }

  get skipped(): number {
    return this.#skipped;
  }

  /**
   * Launches every record that is due at `nowMs` and drops finished tokens. Returns the
   * records launched in this call, in order.
   */
  advance(nowMs: number, speed: number): TraceRecord[] {
    const launched: TraceRecord[] = [];
    for (let next = this.#queue[0]; next; next = this.#queue[0]) {
      const virtualGap =
        this.#lastLaunchVirtual === undefined ? 0 : Math.max(0, next.time - this.#lastLaunchVirtual);
      const due =
        this.#lastLaunchWall + Math.max(launchGapMs(speed), Math.min(MAX_VIRTUAL_GAP_MS, virtualGap / speed));
      if (due > nowMs) break;
      this.#queue.shift();
      // After a pause in traffic, start again from now rather than replaying the idle time as a burst.
      this.#lastLaunchWall = due < nowMs - launchGapMs(speed) ? nowMs : due;
      this.#lastLaunchVirtual = next.time;
      launched.push(next);
      this.#reveal(next);
      const from = graphNodeOf(next.from);
      const to = graphNodeOf(next.to);
      if (from && to && from !== to)
        this.#active.push({
          seq: next.seq,
          from,
          to,
          label: tokenLabel(next),
          startMs: this.#lastLaunchWall,
          durationMs: travelMs(speed),
        });
    }
    this.#active = this.#active.filter((t) => t.startMs + t.durationMs > nowMs);
    return launched;
  }

  /** The newest etcd revision whose write has been shown (or skipped): state up to it may appear. */
  get revealedRevision(): number {
    return this.#revealedRevision;
  }

  #reveal(record: TraceRecord): void {
    const revision = storageRevision(record);
    if (revision !== undefined && revision > this.#revealedRevision) this.#revealedRevision = revision;
  }

  /** Tokens in flight at the last `advance`. */
  get active(): readonly Token[] {
    return this.#active;
  }
}
