/**
 * The per-zone, rate-limited queue of nodes waiting for their NoExecute taint
 * (`RateLimitedTimedQueue` with a token bucket, pkg/controller/nodelifecycle/scheduler).
 * NoExecute taints evict pods, so they are added at `--node-eviction-rate` nodes per
 * second per zone (burst 1), slower or not at all while a zone is disrupted.
 */

/** `--node-eviction-rate`. */
export const NODE_EVICTION_RATE = 0.1;
/** `--secondary-node-eviction-rate`. */
export const SECONDARY_NODE_EVICTION_RATE = 0.01;
/** `--large-cluster-size-threshold`. */
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50;
/** `--unhealthy-zone-threshold`. */
export const UNHEALTHY_ZONE_THRESHOLD = 0.55;
/** `EvictionRateLimiterBurst`. */
const BURST = 1;

/** A token bucket on the virtual clock (golang.org/x/time/rate, as flowcontrol wraps it); starts full. */
export class TokenBucket {
  #tokens = BURST;
  #lastMs: number;

  constructor(
    readonly qps: number,
    nowMs: number,
  ) {
    this.#lastMs = nowMs;
  }

  tryAccept(nowMs: number): boolean {
    if (this.qps <= 0) return false;
    this.#refill(nowMs);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }

  /** How long until a token is there; undefined when none ever will be. */
  msUntilToken(nowMs: number): number | undefined {
    if (this.qps <= 0) return undefined;
    this.#refill(nowMs);
    return this.#tokens >= 1 ? 0 : Math.ceil(((1 - this.#tokens) * 1000) / this.qps);
  }

  #refill(nowMs: number): void {
    this.#tokens = Math.min(BURST, this.#tokens + ((nowMs - this.#lastMs) / 1000) * this.qps);
    this.#lastMs = nowMs;
  }
}

/**
 * A FIFO of node names that remembers each name until `remove`: a node processed
 * successfully leaves the queue but stays known, so it is not queued again until the
 * controller forgets it (when the node became reachable, or lost its taint).
 */
export class ZoneTainter {
  readonly #queue: { name: string; processAtMs: number }[] = [];
  readonly #known = new Set<string>();
  #limiter: TokenBucket;

  constructor(qps: number, nowMs: number) {
    this.#limiter = new TokenBucket(qps, nowMs);
  }

  get qps(): number {
    return this.#limiter.qps;
  }

  get pending(): number {
    return this.#queue.length;
  }

  /** Queues a node; false when it is already known. */
  add(name: string, nowMs: number): boolean {
    if (this.#known.has(name)) return false;
    this.#known.add(name);
    this.#queue.push({ name, processAtMs: nowMs });
    return true;
  }

  /** Forgets a node; true when it was known. */
  remove(name: string): boolean {
    if (!this.#known.delete(name)) return false;
    const i = this.#queue.findIndex((e) => e.name === name);
    if (i >= 0) this.#queue.splice(i, 1);
    return true;
  }

  swapLimiter(qps: number, nowMs: number): void {
    if (this.#limiter.qps === qps) return;
    this.#limiter = new TokenBucket(qps, nowMs);
  }

  /**
   * Hands queued nodes to `fn` while the limiter allows; `fn` returns false with a delay
   * to be retried later. Returns how long until the queue can make progress again
   * (undefined: nothing to do or no token will come).
   */
  try(nowMs: number, fn: (name: string) => { ok: boolean; retryMs: number }): number | undefined {
    for (let head = this.#queue[0]; head; head = this.#queue[0]) {
      if (nowMs < head.processAtMs) return head.processAtMs - nowMs;
      if (!this.#limiter.tryAccept(nowMs)) return this.#limiter.msUntilToken(nowMs);
      const result = fn(head.name);
      this.#queue.shift();
      if (!result.ok) this.#queue.push({ name: head.name, processAtMs: nowMs + result.retryMs + 1 });
    }
    return undefined;
  }
}

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** `ComputeZoneState`: by the Ready conditions of a zone's nodes. */
export function computeZoneState(readyStatuses: readonly (string | undefined)[]): {
  notReady: number;
  state: ZoneState;
} {
  const ready = readyStatuses.filter((s) => s === 'True').length;
  const notReady = readyStatuses.length - ready;
  if (ready === 0 && notReady > 0) return { notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / readyStatuses.length >= UNHEALTHY_ZONE_THRESHOLD)
    return { notReady, state: 'PartialDisruption' };
  return { notReady, state: 'Normal' };
}

/** The eviction rate a zone gets in a state (`setLimiterInZone`). */
export function zoneEvictionRate(state: ZoneState, zoneSize: number): number {
  if (state === 'PartialDisruption')
    return zoneSize > LARGE_CLUSTER_SIZE_THRESHOLD ? SECONDARY_NODE_EVICTION_RATE : 0;
  return NODE_EVICTION_RATE;
}
