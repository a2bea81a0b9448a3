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

function applyChanges(
  objects: Record<string, MirroredObject>,
  keysByKind: Record<string, readonly string[]>,
  changes: readonly ObjectChange[],
): void {
  const touched = new Set<string>();
  for (const change of changes) {
    const next = mirrored(change);
    const existed = change.key in objects;
    if (next) objects[change.key] = next;
    else delete objects[change.key];
    // A key list changes only when a key comes or goes, so list subscribers skip updates.
    if (existed !== (next !== undefined)) touched.add(change.kind);
  }
  for (const kind of touched) {
    keysByKind[kind] = Object.values(objects)
      .filter((o) => o.kind === kind)
      .map((o) => o.key)
      .sort();
  }
}

export const useCluster = create<ClusterState>((set) => ({
  objects: {},
  keysByKind: {},
  apply: (changes) =>
    set((s) => {
      if (changes.length === 0) return s;
      const objects = { ...s.objects };
      const keysByKind = { ...s.keysByKind };
      applyChanges(objects, keysByKind, changes);
      return { objects, keysByKind };
    }),
  reset: (changes) => {
    const objects: Record<string, MirroredObject> = {};
    const keysByKind: Record<string, readonly string[]> = {};
    applyChanges(objects, keysByKind, changes);
    set({ objects, keysByKind });
  },
}));

const none: readonly string[] = [];

/** Selector: the keys of one kind. */
export const keysOf =
  (kind: string) =>
  (s: ClusterState): readonly string[] =>
    s.keysByKind[kind] ?? none;

/** Keys of the pods bound to `nodeName`, or of unbound pods when it is undefined. */
export function podKeysOn(s: ClusterState, nodeName: string | undefined): string[] {
  return (s.keysByKind['Pod'] ?? none).filter((k) => s.objects[k]?.display.nodeName === nodeName);
}
