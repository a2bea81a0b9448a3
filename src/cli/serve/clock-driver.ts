/**
 * Runs a cluster's virtual clock at a multiple of wall time. Timers live here, outside the
 * pure engine: the engine only ever sees `advance(ms)`.
 */
import type { Cluster } from '../../engine/cluster/cluster.ts';

const TICK_MS = 10;

export class ClockDriver {
  readonly #cluster: Cluster;
  #speed: number;
  #timer: ReturnType<typeof setInterval> | undefined;
  #last = 0;
  /** Virtual milliseconds owed but not yet advanced (the clock moves in whole milliseconds). */
  #carry = 0;

  constructor(cluster: Cluster, speed: number) {
    this.#cluster = cluster;
    this.#speed = speed;
  }

  get speed(): number {
    return this.#speed;
  }

  set speed(value: number) {
    this.#speed = value;
  }

  start(): void {
    if (this.#timer) return;
    this.#last = performance.now();
    this.#timer = setInterval(() => this.#tick(), TICK_MS);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #tick(): void {
    const now = performance.now();
    this.#carry += (now - this.#last) * this.#speed;
    this.#last = now;
    const whole = Math.floor(this.#carry);
    if (whole <= 0) return;
    this.#carry -= whole;
    this.#cluster.advance(whole);
  }
}
