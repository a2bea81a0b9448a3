/**
 * Work ordered by (virtual time, sequence number): ties run in the order they were
 * scheduled, which is what makes a run reproducible. A plain binary heap; no timers.
 */

export type EventKind =
  /** Work that must finish before the cluster counts as settled (a watch delivery, a queued key). */
  | 'work'
  /** Recurring background activity (heartbeats, resyncs) that never lets a queue drain. */
  | 'periodic';

export interface ScheduledEvent {
  readonly time: number;
  readonly seq: number;
  readonly kind: EventKind;
  /** Who scheduled it, for diagnostics (`sim settle` names the component that kept it busy). */
  readonly owner: string;
  readonly run: () => void;
  cancelled: boolean;
  /** Set once the event has left the queue to run; cancelling it then changes nothing. */
  done: boolean;
}

export class EventQueue {
  readonly #heap: ScheduledEvent[] = [];
  #nextSeq = 0;
  #pendingWork = 0;

  get size(): number {
    return this.#heap.length;
  }

  /** Non-cancelled events of kind 'work' still queued. */
  get pendingWork(): number {
    return this.#pendingWork;
  }

  push(time: number, kind: EventKind, owner: string, run: () => void): ScheduledEvent {
    const event: ScheduledEvent = {
      time,
      seq: this.#nextSeq++,
      kind,
      owner,
      run,
      cancelled: false,
      done: false,
    };
    if (kind === 'work') this.#pendingWork++;
    const heap = this.#heap;
    heap.push(event);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent]!;
      if (before(p, event)) break;
      heap[i] = p;
      i = parent;
    }
    heap[i] = event;
    return event;
  }

  cancel(event: ScheduledEvent): void {
    if (event.cancelled || event.done) return;
    event.cancelled = true;
    if (event.kind === 'work') this.#pendingWork--;
  }

  /** The earliest live event, without removing it. */
  peek(): ScheduledEvent | undefined {
    this.#dropCancelledHead();
    return this.#heap[0];
  }

  pop(): ScheduledEvent | undefined {
    this.#dropCancelledHead();
    const event = this.#removeHead();
    if (!event) return undefined;
    event.done = true;
    if (event.kind === 'work') this.#pendingWork--;
    return event;
  }

  /** Owners of pending work events, for diagnostics. */
  pendingOwners(): string[] {
    const owners = new Set<string>();
    for (const e of this.#heap) if (!e.cancelled && e.kind === 'work') owners.add(e.owner);
    return [...owners].sort();
  }

  #dropCancelledHead(): void {
    while (this.#heap.length > 0 && this.#heap[0]!.cancelled) this.#removeHead();
  }

  #removeHead(): ScheduledEvent | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (top === undefined || last === undefined || heap.length === 0) return top;
    let i = 0;
    const n = heap.length;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= n) break;
      const r = l + 1;
      const child = r < n && before(heap[r]!, heap[l]!) ? r : l;
      if (before(last, heap[child]!)) break;
      heap[i] = heap[child]!;
      i = child;
    }
    heap[i] = last;
    return top;
  }
}

function before(a: ScheduledEvent, b: ScheduledEvent): boolean {
  return a.time < b.time || (a.time === b.time && a.seq < b.seq);
}
