/**
 * The trace: an append-only, causally linked log of every message the cluster's
 * components exchange. The UI animates these records and nothing else, so anything a
 * learner sees move on screen happened here first.
 */

export type TraceType =
  /** A client's HTTP request to the API server. */
  | 'request'
  /** The API server's answer to a request. */
  | 'response'
  /** The API server reading from or writing to etcd. */
  | 'storage'
  /** A watch event delivered to a client's open watch. */
  | 'watch'
  /** A component's own decision or action that sends no message (a sync, an enqueue). */
  | 'action';

export interface TraceRecord {
  readonly seq: number;
  /** Virtual milliseconds since the epoch. */
  readonly time: number;
  /** Stable component ids: `kubectl`, `apiserver`, `etcd`, `controller-manager/garbagecollector`, … */
  readonly from: string;
  readonly to: string;
  readonly type: TraceType;
  /** create/get/list/watch/update/patch/delete for requests; ADDED/MODIFIED/DELETED for watch events. */
  readonly verb: string;
  /** `<resource>/<namespace>/<name>` or `<resource>` for collections. */
  readonly object: string;
  readonly summary: string;
  /** The record that led to this one, if any (a response points at its request). */
  readonly causeSeq: number | undefined;
}

export type TraceInput = Omit<TraceRecord, 'seq' | 'time' | 'causeSeq'> & { causeSeq?: number };

export type TraceListener = (record: TraceRecord) => void;

export class TraceLog {
  readonly #records: TraceRecord[] = [];
  readonly #causeStack: number[] = [];
  readonly #listeners = new Set<TraceListener>();
  readonly #now: () => number;
  readonly #capacity: number;
  #nextSeq = 1;
  #dropped = 0;
  #muted = 0;

  /** @param capacity the most records kept; older ones are dropped first (the seq keeps counting). */
  constructor(now: () => number, capacity = 200_000) {
    this.#now = now;
    this.#capacity = capacity;
  }

  record(input: TraceInput): TraceRecord {
    const record: TraceRecord = {
      seq: this.#muted > 0 ? 0 : this.#nextSeq++,
      time: this.#now(),
      from: input.from,
      to: input.to,
      type: input.type,
      verb: input.verb,
      object: input.object,
      summary: input.summary,
      causeSeq: input.causeSeq ?? this.currentCause(),
    };
    if (this.#muted > 0) return record;
    this.#records.push(record);
    if (this.#records.length > this.#capacity * 1.25) {
      const drop = this.#records.length - this.#capacity;
      this.#records.splice(0, drop);
      this.#dropped += drop;
    }
    for (const listener of this.#listeners) listener(record);
    return record;
  }

  /**
   * Runs `fn` without keeping its records: for looking at the cluster from outside (an
   * inspector's reads) without adding messages the cluster never sent. Records made inside
   * get seq 0 and are neither stored nor published, so later numbering is unchanged.
   */
  unrecorded<T>(fn: () => T): T {
    this.#muted++;
    try {
      return fn();
    } finally {
      this.#muted--;
    }
  }

  /** Runs `fn` with `seq` as the cause of every record made inside it. */
  withCause<T>(seq: number | undefined, fn: () => T): T {
    if (seq === undefined) return fn();
    this.#causeStack.push(seq);
    try {
      return fn();
    } finally {
      this.#causeStack.pop();
    }
  }

  currentCause(): number | undefined {
    return this.#causeStack[this.#causeStack.length - 1];
  }

  /** The last `n` records (all kept records when n is omitted). */
  tail(n?: number): readonly TraceRecord[] {
    return n === undefined
      ? this.#records.slice()
      : this.#records.slice(Math.max(0, this.#records.length - n));
  }

  /** Records with seq greater than `seq`, for incremental consumers. */
  since(seq: number): readonly TraceRecord[] {
    const first = this.#records[0];
    if (!first) return [];
    const start = Math.max(0, seq - first.seq + 1);
    return this.#records.slice(start);
  }

  get lastSeq(): number {
    return this.#nextSeq - 1;
  }

  get dropped(): number {
    return this.#dropped;
  }

  subscribe(listener: TraceListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
}
