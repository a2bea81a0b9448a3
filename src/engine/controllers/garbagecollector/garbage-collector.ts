/**
 * The garbage collector of kube-controller-manager (`pkg/controller/garbagecollector/garbagecollector.go`).
 * It watches every deletable resource, keeps the graph of ownerReferences, and works two queues:
 * - attemptToDelete: an object whose owners may all be gone is deleted (background
 *   collection); one whose owner deletes in the foreground is deleted too (in the
 *   foreground if it has dependents of its own); an owner deleting in the foreground loses
 *   its `foregroundDeletion` finalizer once no dependent with `blockOwnerDeletion` is left;
 * - attemptToOrphan: an owner with the `orphan` finalizer has its references removed from
 *   every dependent, then loses the finalizer.
 * Owners are checked with the API server by UID: an object of the same name but another
 * UID is not the owner. A dependent with several owners stays while one of them exists.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import { apiVersionOf, parseApiVersion, type KubeObject, type OwnerReference } from '../../api/types.ts';
import { findKind } from '../../api/resources.ts';
import { sameJson } from '../../apiserver/strategy.ts';
import { ApiError, isConflict, isNotFound } from '../../client/api-client.ts';
import { keyOf } from '../../client/indexer.ts';
import type { SharedInformer } from '../../client/informer.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { aggregateMessage } from '../../labels/index.ts';
import { Controller, SyncError, type ControllerHost, type SyncResult } from '../controller.ts';
import { preferredResources, supportsAllVerbs } from '../discovery.ts';
import { AbsentOwnerCache } from './absent-owner-cache.ts';
import type { DependencyGraph, GraphNode } from './graph.ts';
import { FOREGROUND_FINALIZER, GraphBuilder, ORPHAN_FINALIZER } from './graph-builder.ts';
import { formatIdentity, ownerIdentity, type ObjectIdentity } from './identity.ts';
import {
  planAttemptToDelete,
  removeFinalizerPatch,
  removeOwnerReferencesPatch,
  unblockOwnerReferencesPatch,
  type DeletionPropagation,
  type ReferenceClassification,
} from './plan.ts';

/** `--concurrent-gc-syncs`. */
export const GC_WORKERS = 20;

/** Resources the collector never watches (`DefaultIgnoredResources`): events come and go too fast. */
export const IGNORED_RESOURCES: readonly { group: string; resource: string }[] = [
  { group: '', resource: 'events' },
  { group: 'events.k8s.io', resource: 'events' },
];

/** client-go's `retry.DefaultBackoff.Steps`: attempts at removing a finalizer before giving the key back. */
const FINALIZER_UPDATE_ATTEMPTS = 4;

/** What discovery offers that the collector can list, watch and delete, at the preferred versions. */
export function garbageCollectedResources(): ResourceInfo[] {
  return preferredResources().filter(
    (r) =>
      supportsAllVerbs(r, ['delete', 'list', 'watch']) &&
      !IGNORED_RESOURCES.some((i) => i.group === r.group && i.resource === r.plural),
  );
}

type Outcome = 'done' | 'virtualDeleteEnqueued' | 'invalidOwnerScope';

export class GarbageCollector extends Controller {
  readonly attemptToDelete: WorkQueue;
  readonly attemptToOrphan: WorkQueue;
  readonly absentOwners = new AbsentOwnerCache();
  readonly graphBuilder: GraphBuilder;
  /** The informer of each watched apiVersion/kind, for reading an object's cached metadata. */
  readonly #caches = new Map<string, SharedInformer>();

  constructor(
    host: ControllerHost,
    informers: SharedInformerFactory,
    resources = garbageCollectedResources(),
  ) {
    super(host, informers, 'garbagecollector');
    const describe = (uid: string): string => {
      const node = this.graph.get(uid);
      return node ? describeIdentity(node.identity) : uid;
    };
    this.attemptToDelete = this.newQueue({
      name: 'garbage_collector_attempt_to_delete',
      workers: GC_WORKERS,
      sync: (uid) => this.syncAttemptToDelete(uid),
      describe,
    });
    this.attemptToOrphan = this.newQueue({
      name: 'garbage_collector_attempt_to_orphan',
      workers: GC_WORKERS,
      sync: (uid) => this.syncAttemptToOrphan(uid),
      describe,
    });
    this.graphBuilder = new GraphBuilder(
      {
        attemptToDelete: (uid) => this.attemptToDelete.add(uid),
        attemptToDeleteRateLimited: (uid) => this.attemptToDelete.addRateLimited(uid),
        attemptToOrphan: (uid) => this.attemptToOrphan.add(uid),
      },
      this.absentOwners,
    );
    for (const r of resources) {
      const informer = informers.informerFor(r);
      const apiVersion = apiVersionOf(r.group, r.version);
      const kind = r.kind;
      this.#caches.set(`${apiVersion}|${kind}`, informer);
      const gb = this.graphBuilder;
      informer.addEventHandler({
        onAdd: (object) => gb.process({ type: 'add', apiVersion, kind, object }),
        onUpdate: (oldObject, object) => gb.process({ type: 'update', apiVersion, kind, object, oldObject }),
        onDelete: (object) => gb.process({ type: 'delete', apiVersion, kind, object }),
      });
    }
  }

