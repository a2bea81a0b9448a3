/**
 * Owners the API server has confirmed absent (the garbage collector's `ReferenceCache`): a
 * small LRU, so that a hundred orphaned pods cost one lookup of their missing owner.
 */
import type { ObjectIdentity } from './identity.ts';

export const ABSENT_OWNER_CACHE_SIZE = 500;

export class AbsentOwnerCache {
  /** Map iteration order is insertion order: the first key is the least recently used. */
  readonly #entries = new Map<string, true>();

  constructor(readonly capacity = ABSENT_OWNER_CACHE_SIZE) {}

  add(id: ObjectIdentity): void {
    const key = keyOf(id);
    this.#entries.delete(key);
    this.#entries.set(key, true);
    if (this.#entries.size > this.capacity) this.#entries.delete(this.#entries.keys().next().value!);
  }

  has(id: ObjectIdentity): boolean {
    const key = keyOf(id);
    if (!this.#entries.has(key)) return false;
    this.#entries.delete(key);
    this.#entries.set(key, true);
    return true;
  }

  get size(): number {
    return this.#entries.size;
  }
}

function keyOf(id: ObjectIdentity): string {
  return [id.apiVersion, id.kind, id.namespace, id.name, id.uid].join('\u0000');
}
