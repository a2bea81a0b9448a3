/**
 * Keeps the dependency graph in step with what the informers see
 * (`pkg/controller/garbagecollector/graph_builder.go`) and decides what the collector must
 * look at: the dependents of an owner that went away, an owner that started a foreground
 * or orphaning deletion, an object whose ownerReferences look wrong, an unknown owner.
 * It makes no API calls; it only enqueues UIDs.
 */
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import type { AbsentOwnerCache } from './absent-owner-cache.ts';
import { DependencyGraph, GraphNode } from './graph.ts';
import {
  compareIdentities,
  ownerIdentity,
  referenceMatches,
  sameIdentity,
  type ObjectIdentity,
} from './identity.ts';

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

export interface GraphEvent {
  readonly type: 'add' | 'update' | 'delete';
  /** The apiVersion and kind of the informer the event came from. */
  readonly apiVersion: string;
  readonly kind: string;
  readonly object: KubeObject;
  readonly oldObject?: KubeObject;
  /** Made up by the collector when the API server said an object is gone, not seen by an informer. */
  readonly virtual?: boolean;
}

export interface GraphQueues {
  attemptToDelete(uid: string): void;
  attemptToDeleteRateLimited(uid: string): void;
  attemptToOrphan(uid: string): void;
}

export class GraphBuilder {
  readonly graph = new DependencyGraph();

  constructor(
    private readonly queues: GraphQueues,
    private readonly absentOwners: AbsentOwnerCache,
  ) {}

  /** Records that the API server does not have this object, as if an informer had seen it deleted. */
  virtualDelete(id: ObjectIdentity): void {
    this.process({
      type: 'delete',
      apiVersion: id.apiVersion,
      kind: id.kind,
      virtual: true,
      object: {
        apiVersion: id.apiVersion,
        kind: id.kind,
        metadata: { name: id.name, uid: id.uid, ...(id.namespace ? { namespace: id.namespace } : {}) },
      },
    });
  }

  process(event: GraphEvent): void {
    const observed = identityOf(event);
    const existing = this.graph.get(observed.uid);
    if (existing && !event.virtual && existing.virtual) this.#observe(existing, observed);
    if (event.type === 'delete') {
      if (existing) this.#delete(existing, event, observed);
      return;
    }
    const owners = event.object.metadata.ownerReferences ?? [];
    if (!existing) {
      const node = new GraphNode(observed, owners, {
        virtual: false,
        beingDeleted: beingDeleted(event.object),
        deletingDependents: beingDeleted(event.object) && hasFinalizer(event.object, FOREGROUND_FINALIZER),
      });
      this.graph.insert(node);
      this.#addDependentToOwners(node, owners);
      this.#processTransitions(event.oldObject, event.object, node);
      return;
    }
    if (
      !event.virtual &&
      (existing.identity.apiVersion !== event.apiVersion || existing.identity.kind !== event.kind)
    ) {
      existing.identity = { ...existing.identity, apiVersion: event.apiVersion, kind: event.kind };
    }
    const { added, removed, changed } = referencesDiff(existing.owners, owners);
    if (added.length || removed.length || changed.length) {
      this.#enqueueUnblockedOwners(removed, changed);
      existing.owners = owners;
      this.#addDependentToOwners(existing, added);
      this.graph.unlinkFromOwners(existing, removed);
    }
    if (beingDeleted(event.object)) existing.beingDeleted = true;
    this.#processTransitions(event.oldObject, event.object, existing);
  }

