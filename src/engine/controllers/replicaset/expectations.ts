/**
 * `controller.ControllerExpectations`: after issuing creates or deletes, a controller waits
 * until its informer has seen them all before it counts pods again, so that a cache lagging
 * behind its own writes does not make it create or delete twice. Expectations older than
 * five minutes are considered fulfilled, so a lost watch event cannot stall an owner.
 */
export const EXPECTATIONS_TIMEOUT_MS = 5 * 60 * 1000;

interface Expectation {
  add: number;
  del: number;
  readonly setAtMs: number;
  /** Keys of the pods expected to disappear (`UIDTrackingControllerExpectations`). */
  readonly deleting: Set<string>;
}

export class Expectations {
  readonly #byKey = new Map<string, Expectation>();

  constructor(private readonly now: () => number) {}

  satisfied(key: string): boolean {
    const e = this.#byKey.get(key);
    if (!e) return true;
    if (e.add <= 0 && e.del <= 0) return true;
    return this.now() - e.setAtMs > EXPECTATIONS_TIMEOUT_MS;
  }

  expectCreations(key: string, count: number): void {
    this.#byKey.set(key, { add: count, del: 0, setAtMs: this.now(), deleting: new Set() });
  }

  expectDeletions(key: string, podKeys: readonly string[]): void {
    this.#byKey.set(key, { add: 0, del: podKeys.length, setAtMs: this.now(), deleting: new Set(podKeys) });
  }

  /** `SetExpectations`: creations and deletions at once (the DaemonSet controller issues both in one pass). */
  expect(key: string, creations: number, podKeys: readonly string[]): void {
    this.#byKey.set(key, {
      add: creations,
      del: podKeys.length,
      setAtMs: this.now(),
      deleting: new Set(podKeys),
    });
  }

  creationObserved(key: string): void {
    const e = this.#byKey.get(key);
    if (e) e.add--;
  }

  deletionObserved(key: string, podKey: string): void {
    const e = this.#byKey.get(key);
    if (e?.deleting.delete(podKey)) e.del--;
  }

  delete(key: string): void {
    this.#byKey.delete(key);
  }
}
