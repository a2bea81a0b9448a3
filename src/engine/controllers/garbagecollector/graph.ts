/**
 * The garbage collector's dependency graph: a node per object UID it knows of, linked to
 * its owners (by the UIDs in its ownerReferences) and its dependents. An owner referenced
 * before it has been seen gets a "virtual" node, which the collector verifies with the
 * API server.
 */
import type { OwnerReference } from '../../api/types.ts';
import type { ObjectIdentity } from './identity.ts';

export class GraphNode {
  identity: ObjectIdentity;
  owners: OwnerReference[];
  /** Insertion-ordered, so that processing order is reproducible. */
  readonly dependents = new Set<GraphNode>();
  /** Known only from a dependent's ownerReference, not yet observed through an informer. */
  virtual: boolean;
  /** Has a deletionTimestamp (one-way). */
  beingDeleted: boolean;
  /** Being deleted in the foreground: waits for its blocking dependents to go. */
  deletingDependents: boolean;

  constructor(
    identity: ObjectIdentity,
    owners: OwnerReference[],
    flags: { virtual: boolean; beingDeleted: boolean; deletingDependents: boolean },
  ) {
    this.identity = identity;
    this.owners = owners;
    this.virtual = flags.virtual;
    this.beingDeleted = flags.beingDeleted;
    this.deletingDependents = flags.deletingDependents;
  }

  get uid(): string {
    return this.identity.uid;
  }

  /** Dependents whose reference to this node has `blockOwnerDeletion: true`. */
  blockingDependents(): GraphNode[] {
    return [...this.dependents].filter((dep) =>
      dep.owners.some((o) => o.uid === this.uid && o.blockOwnerDeletion === true),
    );
  }
}

export class DependencyGraph {
  readonly #nodes = new Map<string, GraphNode>();

  get(uid: string): GraphNode | undefined {
    return this.#nodes.get(uid);
  }

  get size(): number {
    return this.#nodes.size;
  }

  nodes(): IterableIterator<GraphNode> {
    return this.#nodes.values();
  }

  insert(node: GraphNode): void {
    this.#nodes.set(node.uid, node);
  }

  /** Removes the node and unlinks it from its owners; its own dependents list is kept for the caller. */
  remove(node: GraphNode): void {
    this.#nodes.delete(node.uid);
    this.unlinkFromOwners(node, node.owners);
  }

  unlinkFromOwners(node: GraphNode, owners: readonly OwnerReference[]): void {
    for (const owner of owners) this.#nodes.get(owner.uid)?.dependents.delete(node);
  }
}