  /** A virtual node is now seen by an informer; dependents that named it differently are suspect. */
  #observe(node: GraphNode, observed: ObjectIdentity): void {
    if (!sameIdentity(observed, node.identity)) {
      const [, suspect] = partitionDependents(node.dependents, observed);
      for (const dep of suspect) this.queues.attemptToDelete(dep.uid);
      node.identity = observed;
    }
    node.virtual = false;
  }

  #delete(existing: GraphNode, event: GraphEvent, deleted: ObjectIdentity): void {
    if (event.virtual && !this.#confirmsVirtualDelete(existing, deleted)) return;
    this.graph.remove(existing);
    if (existing.dependents.size > 0) this.absentOwners.add(deleted);
    for (const dep of existing.dependents) this.queues.attemptToDelete(dep.uid);
    for (const owner of existing.owners) {
      const ownerNode = this.graph.get(owner.uid);
      // An owner deleting in the foreground may now have no blocking dependents left.
      if (ownerNode?.deletingDependents) this.queues.attemptToDelete(ownerNode.uid);
    }
  }

  /**
   * A virtual delete says "nothing with these coordinates exists". It removes the node only
   * when no dependent refers to the UID by other coordinates; otherwise the dependents
   * that used the absent coordinates are rechecked and the node stays.
   */
  #confirmsVirtualDelete(existing: GraphNode, deleted: ObjectIdentity): boolean {
    if (existing.virtual) {
      const [matching, nonMatching] = partitionDependents(existing.dependents, deleted);
      if (nonMatching.length === 0) return true;
      if (matching.length > 0) {
        this.absentOwners.add(deleted);
        for (const dep of matching) this.queues.attemptToDelete(dep.uid);
      }
      if (sameIdentity(existing.identity, deleted)) {
        const replacement = alternateOwnerIdentity(nonMatching, deleted);
        if (replacement) {
          existing.identity = replacement;
          this.queues.attemptToDeleteRateLimited(existing.uid);
        }
      }
      return false;
    }
    if (sameIdentity(existing.identity, deleted)) return true;
    const [matching] = partitionDependents(existing.dependents, deleted);
    if (matching.length > 0) {
      this.absentOwners.add(deleted);
      for (const dep of matching) this.queues.attemptToDelete(dep.uid);
    }
    return false;
  }

  #addDependentToOwners(node: GraphNode, owners: readonly OwnerReference[]): void {
    let suspect = false;
    for (const owner of owners) {
      let ownerNode = this.graph.get(owner.uid);
      if (!ownerNode) {
        ownerNode = new GraphNode(ownerIdentity(owner, node.identity.namespace), [], {
          virtual: true,
          beingDeleted: false,
          deletingDependents: false,
        });
        this.graph.insert(ownerNode);
        ownerNode.dependents.add(node);
        // The collector asks the API server whether this owner exists.
        this.queues.attemptToDelete(ownerNode.uid);
        continue;
      }
      ownerNode.dependents.add(node);
      if (suspect) continue;
      const ownerNamespace = ownerNode.identity.namespace;
      if (ownerNamespace !== '' && ownerNamespace !== node.identity.namespace) suspect = true;
      else if (!referenceMatches(owner, ownerNode.identity)) suspect = true;
      // A virtual cluster-scoped owner may really be a namespaced object referenced from a cluster-scoped one.
      else if (ownerNamespace === '' && node.identity.namespace !== '' && ownerNode.virtual) suspect = true;
    }
    if (suspect) this.queues.attemptToDelete(node.uid);
  }

  /** A dependent dropped a blocking reference (or stopped blocking): its owner may finish a foreground deletion. */
  #enqueueUnblockedOwners(removed: readonly OwnerReference[], changed: readonly OwnerRefChange[]): void {
    for (const ref of removed) {
      if (ref.blockOwnerDeletion === true && this.graph.get(ref.uid)) this.queues.attemptToDelete(ref.uid);
    }
    for (const { before, after } of changed) {
      if (
        before.blockOwnerDeletion === true &&
        after.blockOwnerDeletion !== true &&
        this.graph.get(after.uid)
      ) {
        this.queues.attemptToDelete(after.uid);
      }
    }
  }

  #processTransitions(oldObject: KubeObject | undefined, object: KubeObject, node: GraphNode): void {
    if (deletionStartsWith(oldObject, object, ORPHAN_FINALIZER)) {
      this.queues.attemptToOrphan(node.uid);
      return;
    }
    if (deletionStartsWith(oldObject, object, FOREGROUND_FINALIZER)) {
      node.deletingDependents = true;
      for (const dep of node.dependents) this.queues.attemptToDelete(dep.uid);
      this.queues.attemptToDelete(node.uid);
    }
  }
}

