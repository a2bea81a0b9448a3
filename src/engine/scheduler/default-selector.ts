/**
 * `helper.DefaultSelector`: what the pod's Services and controlling ReplicaSet,
 * ReplicationController or StatefulSet select, the selector of the system default spreading.
 */
import type { KubeObject } from '../api/types.ts';
import type { Lister } from '../client/lister.ts';
import { selectorFromSet } from '../labels/index.ts';
import type { LabelMatcher } from './framework.ts';
import { allOf, toMatcher } from './plugins/selectors.ts';
import type { MetaSelector } from './types.ts';

export interface SelectorListers {
  readonly services: Lister;
  readonly replicaSets: Lister;
  readonly statefulSets: Lister;
  readonly replicationControllers: Lister;
}

function isEmpty(selector: MetaSelector | null | undefined): boolean {
  return (
    !selector ||
    (!Object.keys(selector.matchLabels ?? {}).length && !(selector.matchExpressions ?? []).length)
  );
}

/** Undefined when nothing selects the pod (no default spreading then). */
export function defaultSelector(pod: KubeObject, listers: SelectorListers): LabelMatcher | undefined {
  const ns = pod.metadata.namespace ?? '';
  const labels = pod.metadata.labels ?? {};
  const set: Record<string, string> = {};
  for (const svc of listers.services.list(ns)) {
    const sel = (svc.spec as { selector?: Record<string, string> } | undefined)?.selector;
    if (sel && selectorFromSet(sel).matches(labels)) Object.assign(set, sel);
  }
  const matchers: LabelMatcher[] = [];
  const parts: unknown[] = [set];
  if (Object.keys(set).length) matchers.push(selectorFromSet(set));
  const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (owner) {
    const key = `${owner.apiVersion}/${owner.kind}`;
    if (key === 'apps/v1/ReplicaSet' || key === 'apps/v1/StatefulSet') {
      const lister = key === 'apps/v1/ReplicaSet' ? listers.replicaSets : listers.statefulSets;
      const sel = (lister.get(ns, owner.name)?.spec as { selector?: MetaSelector } | undefined)?.selector;
      if (!isEmpty(sel)) {
        matchers.push(toMatcher(sel));
        parts.push(sel);
      }
    } else if (key === 'v1/ReplicationController') {
      const rc = listers.replicationControllers.get(ns, owner.name);
      const sel = (rc?.spec as { selector?: Record<string, string> } | undefined)?.selector;
      if (sel && Object.keys(sel).length) {
        matchers.push(selectorFromSet(sel));
        parts.push(sel);
      }
    }
  }
  if (!matchers.length) return undefined;
  return { matches: allOf(matchers).matches, cacheKey: JSON.stringify(parts) };
}
