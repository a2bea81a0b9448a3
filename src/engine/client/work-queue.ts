/**
 * A rate-limited work queue of string keys (client-go `util/workqueue`: queue.go,
 * delaying_queue.go, rate_limiting_queue.go), driven by the cluster's event loop.
 *
 * The contract controllers rely on:
 * - a key added while it waits is stored once (the queue holds "what needs a sync", not events);
 * - a key is never processed by two workers at once: added while processing, it is
 *   queued again only when that processing is done;
 * - keys are processed in the order they became ready, which makes a run reproducible.
 *
 * When a key becomes ready and a worker is free, the queue schedules a 'work' event that
 * runs `process(key)`; `cluster.settle()` therefore waits for every queued and every
 * delayed key. Each key remembers the trace record that last asked for it, and processing
 * runs with that record as the cause, so the writes a controller makes point back at the
 * watch event that triggered them.
 */
import type { Cancellable } from '../apiserver/watch.ts';
import type { ClientHost } from './host.ts';
import { defaultControllerRateLimiter, type RateLimiter } from './rate-limiters.ts';

export interface WorkQueueOptions {
  /** Owner of the queue's events (shown by `settle` when it cannot drain), e.g. `controller-manager/namespace`. */
  readonly name: string;
  readonly host: ClientHost;
  /** Handles one key. The key counts as done when this returns (or throws), plus `busyMs`. */
  readonly process: (key: string) => void;
  /** Keys processed at the same time (client-go's worker goroutines); default 1. */
  readonly workers?: number;
  readonly rateLimiter?: RateLimiter;
  /**
   * Virtual time a worker stays busy with a key after `process` returns (default 0): a
   * number, or a function asked after each key (a sync's cost can depend on its work).
   * Keys added meanwhile wait and are de-duplicated, as they are behind a busy real worker.
   */
  readonly busyMs?: number | ((key: string) => number);
}

interface Waiting {
  readonly readyAt: number;
  readonly timer: Cancellable;
  readonly cause: number | undefined;
}

export class WorkQueue {
  readonly name: string;
  readonly rateLimiter: RateLimiter;
  readonly #host: ClientHost;
  readonly #process: (key: string) => void;
  readonly #busyMs: number | ((key: string) => number);
  /** Ready keys in FIFO order, from `#head` on. */
  #fifo: string[] = [];
  #head = 0;
  /** Keys that need processing (ready, or re-added while processing). */
  readonly #dirty = new Set<string>();
  readonly #processing = new Set<string>();
  readonly #causes = new Map<string, number | undefined>();
  readonly #waiting = new Map<string, Waiting>();
  readonly #timers = new Set<Cancellable>();
  /** Workers with nothing to do and no pickup scheduled. */
  #idleWorkers: number;
  #scheduledPickups = 0;
  #shuttingDown = false;

  constructor(options: WorkQueueOptions) {
    this.name = options.name;
    this.#host = options.host;
    this.#process = options.process;
    this.#busyMs = options.busyMs ?? 0;
    this.#idleWorkers = Math.max(1, options.workers ?? 1);
    this.rateLimiter = options.rateLimiter ?? defaultControllerRateLimiter();
  }

  /** Marks `key` as needing processing. `cause` defaults to the trace record being handled now. */
  add(key: string, cause: number | undefined = this.#host.trace.currentCause()): void {
    if (this.#shuttingDown) return;
    if (cause !== undefined || !this.#causes.has(key)) this.#causes.set(key, cause);
    if (this.#dirty.has(key)) return;
    this.#dirty.add(key);
    if (this.#processing.has(key)) return;
    this.#fifo.push(key);
    this.#kick();
  }

  /** Adds `key` after `delayMs` of virtual time; a key already waiting keeps the earlier of the two times. */
  addAfter(key: string, delayMs: number): void {
    if (this.#shuttingDown) return;
    const cause = this.#host.trace.currentCause();
    if (delayMs <= 0) {
      this.add(key, cause);
      return;
    }
    const readyAt = this.#host.clock.now() + delayMs;
    const existing = this.#waiting.get(key);
    if (existing && existing.readyAt <= readyAt) return;
    if (existing) this.#cancel(existing.timer);
    const timer: Cancellable = this.#schedule(delayMs, () => {
      this.#waiting.delete(key);
      this.add(key, cause);
    });
    this.#waiting.set(key, { readyAt, timer, cause });
  }

  /** Adds `key` when the rate limiter allows it (after a failure). */
  addRateLimited(key: string): void {
    this.addAfter(key, this.rateLimiter.when(key, this.#host.clock.now()));
  }

  /** The key succeeded: its failure count starts again from zero. */
  forget(key: string): void {
    this.rateLimiter.forget(key);
  }

  numRequeues(key: string): number {
    return this.rateLimiter.numRequeues(key);
  }

  /** Keys ready and not being processed. */
  get length(): number {
    return this.#fifo.length - this.#head;
  }

  isQueued(key: string): boolean {
    return this.#dirty.has(key);
  }

  isProcessing(key: string): boolean {
    return this.#processing.has(key);
  }

  /** When a delayed key becomes ready, if it is waiting. */
  readyAt(key: string): number | undefined {
    return this.#waiting.get(key)?.readyAt;
  }

  /** Drops every pending key and timer; later adds are ignored. */
  shutDown(): void {
    this.#shuttingDown = true;
    for (const t of this.#timers) t.cancel();
    this.#timers.clear();
    this.#waiting.clear();
    this.#fifo = [];
    this.#head = 0;
    this.#dirty.clear();
  }

  #kick(): void {
    while (this.#idleWorkers > 0 && this.#scheduledPickups < this.length) {
      this.#idleWorkers--;
      this.#scheduledPickups++;
      this.#schedule(0, () => this.#pickup());
    }
  }

  #pickup(): void {
    this.#scheduledPickups--;
    const key = this.#shift();
    if (key === undefined) {
      this.#idleWorkers++;
      return;
    }
    this.#processing.add(key);
    this.#dirty.delete(key);
    const cause = this.#causes.get(key);
    this.#causes.delete(key);
    try {
      this.#host.trace.withCause(cause, () => this.#process(key));
    } finally {
      const busy = typeof this.#busyMs === 'function' ? this.#busyMs(key) : this.#busyMs;
      if (busy > 0) this.#schedule(busy, () => this.#done(key));
      else this.#done(key);
    }
  }

  #done(key: string): void {
    this.#processing.delete(key);
    this.#idleWorkers++;
    if (this.#dirty.has(key) && !this.#shuttingDown) this.#fifo.push(key);
    this.#kick();
  }

  #shift(): string | undefined {
    if (this.#head >= this.#fifo.length) return undefined;
    const key = this.#fifo[this.#head++];
    // Drop the consumed prefix now and then, so a long-lived queue does not grow without bound.
    if (this.#head > 1024 && this.#head * 2 > this.#fifo.length) {
      this.#fifo = this.#fifo.slice(this.#head);
      this.#head = 0;
    }
    return key;
  }

  #schedule(delayMs: number, run: () => void): Cancellable {
    const handle = this.#host.schedule(
      delayMs,
      this.name,
      () => {
        this.#timers.delete(handle);
        run();
      },
      'work',
    );
    this.#timers.add(handle);
    return handle;
  }

  #cancel(timer: Cancellable): void {
    timer.cancel();
    this.#timers.delete(timer);
  }
}
