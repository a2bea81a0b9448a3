/**
 * `uidTrackingExpectations`: the pods whose tracking finalizer this controller asked to
 * remove but whose update it has not seen yet. Until then such a pod is neither counted
 * again nor asked again, even though the cache still shows its finalizer.
 */
export class FinalizerExpectations {
  readonly #byJob = new Map<string, Set<string>>();

  expected(jobKey: string): ReadonlySet<string> {
    return this.#byJob.get(jobKey) ?? new Set();
  }

  expectRemoved(jobKey: string, uids: readonly string[]): void {
    const set = this.#byJob.get(jobKey) ?? new Set<string>();
    for (const uid of uids) set.add(uid);
    this.#byJob.set(jobKey, set);
  }

  removalObserved(jobKey: string, uid: string): void {
    const set = this.#byJob.get(jobKey);
    if (!set) return;
    set.delete(uid);
    if (set.size === 0) this.#byJob.delete(jobKey);
  }

  delete(jobKey: string): void {
    this.#byJob.delete(jobKey);
  }
}
