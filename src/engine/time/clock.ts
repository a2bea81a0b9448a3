/**
 * The engine's only source of time. It moves when the event loop runs work scheduled for
 * a later instant, or when a caller advances it explicitly; nothing else changes it.
 */
export class VirtualClock {
  #now: number;

  /** @param startMs milliseconds since the Unix epoch at which the simulated cluster starts. */
  constructor(startMs: number) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  /** Moves time forward to `ms`; time never goes backwards. */
  advanceTo(ms: number): void {
    if (ms < this.#now) throw new Error(`virtual time cannot go backwards (${ms} < ${this.#now})`);
    this.#now = ms;
  }
}

/** RFC 3339 UTC with second precision, as Kubernetes writes metav1.Time. */
export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 UTC with microseconds, as Kubernetes writes metav1.MicroTime (leases, events). */
export function formatMicroTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function parseTimestamp(text: string): number {
  return Date.parse(text);
}
