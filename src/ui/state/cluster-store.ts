/**
 * The page's mirror of the cluster: objects by key and key lists by kind. Components
 * subscribe to key lists and select their own object by key, so one pod changing
 * re-renders that pod's element only.
 */
import { create } from 'zustand';
import type { ObjectChange, ObjectDisplay } from '../../engine/index.ts';

export interface MirroredObject {
  readonly kind: string;
  readonly key: string;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly display: ObjectDisplay;
}

interface ClusterState {
  readonly objects: Readonly<Record<string, MirroredObject>>;
  readonly keysByKind: Readonly<Record<string, readonly string[]>>;
  /** Pod keys by the node they are bound to ('' for unbound), kept so a machine finds its pods without a scan. */
  readonly podKeysByNode: Readonly<Record<string, readonly string[]>>;
  apply(changes: readonly ObjectChange[]): void;
  reset(changes: readonly ObjectChange[]): void;
}

function mirrored(change: ObjectChange): MirroredObject | undefined {
  if (!change.object) return undefined;
  return {
    kind: change.kind,
    key: change.key,
    namespace: change.object.metadata.namespace,
    name: change.object.metadata.name ?? '',
    display: change.display ?? { status: '' },
  };
}

const none: readonly string[] = [];

interface Mirror {
  objects: Record<string, MirroredObject>;
  keysByKind: Record<string, readonly string[]>;
  podKeysByNode: Record<string, readonly string[]>;
}

function applyChanges(mirror: Mirror, changes: readonly ObjectChange[]): void {
  const { objects, keysByKind } = mirror;
  const touched = new Set<string>();
  let podsMoved = false;
  for (const change of changes) {
    const next = mirrored(change);
    const before = objects[change.key];
    if (next) objects[change.key] = next;
    else delete objects[change.key];
    // A key list changes only when a key comes or goes, so list subscribers skip updates.
    if ((before !== undefined) !== (next !== undefined)) touched.add(change.kind);
    if (change.kind === 'Pod' && (!before || !next || before.display.nodeName !== next.display.nodeName))
      podsMoved = true;
  }
  for (const kind of touched) {
    keysByKind[kind] = Object.values(objects)
      .filter((o) => o.kind === kind)
      .map((o) => o.key)
      .sort();
  }
  if (podsMoved)
    mirror.podKeysByNode = groupPodsByNode(objects, keysByKind['Pod'] ?? none, mirror.podKeysByNode);
}

/** Regroups pods by node, reusing each unchanged list so that machine subscribers skip the update. */
function groupPodsByNode(
  objects: Readonly<Record<string, MirroredObject>>,
  podKeys: readonly string[],
  previous: Readonly<Record<string, readonly string[]>>,
): Record<string, readonly string[]> {
  const grouped: Record<string, string[]> = {};
  for (const key of podKeys) (grouped[objects[key]?.display.nodeName ?? ''] ??= []).push(key);
  const result: Record<string, readonly string[]> = {};
  for (const [node, keys] of Object.entries(grouped)) {
    const old = previous[node];
    result[node] = old && old.length === keys.length && old.every((k, i) => k === keys[i]) ? old : keys;
  }
  return result;
}

export const useCluster = create<ClusterState>((set) => ({
  objects: {},
  keysByKind: {},
  podKeysByNode: {},
  apply: (changes) =>
    set((s) => {
      if (changes.length === 0) return s;
      const mirror = {
        objects: { ...s.objects },
        keysByKind: { ...s.keysByKind },
        podKeysByNode: s.podKeysByNode,
      };
      applyChanges(mirror, changes);
      return mirror;
    }),
  reset: (changes) => {
    const mirror: Mirror = { objects: {}, keysByKind: {}, podKeysByNode: {} };
    applyChanges(mirror, changes);
    set(mirror);
  },
}));

/** Selector: the keys of one kind. */
export const keysOf =
  (kind: string) =>
  (s: ClusterState): readonly string[] =>
    s.keysByKind[kind] ?? none;

/** Keys of the pods bound to `nodeName`, or of unbound pods when it is undefined. */
export function podKeysOn(s: ClusterState, nodeName: string | undefined): readonly string[] {
  return s.podKeysByNode[nodeName ?? ''] ?? none;
}
