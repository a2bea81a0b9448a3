import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';

/**
 * A seeded, serialisable random source. Each component draws from its own stream, derived
 * from the cluster seed and the component's id, so adding a component (or a draw in one)
 * never shifts the numbers another component sees.
 */
export class Rng {
  #gen: JumpableRandomGenerator;

  private constructor(gen: JumpableRandomGenerator) {
    this.#gen = gen;
  }

  static fromSeed(seed: number): Rng {
    return new Rng(xoroshiro128plus(seed | 0));
  }

  /** The stream for one component (`scheduler`, `kubelet/node-1`, …) of a cluster seeded with `seed`. */
  static forComponent(seed: number, componentId: string): Rng {
    return new Rng(xoroshiro128plus(fnv1a32(`${seed}/${componentId}`) | 0));
  }

  static fromState(state: readonly number[]): Rng {
    return new Rng(xoroshiro128plusFromState(state));
  }

  getState(): readonly number[] {
    return this.#gen.getState();
  }

  /** A uniformly distributed 32-bit unsigned integer. */
  nextUint32(): number {
    return this.#gen.next() >>> 0;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    if (n <= 0) throw new Error(`Rng.int needs a positive bound, got ${n}`);
    // Rejection sampling keeps the distribution uniform for bounds that do not divide 2^32.
    const limit = Math.floor(0x1_0000_0000 / n) * n;
    for (;;) {
      const x = this.nextUint32();
      if (x < limit) return x % n;
    }
  }

  /** A float in [0, 1). */
  float(): number {
    return this.nextUint32() / 0x1_0000_0000;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('Rng.pick from an empty list');
    return item;
  }
}

/** 32-bit FNV-1a over the UTF-16 code units of `text`. */
export function fnv1a32(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