  get graph(): DependencyGraph {
    return this.graphBuilder.graph;
  }

  /** Looks at one object of the graph (the key is its UID): delete it, drop stale references, or finish a foreground deletion. */
  syncAttemptToDelete(uid: string): SyncResult {
    const node = this.graph.get(uid);
    if (!node) return;
    const outcome = this.#attemptToDeleteItem(node);
    // An object the API server has but no informer has shown yet is looked at again until one does.
    if (outcome === 'done' && node.virtual && this.graph.get(uid) === node)
      return { requeueRateLimited: true };
  }

  /** Removes an orphaning owner (the key is its UID) from its dependents' references, then its `orphan` finalizer. */
  syncAttemptToOrphan(uid: string): SyncResult {
    const owner = this.graph.get(uid);
    if (!owner) return;
    const failures: string[] = [];
    for (const dependent of [...owner.dependents]) {
      try {
        const current = this.#cachedOrLive(dependent.identity);
        if (!current) continue;
        this.#patch(dependent.identity, removeOwnerReferencesPatch(current, [owner.uid]));
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (!isNotFound(e))
          failures.push(`orphaning ${formatIdentity(dependent.identity)} failed, ${e.message}`);
      }
    }
    if (failures.length) {
      throw new SyncError(
        `failed to orphan dependents of owner ${formatIdentity(owner.identity)}, got errors: ${aggregateMessage(failures)}`,
      );
    }
    this.#removeFinalizer(owner, ORPHAN_FINALIZER);
  }

