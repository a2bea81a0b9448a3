/**
 * PodTopologySpread: DoNotSchedule constraints filter, ScheduleAnyway ones (or, for a pod
 * without constraints, the system defaults: hostname maxSkew 3 and zone maxSkew 5 over the
 * pods its Services/ReplicaSets/StatefulSets select) score.
 */
import type { KubeObject } from '../../api/types.ts';
import { MAX_NODE_SCORE, unresolvable, unschedulable, type LabelMatcher, type Plugin } from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import { HOSTNAME_LABEL, nodeLabels, podSpec, ZONE_LABEL, type TopologySpreadConstraint } from '../types.ts';
import { nodeMatchesPodSelector } from './node-affinity.ts';
import { taintToleration } from './taint-toleration.ts';
import { allOf, isTerminating, toMatcher } from './selectors.ts';

interface Constraint {
  readonly maxSkew: number;
  readonly key: string;
  readonly minDomains: number;
  readonly selector: LabelMatcher;
  readonly honorAffinity: boolean;
  readonly honorTaints: boolean;
}

export const SYSTEM_DEFAULT_CONSTRAINTS = [
  { key: HOSTNAME_LABEL, maxSkew: 3 },
  { key: ZONE_LABEL, maxSkew: 5 },
] as const;

function toConstraint(pod: KubeObject, c: TopologySpreadConstraint): Constraint {
  const labels = pod.metadata.labels ?? {};
  const keyMatchers: LabelMatcher[] = (c.matchLabelKeys ?? [])
    .filter((k) => labels[k] !== undefined)
    .map((k) => ({ matches: (l) => l?.[k] === labels[k] }));
  return {
    maxSkew: c.maxSkew,
    key: c.topologyKey,
    minDomains: c.minDomains ?? 1,
    selector: {
      matches: allOf([toMatcher(c.labelSelector), ...keyMatchers]).matches,
      cacheKey: JSON.stringify([
        c.labelSelector ?? null,
        (c.matchLabelKeys ?? []).map((k) => [k, labels[k]]),
      ]),
    },
    honorAffinity: (c.nodeAffinityPolicy ?? 'Honor') === 'Honor',
    honorTaints: c.nodeTaintsPolicy === 'Honor',
  };
}

export function countMatching(node: NodeInfo, selector: LabelMatcher, namespace: string): number {
  const memoKey = selector.cacheKey === undefined ? undefined : `${namespace}\u0000${selector.cacheKey}`;
  if (memoKey !== undefined) {
    const memo = node.matchCounts.get(memoKey);
    if (memo !== undefined) return memo;
  }
  let n = 0;
  for (const { pod } of node.pods.values()) {
    if (isTerminating(pod) || (pod.metadata.namespace ?? '') !== namespace) continue;
    if (selector.matches(pod.metadata.labels ?? {})) n++;
  }
  if (memoKey !== undefined) node.matchCounts.set(memoKey, n);
  return n;
}

function hasAllKeys(node: NodeInfo, constraints: readonly Constraint[]): boolean {
  const labels = nodeLabels(node.node);
  return constraints.every((c) => labels[c.key] !== undefined);
}