interface OwnerRefChange {
  readonly before: OwnerReference;
  readonly after: OwnerReference;
}

function identityOf(event: GraphEvent): ObjectIdentity {
  const m = event.object.metadata;
  return {
    apiVersion: event.apiVersion,
    kind: event.kind,
    name: m.name ?? '',
    uid: m.uid ?? '',
    namespace: m.namespace ?? '',
  };
}

export function beingDeleted(o: KubeObject): boolean {
  return o.metadata.deletionTimestamp !== undefined;
}

export function hasFinalizer(o: KubeObject, finalizer: string): boolean {
  return (o.metadata.finalizers ?? []).includes(finalizer);
}

function deletionStartsWith(old: KubeObject | undefined, object: KubeObject, finalizer: string): boolean {
  if (!beingDeleted(object) || !hasFinalizer(object, finalizer)) return false;
  return !old || !beingDeleted(old) || !hasFinalizer(old, finalizer);
}

function referencesDiff(
  before: readonly OwnerReference[],
  after: readonly OwnerReference[],
): { added: OwnerReference[]; removed: OwnerReference[]; changed: OwnerRefChange[] } {
  const old = new Map(before.map((r) => [r.uid, r]));
  const added: OwnerReference[] = [];
  const changed: OwnerRefChange[] = [];
  for (const ref of after) {
    const previous = old.get(ref.uid);
    if (!previous) added.push(ref);
    else if (!sameReference(previous, ref)) changed.push({ before: previous, after: ref });
    old.delete(ref.uid);
  }
  return { added, removed: [...old.values()], changed };
}

function sameReference(a: OwnerReference, b: OwnerReference): boolean {
  return (
    referenceMatches(a, ownerIdentity(b, '')) &&
    a.controller === b.controller &&
    a.blockOwnerDeletion === b.blockOwnerDeletion
  );
}

/**
 * Dependents whose reference to `owner.uid` matches its coordinates, and those that refer
 * to the same UID otherwise (or live in another namespace than a namespaced owner).
 */
function partitionDependents(
  dependents: Iterable<GraphNode>,
  owner: ObjectIdentity,
): [GraphNode[], GraphNode[]] {
  const matching: GraphNode[] = [];
  const nonMatching: GraphNode[] = [];
  for (const dep of dependents) {
    let match = false;
    let mismatch = false;
    if (owner.namespace !== '' && owner.namespace !== dep.identity.namespace) mismatch = true;
    else {
      for (const ref of dep.owners) {
        if (ref.uid !== owner.uid) continue;
        if (referenceMatches(ref, owner)) match = true;
        else mismatch = true;
      }
    }
    if (match) matching.push(dep);
    if (mismatch) nonMatching.push(dep);
  }
  return [matching, nonMatching];
}

/** Another identity dependents use for the absent owner's UID: the next one in order after it, else the first. */
function alternateOwnerIdentity(
  dependents: readonly GraphNode[],
  absent: ObjectIdentity,
): ObjectIdentity | undefined {
  const clusterScoped = absent.namespace === '';
  let first: ObjectIdentity | undefined;
  let firstFollowing: ObjectIdentity | undefined;
  for (const dep of dependents) {
    for (const ref of dep.owners) {
      if (ref.uid !== absent.uid) continue;
      if (referenceMatches(ref, absent) && (clusterScoped || absent.namespace === dep.identity.namespace))
        continue;
      let candidate = ownerIdentity(ref, dep.identity.namespace);
      if (clusterScoped && candidate.apiVersion === absent.apiVersion && candidate.kind === absent.kind) {
        candidate = { ...candidate, namespace: '' };
      }
      if (sameIdentity(candidate, absent)) continue;
      if (!first || compareIdentities(candidate, first) < 0) first = candidate;
      if (
        compareIdentities(absent, candidate) < 0 &&
        (!firstFollowing || compareIdentities(candidate, firstFollowing) < 0)
      ) {
        firstFollowing = candidate;
      }
    }
  }
  return firstFollowing ?? first;
}