  #attemptToDeleteItem(item: GraphNode): Outcome {
    // Being deleted is a one-way trip; the final deletion will tell the dependents.
    if (item.beingDeleted && !item.deletingDependents) return 'done';
    const resource = this.#resourceFor(item.identity.apiVersion, item.identity.kind);
    if (resource.namespaced && item.identity.namespace === '') return 'invalidOwnerScope';
    const latest = this.#get(resource, item.identity);
    if (!latest || latest.metadata.uid !== item.uid) {
      this.graphBuilder.virtualDelete(item.identity);
      return 'virtualDeleteEnqueued';
    }
    if (item.deletingDependents) {
      this.#processDeletingDependents(item);
      return 'done';
    }
    const owners = latest.metadata.ownerReferences ?? [];
    if (owners.length === 0) return 'done';
    const refs = this.#classifyReferences(item, owners);
    if (refs === 'invalidOwnerScope') return refs;
    const dependents = [...item.dependents];
    const decision = planAttemptToDelete(latest, refs, {
      hasDependents: dependents.length > 0,
      aDependentIsDeletingDependents: dependents.some((d) => d.deletingDependents),
    });
    switch (decision.action) {
      case 'none':
        return 'done';
      case 'removeOwnerReferences':
        this.#patch(item.identity, removeOwnerReferencesPatch(latest, decision.ownerUids));
        return 'done';
      case 'delete':
        if (decision.unblockOwnerReferences) {
          const current = this.#cachedOrLive(item.identity) ?? latest;
          this.#patch(item.identity, unblockOwnerReferencesPatch(current, item.owners));
        }
        return this.#deleteObject(resource, item.identity, latest, decision.propagationPolicy);
    }
  }

  #processDeletingDependents(item: GraphNode): void {
    const blocking = item.blockingDependents();
    if (blocking.length === 0) {
      this.#removeFinalizer(item, FOREGROUND_FINALIZER);
      return;
    }
    for (const dep of blocking) if (!dep.deletingDependents) this.attemptToDelete.add(dep.uid);
  }

  #classifyReferences(
    item: GraphNode,
    refs: readonly OwnerReference[],
  ): ReferenceClassification | 'invalidOwnerScope' {
    const solid: OwnerReference[] = [];
    const dangling: OwnerReference[] = [];
    const waiting: OwnerReference[] = [];
    for (const ref of refs) {
      const owner = this.#ownerOf(ref, item);
      if (owner === 'invalidOwnerScope') return owner;
      if (!owner) dangling.push(ref);
      else if (
        owner.metadata.deletionTimestamp &&
        (owner.metadata.finalizers ?? []).includes(FOREGROUND_FINALIZER)
      )
        waiting.push(ref);
      else solid.push(ref);
    }
    return { solid, dangling, waitingForDependentsDeletion: waiting };
  }

  /** The owner a reference points at, or undefined when it does not exist (with that UID). */
  #ownerOf(ref: OwnerReference, item: GraphNode): KubeObject | undefined | 'invalidOwnerScope' {
    const clusterWide = ownerIdentity(ref, '');
    if (this.absentOwners.has(clusterWide)) return undefined;
    const inNamespace = ownerIdentity(ref, item.identity.namespace);
    if (this.absentOwners.has(inNamespace)) return undefined;
    const resource = this.#resourceFor(ref.apiVersion, ref.kind);
    const id = resource.namespaced ? inNamespace : clusterWide;
    if (item.identity.namespace === '' && resource.namespaced) return 'invalidOwnerScope';
    const owner = this.#get(resource, id);
    if (!owner || owner.metadata.uid !== ref.uid) {
      this.absentOwners.add(id);
      return undefined;
    }
    return owner;
  }

  #deleteObject(
    resource: ResourceInfo,
    id: ObjectIdentity,
    latest: KubeObject,
    policy: DeletionPropagation,
  ): Outcome {
    const namespace = resource.namespaced ? id.namespace : undefined;
    const rv = latest.metadata.resourceVersion;
    try {
      this.api.delete(resource, namespace, id.name, {
        propagationPolicy: policy,
        preconditions: { uid: id.uid, ...(rv ? { resourceVersion: rv } : {}) },
      });
      return 'done';
    } catch (e) {
      if (isNotFound(e)) {
        this.graphBuilder.virtualDelete(id);
        return 'virtualDeleteEnqueued';
      }
      if (!isConflict(e) || !rv) throw e;
      // Only the resourceVersion moved and the owners are the same: the decision still holds.
      const live = this.#get(resource, id);
      if (!live) return 'done';
      const ownersUnchanged = sameJson(
        live.metadata.ownerReferences ?? [],
        latest.metadata.ownerReferences ?? [],
      );
      if (live.metadata.uid !== id.uid || live.metadata.resourceVersion === rv || !ownersUnchanged) throw e;
      this.api.delete(resource, namespace, id.name, {
        propagationPolicy: policy,
        preconditions: { uid: id.uid },
      });
      return 'done';
    }
  }

  #removeFinalizer(node: GraphNode, finalizer: string): void {
    const resource = this.#resourceFor(node.identity.apiVersion, node.identity.kind);
    for (let attempt = 0; attempt < FINALIZER_UPDATE_ATTEMPTS; attempt++) {
      const current = this.#get(resource, node.identity);
      if (!current) return;
      const patch = removeFinalizerPatch(current, finalizer);
      if (patch === undefined) return;
      try {
        this.#patch(node.identity, patch);
        return;
      } catch (e) {
        if (!isConflict(e)) throw e;
      }
    }
    throw new SyncError(
      `updateMaxRetries(${FINALIZER_UPDATE_ATTEMPTS}) has reached. The garbage collector will retry later for owner ${formatIdentity(node.identity)}`,
    );
  }

  #patch(id: ObjectIdentity, patch: unknown): void {
    const resource = this.#resourceFor(id.apiVersion, id.kind);
    this.api.patch(resource, resource.namespaced ? id.namespace : undefined, id.name, 'merge', patch);
  }

  #get(resource: ResourceInfo, id: ObjectIdentity): KubeObject | undefined {
    try {
      return this.api.get(resource, resource.namespaced ? id.namespace : undefined, id.name);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** The informer's copy when the object is cached under this identity, else the API server's. */
  #cachedOrLive(id: ObjectIdentity): KubeObject | undefined {
    const resource = this.#resourceFor(id.apiVersion, id.kind);
    const namespace = resource.namespaced ? id.namespace : undefined;
    const cached = this.#caches.get(`${id.apiVersion}|${id.kind}`)?.indexer.get(keyOf(namespace, id.name));
    if (cached && cached.metadata.uid === id.uid) return cached;
    return this.#get(resource, id);
  }

  #resourceFor(apiVersion: string, kind: string): ResourceInfo {
    const { group, version } = parseApiVersion(apiVersion);
    const r = findKind(group, version, kind);
    if (!r) throw new SyncError(`unable to get REST mapping for ${kind}/${apiVersion}.`);
    return r;
  }
}

/** The trace label of an object: `replicasets/default/web-5d4f8`. */
function describeIdentity(id: ObjectIdentity): string {
  const { group, version } = parseApiVersion(id.apiVersion);
  const r = findKind(group, version, id.kind);
  const resource = r?.plural ?? id.kind.toLowerCase();
  return [resource, r?.namespaced === false ? undefined : id.namespace || undefined, id.name]
    .filter(Boolean)
    .join('/');
}
