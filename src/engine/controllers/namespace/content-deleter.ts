/**
 * Empties a terminating namespace (`pkg/controller/namespace/deletion/namespaced_resources_deleter.go`):
 * for every namespaced resource discovery offers, delete the collection (or each item),
 * then list what is left; record the outcome in the namespace's conditions; when nothing
 * is left, remove the `kubernetes` finalizer through `/finalize` so the API server can
 * delete the namespace. All reads are live requests, as the real controller makes them.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import {
  ApiError,
  isConflict,
  isMethodNotSupported,
  isNotFound,
  type ApiClient,
} from '../../client/api-client.ts';
import { aggregateMessage } from '../../labels/index.ts';
import { formatTimestamp, parseTimestamp } from '../../time/clock.ts';
import { SyncError } from '../controller.ts';
import { gvrString, preferredResources, servedResource, supportsAllVerbs } from '../discovery.ts';
import { failureConditions, updateConditions, type NamespaceCondition } from './conditions.ts';

/** The spec.finalizers token this controller owns. */
export const KUBERNETES_FINALIZER = 'kubernetes';

/** The wait assumed for finalizers of items pending deletion to finish. */
export const FINALIZER_ESTIMATE_SECONDS = 15;

const namespaces = servedResource('', 'v1', 'Namespace');

/** What deleting one resource's content left behind. */
interface ResourceOutcome {
  readonly estimateSeconds: number;
  readonly remaining: number;
  readonly finalizers: ReadonlyMap<string, number>;
  readonly error?: string;
}

/** Namespaced resources at their preferred version that can be deleted, in discovery order. */
export function namespacedDeletableResources(): ResourceInfo[] {
  return preferredResources().filter((r) => r.namespaced && supportsAllVerbs(r, ['delete']));
}

export class NamespacedResourcesDeleter {
  constructor(
    private readonly api: ApiClient,
    private readonly now: () => number,
    private readonly resources: readonly ResourceInfo[] = namespacedDeletableResources(),
  ) {}