export const podTopologySpread: Plugin = {
  name: 'PodTopologySpread',
  weight: 2,
  cycle({ pod, nodes, defaultSpreadSelector }) {
    const spec = podSpec(pod);
    const namespace = pod.metadata.namespace ?? '';
    const own = spec.topologySpreadConstraints ?? [];
    const hard = own.filter((c) => c.whenUnsatisfiable === 'DoNotSchedule').map((c) => toConstraint(pod, c));
    const systemDefaulted = own.length === 0;
    const soft: Constraint[] = systemDefaulted
      ? defaultSpreadSelector
        ? SYSTEM_DEFAULT_CONSTRAINTS.map((d) => ({
            maxSkew: d.maxSkew,
            key: d.key,
            minDomains: 1,
            selector: defaultSpreadSelector,
            honorAffinity: true,
            honorTaints: false,
          }))
        : []
      : own.filter((c) => c.whenUnsatisfiable === 'ScheduleAnyway').map((c) => toConstraint(pod, c));
    const tolerates = taintToleration.cycle({ pod, nodes }).filter;
    const included = (c: Constraint, node: NodeInfo): boolean =>
      (!c.honorAffinity || nodeMatchesPodSelector(spec, node)) &&
      (!c.honorTaints || tolerates?.(node) === undefined);

    // PreFilter: matching pods per topology domain, for the hard constraints.
    const hardCounts = hard.map(() => new Map<string, number>());
    for (const node of nodes) {
      if (!hasAllKeys(node, hard)) continue;
      hard.forEach((c, i) => {
        if (!included(c, node)) return;
        const value = nodeLabels(node.node)[c.key] ?? '';
        const counts = hardCounts[i]!;
        counts.set(value, (counts.get(value) ?? 0) + countMatching(node, c.selector, namespace));
      });
    }
    const podLabels = pod.metadata.labels ?? {};

    const softCounts = soft.map(() => new Map<string, number>());
    const weights: number[] = [];
    const ignored = new Set<string>();
    return {
      filter(node) {
        const labels = nodeLabels(node.node);
        for (let i = 0; i < hard.length; i++) {
          const c = hard[i]!;
          const value = labels[c.key];
          if (value === undefined) {
            return unresolvable(
              "node(s) didn't match pod topology spread constraints (missing required label)",
            );
          }
          const counts = hardCounts[i]!;
          let min = counts.size < c.minDomains ? 0 : Infinity;
          for (const v of counts.values()) if (v < min) min = v;
          if (min === Infinity) min = 0;
          const self = c.selector.matches(podLabels) ? 1 : 0;
          if ((counts.get(value) ?? 0) + self - min > c.maxSkew) {
            return unschedulable("node(s) didn't match pod topology spread constraints");
          }
        }
        return undefined;
      },
      preScore(feasible) {
        if (soft.length === 0) return false;
        const requireAll = !systemDefaulted;
        const sizes = soft.map(() => 0);
        for (const node of feasible) {
          if (requireAll && !hasAllKeys(node, soft)) {
            ignored.add(node.name);
            continue;
          }
          soft.forEach((c, i) => {
            if (c.key === HOSTNAME_LABEL) return;
            const value = nodeLabels(node.node)[c.key] ?? '';
            if (!softCounts[i]!.has(value)) {
              softCounts[i]!.set(value, 0);
              sizes[i]!++;
            }
          });
        }
        soft.forEach((c, i) => {
          const size = c.key === HOSTNAME_LABEL ? feasible.length - ignored.size : sizes[i]!;
          weights.push(Math.log(size + 2));
        });
        for (const node of nodes) {
          if (requireAll && !hasAllKeys(node, soft)) continue;
          soft.forEach((c, i) => {
            if (c.key === HOSTNAME_LABEL || !included(c, node)) return;
            // Only nodes with the label are ever scored from these counts.
            const value = nodeLabels(node.node)[c.key];
            if (value === undefined) return;
            const counts = softCounts[i]!;
            const current = counts.get(value);
            if (current === undefined) return;
            counts.set(value, current + countMatching(node, c.selector, namespace));
          });
        }
        return true;
      },
      score(node) {
        if (ignored.has(node.name)) return 0;
        const labels = nodeLabels(node.node);
        let score = 0;
        soft.forEach((c, i) => {
          const value = labels[c.key];
          if (value === undefined) return;
          const count =
            c.key === HOSTNAME_LABEL
              ? countMatching(node, c.selector, namespace)
              : (softCounts[i]!.get(value) ?? 0);
          score += count * weights[i]! + (c.maxSkew - 1);
        });
        return Math.round(score);
      },
      normalize(scores, scored) {
        let min = Infinity;
        let max = 0;
        scored.forEach((n, i) => {
          if (ignored.has(n.name)) return;
          const s = scores[i]!;
          if (s < min) min = s;
          if (s > max) max = s;
        });
        scored.forEach((n, i) => {
          if (ignored.has(n.name)) scores[i] = 0;
          else if (max === 0) scores[i] = MAX_NODE_SCORE;
          else scores[i] = Math.trunc((MAX_NODE_SCORE * (max + min - scores[i]!)) / max);
        });
      },
    };
  },
};
