/**
 * The watch cache's index of pods by `spec.nodeName`. Every kubelet watches pods with the
 * field selector `spec.nodeName=<its node>`; testing each pod change against every
 * kubelet's watch would cost (changes × nodes). Like kube-apiserver's cacher, one store
 * watch feeds a map from node name to the watches of that node, so a change reaches only
 * the watches of the nodes it names (before and after the change).
 */
import type { KubeObject } from '../api/types.ts';
import type { MvccStore, StoreEvent, StoreWatch } from '../store/mvcc-store.ts';
import type { WatchSubscriber } from './watch.ts';

const PODS_PREFIX = '/registry/pods/';

type Handler = (e: StoreEvent) => void;

export class PodsByNodeWatchIndex {
  readonly #byNode = new Map<string, Set<Handler>>();
  #tap: StoreWatch | undefined;

  constructor(private readonly store: MvccStore) {}

  /** A subscriber for watches of one node's pods (prefix must cover all or one namespace). */
  subscriber(nodeName: string): WatchSubscriber {
    return (prefix, fromRevision, handler) => {
      // Replay history first (this throws for a compacted revision, as a plain watch does).
      for (const e of this.store.eventsSince(prefix, fromRevision)) {
        if (touchesNode(e, nodeName)) handler(e);
      }
      this.#ensureTap();
      const filtered: Handler = (e) => {
        if (e.key.startsWith(prefix)) handler(e);
      };
      let handlers = this.#byNode.get(nodeName);
      if (!handlers) this.#byNode.set(nodeName, (handlers = new Set()));
      handlers.add(filtered);
      return {
        cancel: () => {
          this.#byNode.get(nodeName)?.delete(filtered);
        },
      };
    };
  }

  #ensureTap(): void {
    if (this.#tap) return;
    this.#tap = this.store.watch(PODS_PREFIX, this.store.revision, (e) => {
      const now = nodeOf(e.object);
      const before = e.prevObject ? nodeOf(e.prevObject) : '';
      this.#dispatch(now, e);
      if (before !== now) this.#dispatch(before, e);
    });
  }

  #dispatch(nodeName: string, e: StoreEvent): void {
    const handlers = this.#byNode.get(nodeName);
    if (!handlers) return;
    for (const h of [...handlers]) h(e);
  }
}

function nodeOf(pod: KubeObject): string {
  return (pod.spec as { nodeName?: string } | undefined)?.nodeName ?? '';
}

function touchesNode(e: StoreEvent, nodeName: string): boolean {
  return nodeOf(e.object) === nodeName || (e.prevObject !== undefined && nodeOf(e.prevObject) === nodeName);
}

/** The node of a field selector that is exactly `spec.nodeName=<node>` (or `==`), else undefined. */
export function nodeNameSelector(fieldSelector: string | undefined): string | undefined {
  const m = /^spec\.nodeName==?([^,=!]*)$/.exec(fieldSelector ?? '');
  return m ? m[1] : undefined;
}