  /**
   * One pass over a namespace. Returns 0 when there is nothing (more) to do, or an estimate
   * in seconds of how long the remaining content will take to go; throws a SyncError or an
   * ApiError when a step failed.
   */
  delete(name: string): number {
    let ns = this.#get(name);
    if (!ns?.metadata.deletionTimestamp) return 0;
    if (phaseOf(ns) !== 'Terminating') {
      const updated = this.#retryOnConflict(ns, (n) =>
        this.api.updateStatus(namespaces, {
          ...n,
          status: { ...(n.status as object), phase: 'Terminating' },
        }),
      );
      if (!updated) return 0;
      ns = updated;
    }
    if (specFinalizers(ns).length === 0) return 0;
    const estimate = this.#deleteAllContent(ns);
    if (estimate > 0) return estimate;
    this.#retryOnConflict(ns, (n) => {
      const finalizers = [...new Set(specFinalizers(n).filter((f) => f !== KUBERNETES_FINALIZER))].sort();
      return this.api.update(namespaces, { ...n, spec: { ...(n.spec as object), finalizers } }, 'finalize');
    });
    return 0;
  }

  #deleteAllContent(ns: KubeObject): number {
    const name = ns.metadata.name!;
    const deletedAt = parseTimestamp(ns.metadata.deletionTimestamp!);
    const errors: string[] = [];
    const remaining = new Map<string, number>();
    const finalizersRemaining = new Map<string, number>();
    let estimate = 0;
    for (const r of this.resources) {
      const outcome = this.#deleteResourceContent(r, name, deletedAt);
      if (outcome.error !== undefined) errors.push(outcome.error);
      estimate = Math.max(estimate, outcome.estimateSeconds);
      if (outcome.remaining > 0) {
        remaining.set(`${r.plural}.${r.group}`, outcome.remaining);
        for (const [f, n] of outcome.finalizers)
          finalizersRemaining.set(f, (finalizersRemaining.get(f) ?? 0) + n);
      }
    }
    const now = formatTimestamp(this.now());
    const existing = (ns.status as { conditions?: NamespaceCondition[] } | undefined)?.conditions ?? [];
    const failures = failureConditions({ contentErrors: errors, remaining, finalizersRemaining }, now);
    const { conditions, changed } = updateConditions(existing, failures, now);
    if (changed) {
      try {
        this.api.updateStatus(namespaces, { ...ns, status: { ...(ns.status as object), conditions } });
      } catch (e) {
        // Only worth a log line in the real controller: the next pass writes them again.
        if (!(e instanceof ApiError)) throw e;
      }
    }
    if (errors.length) throw new SyncError(aggregateMessage(errors));
    return estimate;
  }

  #deleteResourceContent(r: ResourceInfo, namespace: string, deletedAt: number): ResourceOutcome {
    const none = new Map<string, number>();
    let estimate = 0;
    try {
      estimate = this.#estimateGracefulTermination(r, namespace, deletedAt);
      if (!this.#deleteCollection(r, namespace)) this.#deleteEachItem(r, namespace);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { estimateSeconds: estimate, remaining: 0, finalizers: none, error: e.message };
    }
    if (!supportsAllVerbs(r, ['list'])) return { estimateSeconds: estimate, remaining: 0, finalizers: none };
    let items: KubeObject[];
    try {
      items = this.api.list(r, namespace).items;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      return { estimateSeconds: estimate, remaining: 0, finalizers: none, error: e.message };
    }
    if (items.length === 0) return { estimateSeconds: 0, remaining: 0, finalizers: none };
    const finalizers = new Map<string, number>();
    for (const item of items)
      for (const f of item.metadata.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
    const remaining = items.length;
    if (estimate !== 0) return { estimateSeconds: estimate, remaining, finalizers };
    if (finalizers.size > 0) return { estimateSeconds: FINALIZER_ESTIMATE_SECONDS, remaining, finalizers };
    return {
      estimateSeconds: estimate,
      remaining,
      finalizers,
      error: `unexpected items still remain in namespace: ${namespace} for gvr: ${gvrString(r)}`,
    };
  }

  /** Whether a deletecollection was served (false: delete one by one). */
  #deleteCollection(r: ResourceInfo, namespace: string): boolean {
    if (!supportsAllVerbs(r, ['deletecollection'])) return false;
    try {
      // Background: the garbage collector must not orphan dependents of what this deletes.
      this.api.deleteCollection(r, namespace, { propagationPolicy: 'Background' });
      return true;
    } catch (e) {
      if (isMethodNotSupported(e) || isNotFound(e)) return false;
      throw e;
    }
  }

  #deleteEachItem(r: ResourceInfo, namespace: string): void {
    if (!supportsAllVerbs(r, ['list'])) return;
    for (const item of this.api.list(r, namespace).items) {
      try {
        this.api.delete(r, namespace, item.metadata.name!, { propagationPolicy: 'Background' });
      } catch (e) {
        if (!isNotFound(e) && !isMethodNotSupported(e)) throw e;
      }
    }
  }

  /** Pods get the longest grace period among them, unless the namespace has been terminating longer. */
  #estimateGracefulTermination(r: ResourceInfo, namespace: string, deletedAt: number): number {
    if (r.group !== '' || r.plural !== 'pods') return 0;
    let estimate = 0;
    for (const pod of this.api.list(r, namespace).items) {
      const phase = (pod.status as { phase?: string } | undefined)?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') continue;
      const grace = (pod.spec as { terminationGracePeriodSeconds?: number } | undefined)
        ?.terminationGracePeriodSeconds;
      if (grace !== undefined && grace > estimate) estimate = grace;
    }
    return this.now() - deletedAt >= estimate * 1000 ? 0 : estimate;
  }

  #get(name: string): KubeObject | undefined {
    try {
      return this.api.get(namespaces, undefined, name);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** Applies `write`, re-reading the namespace after each conflict; undefined if it is gone. */
  #retryOnConflict(ns: KubeObject, write: (ns: KubeObject) => KubeObject): KubeObject | undefined {
    let latest = ns;
    for (;;) {
      try {
        return write(latest);
      } catch (e) {
        if (isNotFound(e)) return undefined;
        if (!isConflict(e)) throw e;
      }
      const previous = latest;
      const current = this.#get(ns.metadata.name!);
      if (!current) return undefined;
      if (current.metadata.uid !== previous.metadata.uid)
        throw new SyncError('namespace uid has changed across retries');
      latest = current;
    }
  }
}

function phaseOf(ns: KubeObject): string | undefined {
  return (ns.status as { phase?: string } | undefined)?.phase;
}

function specFinalizers(ns: KubeObject): string[] {
  return (ns.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
}
