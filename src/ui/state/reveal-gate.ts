/**
 * Holds object changes back until the animation has shown the etcd write that made them,
 * so a pod appears on the graph when its create reaches etcd on screen, not before. When
 * nothing is waiting to be animated, everything still held is shown: the picture never
 * stays behind the cluster for writes the trace did not carry.
 */
import type { ObjectChange } from '../../engine/index.ts';

export class RevealGate {
  #held: ObjectChange[] = [];
  readonly #apply: (changes: readonly ObjectChange[]) => void;

  constructor(apply: (changes: readonly ObjectChange[]) => void) {
    this.#apply = apply;
  }

  push(changes: readonly ObjectChange[]): void {
    this.#held.push(...changes);
  }

  /** Shows the changes up to `revision` (all of them when `all`), in the order they came. */
  release(revision: number, all: boolean): void {
    if (this.#held.length === 0) return;
    if (all) {
      const changes = this.#held;
      this.#held = [];
      this.#apply(changes);
      return;
    }
    const due = this.#held.filter((c) => c.revision <= revision);
    if (due.length === 0) return;
    this.#held = this.#held.filter((c) => c.revision > revision);
    this.#apply(due);
  }

  /** Forgets everything held (the cluster was rebuilt from a saved session). */
  reset(): void {
    this.#held = [];
  }

  get held(): number {
    return this.#held.length;
  }
}
