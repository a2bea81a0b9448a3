/**
 * Work-queue rate limiters (client-go `util/workqueue/default_rate_limiters.go`): how long
 * a failed key waits before it is retried. Delays are virtual milliseconds.
 */

export interface RateLimiter {
  /** How long `key` should wait now; counts one more failure for it. */
  when(key: string, now: number): number;
  /** Stops tracking `key` (it succeeded or was given up). */
  forget(key: string): void;
  /** How many failures `key` has had since it was last forgotten. */
  numRequeues(key: string): number;
}

/** `baseDelay * 2^failures`, capped at `maxDelay`, per key. */
export class ItemExponentialFailureRateLimiter implements RateLimiter {
  readonly #failures = new Map<string, number>();

  constructor(
    readonly baseDelayMs: number,
    readonly maxDelayMs: number,
  ) {}

  when(key: string): number {
    const exp = this.#failures.get(key) ?? 0;
    this.#failures.set(key, exp + 1);
    const backoff = this.baseDelayMs * 2 ** exp;
    return backoff > this.maxDelayMs ? this.maxDelayMs : backoff;
  }

  forget(key: string): void {
    this.#failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.#failures.get(key) ?? 0;
  }
}

/**
 * An overall token bucket (golang.org/x/time/rate `Limiter.Reserve().Delay()`): `qps`
 * tokens a second, at most `burst` saved up; it starts full. Not per key.
 */
export class BucketRateLimiter implements RateLimiter {
  #tokens: number;
  #last: number | undefined;

  constructor(
    readonly qps: number,
    readonly burst: number,
  ) {
    this.#tokens = burst;
  }

  when(_key: string, now: number): number {
    if (this.#last !== undefined && now > this.#last) {
      this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#last) * this.qps) / 1000);
    }
    this.#last = Math.max(now, this.#last ?? now);
    this.#tokens -= 1;
    return this.#tokens >= 0 ? 0 : (-this.#tokens / this.qps) * 1000;
  }

  forget(_key: string): void {}

  numRequeues(_key: string): number {
    return 0;
  }
}

/** The worst (longest) answer of several limiters. */
export class MaxOfRateLimiter implements RateLimiter {
  readonly #limiters: readonly RateLimiter[];

  constructor(...limiters: RateLimiter[]) {
    this.#limiters = limiters;
  }

  when(key: string, now: number): number {
    let delay = 0;
    for (const l of this.#limiters) delay = Math.max(delay, l.when(key, now));
    return delay;
  }

  forget(key: string): void {
    for (const l of this.#limiters) l.forget(key);
  }

  numRequeues(key: string): number {
    let n = 0;
    for (const l of this.#limiters) n = Math.max(n, l.numRequeues(key));
    return n;
  }
}

/** `workqueue.DefaultControllerRateLimiter`: per key 5ms→1000s exponential, overall 10 qps with a burst of 100. */
export function defaultControllerRateLimiter(): RateLimiter {
  return new MaxOfRateLimiter(
    new ItemExponentialFailureRateLimiter(5, 1000 * 1000),
    new BucketRateLimiter(10, 100),
  );
}
