/**
 * `flowcontrol.Backoff` as kube-controller-manager configures it for failed daemon pods
 * (1 s doubling up to 15 min): a node whose daemon pod keeps failing is not fought over in
 * a hot loop. An entry untouched for twice the maximum starts over.
 */
export const FAILED_POD_BACKOFF_INITIAL_MS = 1000;
export const FAILED_POD_BACKOFF_MAX_MS = 15 * 60 * 1000;

interface Entry {
  backoffMs: number;
  lastUpdateMs: number;
}

export class FailedPodsBackoff {
  readonly #entries = new Map<string, Entry>();

  #expired(entry: Entry, nowMs: number): boolean {
    return nowMs - entry.lastUpdateMs > 2 * FAILED_POD_BACKOFF_MAX_MS;
  }

  /** `IsInBackOffSinceUpdate`: the last deletion was less than the current delay ago. */
  inBackoff(key: string, nowMs: number): boolean {
    const e = this.#entries.get(key);
    if (!e || this.#expired(e, nowMs)) return false;
    return nowMs - e.lastUpdateMs < e.backoffMs;
  }

  /** `Get`: the current delay (0 for an unknown key). */
  delayMs(key: string): number {
    return this.#entries.get(key)?.backoffMs ?? 0;
  }

  /** `Next`: records a deletion now and doubles the delay. */
  next(key: string, nowMs: number): void {
    const e = this.#entries.get(key);
    if (!e || this.#expired(e, nowMs)) {
      this.#entries.set(key, { backoffMs: FAILED_POD_BACKOFF_INITIAL_MS, lastUpdateMs: nowMs });
      return;
    }
    e.backoffMs = Math.min(e.backoffMs * 2, FAILED_POD_BACKOFF_MAX_MS);
    e.lastUpdateMs = nowMs;
  }
}
