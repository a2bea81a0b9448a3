/**
 * The NoExecute half of the node lifecycle controller (`doNoExecuteTaintingPass`,
 * `markNodeForTainting`, `handleDisruption`): nodes that are not Ready wait in their
 * zone's rate-limited queue for the `not-ready` or `unreachable` NoExecute taint, which
 * evicts their pods. How fast a zone's nodes are tainted depends on how disrupted the zone
 * is: when no zone has a Ready node left, nothing is tainted and existing NoExecute taints
 * are lifted, since a control plane cut off from every node is likelier than every node
 * dying at once.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Cancellable } from '../../apiserver/watch.ts';
import type { VirtualScheduler } from '../../client/host.ts';
import type { Lister } from '../../client/lister.ts';
import {
  NOT_READY_NO_EXECUTE,
  nodeCondition,
  nodeTaints,
  taintExists,
  UNREACHABLE_NO_EXECUTE,
  zoneKey,
  type Taint,
} from './taints.ts';
import {
  computeZoneState,
  NODE_EVICTION_RATE,
  zoneEvictionRate,
  ZoneTainter,
  type ZoneState,
} from './zone-tainter.ts';

/** `NodeEvictionPeriod`: how often the NoExecute tainting queue is worked. */
export const NODE_EVICTION_PERIOD_MS = 100;

export interface NoExecuteTainterDeps {
  /** Owner of the tainting passes on the event queue. */
  readonly owner: string;
  readonly scheduler: VirtualScheduler;
  readonly nodes: Lister;
  /** Swaps NoExecute taints on a node; false when the write failed (it is retried later). */
  swap(node: KubeObject, add: Taint, remove: Taint): boolean;
  /** Removes both NoExecute taints from a node; false when the write failed. */
  markReachable(node: KubeObject): boolean;
}

/** The NoExecute taint a Ready status calls for, and the one it replaces. */
export function noExecuteTaintFor(readyStatus: string | undefined): [Taint, Taint] | undefined {
  if (readyStatus === 'False') return [NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE];
  if (readyStatus === 'Unknown') return [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE];
  return undefined;
}

export class NoExecuteTainter {
  readonly #deps: NoExecuteTainterDeps;
  readonly #zoneStates = new Map<string, ZoneState>();
  readonly #tainters = new Map<string, ZoneTainter>();
  #timer: { at: number; timer: Cancellable } | undefined;

  constructor(deps: NoExecuteTainterDeps) {
    this.#deps = deps;
  }

  /** The zone's queue, created (with the zone in its Initial state) on first sight. */
  zone(node: KubeObject): ZoneTainter {
    const zone = zoneKey(node);
    let tainter = this.#tainters.get(zone);
    if (!tainter) {
      tainter = new ZoneTainter(NODE_EVICTION_RATE, this.#now());
      this.#tainters.set(zone, tainter);
      this.#zoneStates.set(zone, 'Initial');
    }
    return tainter;
  }

  /**
   * `processTaintBaseEviction` for a node last seen not Ready: a node that flipped between
   * not-ready and unreachable has its taint swapped at once; otherwise it is queued.
   */
  nodeNotReady(node: KubeObject, readyStatus: 'False' | 'Unknown'): void {
    const [wanted, opposite] = noExecuteTaintFor(readyStatus)!;
    const taints = nodeTaints(node);
    if (taintExists(taints, opposite)) {
      this.#deps.swap(node, wanted, opposite);
      return;
    }
    const tainter = this.zone(node);
    const name = node.metadata.name ?? '';
    if (!taintExists(taints, wanted)) tainter.remove(name);
    if (tainter.add(name, this.#now())) this.#schedule(NODE_EVICTION_PERIOD_MS);
  }

  /** Takes a node that is Ready again out of its zone's queue. */
  forget(node: KubeObject): void {
    this.zone(node).remove(node.metadata.name ?? '');
  }

  /** `handleDisruption`: the zones' new states from their nodes' Ready statuses, and their eviction rates. */
  handleDisruption(
    zoneReady: ReadonlyMap<string, readonly (string | undefined)[]>,
    all: readonly KubeObject[],
    resetProbes: () => void,
  ): void {
    const now = this.#now();
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, statuses] of zoneReady) {
      const { state } = computeZoneState(statuses);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!this.#zoneStates.has(zone)) this.#zoneStates.set(zone, 'Initial');
    }
    let allWereFullyDisrupted = true;
    for (const [zone, state] of [...this.#zoneStates]) {
      if (!zoneReady.has(zone)) {
        this.#zoneStates.delete(zone);
        continue;
      }
      if (state !== 'FullDisruption') {
        allWereFullyDisrupted = false;
        break;
      }
    }
    if (allAreFullyDisrupted && allWereFullyDisrupted) return;
    if (allAreFullyDisrupted) {
      for (const node of all) if (this.#deps.markReachable(node)) this.forget(node);
      for (const zone of this.#zoneStates.keys()) {
        this.#tainters.get(zone)?.swapLimiter(0, now);
        this.#zoneStates.set(zone, 'FullDisruption');
      }
      return;
    }
    // Leaving full disruption, every node gets a fresh grace period.
    if (allWereFullyDisrupted) resetProbes();
    for (const [zone, state] of this.#zoneStates) {
      const next = newStates.get(zone) ?? 'Normal';
      if (!allWereFullyDisrupted && state === next) continue;
      this.#tainters.get(zone)?.swapLimiter(zoneEvictionRate(next, zoneReady.get(zone)?.length ?? 0), now);
      this.#zoneStates.set(zone, next);
    }
    this.#schedule(NODE_EVICTION_PERIOD_MS);
  }

  stop(): void {
    this.#timer?.timer.cancel();
    this.#timer = undefined;
  }

  /** `doNoExecuteTaintingPass`. */
  #pass(): void {
    this.#timer = undefined;
    const now = this.#now();
    let next: number | undefined;
    for (const tainter of this.#tainters.values()) {
      const wait = tainter.try(now, (name) => {
        const node = this.#deps.nodes.get(undefined, name);
        if (!node) return { ok: true, retryMs: 0 };
        // Ready again meanwhile: nothing to taint. (A node that lost its Ready condition is
        // dropped too rather than retried every 50 ms; the next monitor pass queues it again.)
        const swap = noExecuteTaintFor(nodeCondition(node, 'Ready')?.status);
        if (!swap) return { ok: true, retryMs: 0 };
        return { ok: this.#deps.swap(node, swap[0], swap[1]), retryMs: 0 };
      });
      if (wait !== undefined) next = Math.min(next ?? wait, wait);
    }
    if (next !== undefined) this.#schedule(Math.max(NODE_EVICTION_PERIOD_MS, next));
  }

  /** Runs a pass after `delayMs` when some node waits (passes only run while there is work). */
  #schedule(delayMs: number): void {
    if (![...this.#tainters.values()].some((t) => t.pending > 0)) return;
    const at = this.#now() + delayMs;
    if (this.#timer && this.#timer.at <= at) return;
    this.#timer?.timer.cancel();
    this.#timer = { at, timer: this.#deps.scheduler.schedule(delayMs, this.#deps.owner, () => this.#pass()) };
  }

  #now(): number {
    return this.#deps.scheduler.clock.now();
  }
}
