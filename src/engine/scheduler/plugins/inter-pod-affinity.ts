/** InterPodAffinity: required (anti-)affinity of the pod and of existing pods filter; preferred terms score. */
import type { KubeObject } from '../../api/types.ts';
import { MAX_NODE_SCORE, unresolvable, unschedulable, type LabelMatcher, type Plugin } from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import { nodeLabels, podSpec, type PodAffinityTerm } from '../types.ts';
import { toMatcher } from './selectors.ts';

interface Term {
  readonly topologyKey: string;
  readonly selector: LabelMatcher;
  /** undefined: every namespace. */
  readonly namespaces: ReadonlySet<string> | undefined;
  readonly weight: number;
}

/** The term as owned by `owner`: no namespaces and no namespaceSelector mean the owner's namespace. */
function toTerm(owner: KubeObject, term: PodAffinityTerm, weight = 1): Term {
  const listed = term.namespaces ?? [];
  const nsSelector = term.namespaceSelector;
  const everyNamespace =
    !!nsSelector && !nsSelector.matchLabels && !(nsSelector.matchExpressions ?? []).length;
  const namespaces = everyNamespace
    ? undefined
    : new Set(listed.length || nsSelector ? listed : [owner.metadata.namespace ?? '']);
  return { topologyKey: term.topologyKey, selector: toMatcher(term.labelSelector), namespaces, weight };
}

function termMatches(term: Term, pod: KubeObject): boolean {
  if (term.namespaces && !term.namespaces.has(pod.metadata.namespace ?? '')) return false;
  return term.selector.matches(pod.metadata.labels ?? {});
}

interface PodTerms {
  readonly affinity: Term[];
  readonly antiAffinity: Term[];
  readonly preferredAffinity: Term[];
  readonly preferredAntiAffinity: Term[];
}

export function podTerms(pod: KubeObject): PodTerms {
  const a = podSpec(pod).affinity;
  return {
    affinity: (a?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) =>
      toTerm(pod, t),
    ),
    antiAffinity: (a?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []).map((t) =>
      toTerm(pod, t),
    ),
    preferredAffinity: (a?.podAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map((w) =>
      toTerm(pod, w.podAffinityTerm, w.weight),
    ),
    preferredAntiAffinity: (a?.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? []).map(
      (w) => toTerm(pod, w.podAffinityTerm, w.weight),
    ),
  };
}

const pairKey = (key: string, value: string): string => `${key}\u0000${value}`;

function bump(map: Map<string, number>, key: string, by: number): void {
  map.set(key, (map.get(key) ?? 0) + by);
}

/** The weight existing pods' required affinity terms add (`hardPodAffinityWeight`). */
const HARD_POD_AFFINITY_WEIGHT = 1;

export const interPodAffinity: Plugin = {
  name: 'InterPodAffinity',
  weight: 2,
  cycle({ pod, nodes }) {
    const own = podTerms(pod);
    const existingAnti = new Map<string, number>();
    const affinityCounts = new Map<string, number>();
    const antiCounts = new Map<string, number>();
    const scores = new Map<string, number>();
    const ownHasTerms =
      own.affinity.length +
        own.antiAffinity.length +
        own.preferredAffinity.length +
        own.preferredAntiAffinity.length >
      0;
    for (const node of nodes) {
      if (!ownHasTerms && node.affinityPods === 0) continue;
      const labels = nodeLabels(node.node);
      for (const { pod: other } of node.pods.values()) {
        if (!ownHasTerms && !podSpec(other).affinity) continue;
        const theirs = podSpec(other).affinity ? podTerms(other) : undefined;
        if (theirs) {
          for (const t of theirs.antiAffinity) {
            const v = labels[t.topologyKey];
            if (v !== undefined && termMatches(t, pod)) bump(existingAnti, pairKey(t.topologyKey, v), 1);
          }
          for (const t of theirs.affinity) {
            const v = labels[t.topologyKey];
            if (v !== undefined && termMatches(t, pod)) {
              bump(scores, pairKey(t.topologyKey, v), HARD_POD_AFFINITY_WEIGHT);
            }
          }
          for (const t of theirs.preferredAffinity) {
            const v = labels[t.topologyKey];
            if (v !== undefined && termMatches(t, pod)) bump(scores, pairKey(t.topologyKey, v), t.weight);
          }
          for (const t of theirs.preferredAntiAffinity) {
            const v = labels[t.topologyKey];
            if (v !== undefined && termMatches(t, pod)) bump(scores, pairKey(t.topologyKey, v), -t.weight);
          }
        }
        for (const t of own.affinity) {
          const v = labels[t.topologyKey];
          if (v !== undefined && termMatches(t, other)) bump(affinityCounts, pairKey(t.topologyKey, v), 1);
        }
        for (const t of own.antiAffinity) {
          const v = labels[t.topologyKey];
          if (v !== undefined && termMatches(t, other)) bump(antiCounts, pairKey(t.topologyKey, v), 1);
        }
        for (const t of own.preferredAffinity) {
          const v = labels[t.topologyKey];
          if (v !== undefined && termMatches(t, other)) bump(scores, pairKey(t.topologyKey, v), t.weight);
        }
        for (const t of own.preferredAntiAffinity) {
          const v = labels[t.topologyKey];
          if (v !== undefined && termMatches(t, other)) bump(scores, pairKey(t.topologyKey, v), -t.weight);
        }
      }
    }
    const hasRequired = own.affinity.length + own.antiAffinity.length > 0;
    const matchesOwnTerms = own.affinity.every((t) => termMatches(t, pod));

    const satisfiesAffinity = (node: NodeInfo): boolean => {
      if (own.affinity.length === 0) return true;
      const labels = nodeLabels(node.node);
      let podsExist = true;
      for (const t of own.affinity) {
        const v = labels[t.topologyKey];
        if (v === undefined) return false;
        if ((affinityCounts.get(pairKey(t.topologyKey, v)) ?? 0) <= 0) podsExist = false;
      }
      // The first pod of a group with affinity to itself may go anywhere that has the topology.
      return podsExist || (affinityCounts.size === 0 && matchesOwnTerms);
    };

    return {
      filter(node) {
        if (!hasRequired && existingAnti.size === 0) return undefined;
        const labels = nodeLabels(node.node);
        if (!satisfiesAffinity(node)) return unresolvable("node(s) didn't match pod affinity rules");
        for (const t of own.antiAffinity) {
          const v = labels[t.topologyKey];
          if (v !== undefined && (antiCounts.get(pairKey(t.topologyKey, v)) ?? 0) > 0) {
            return unschedulable("node(s) didn't match pod anti-affinity rules");
          }
        }
        if (existingAnti.size === 0) return undefined;
        for (const [k, v] of Object.entries(labels)) {
          if ((existingAnti.get(pairKey(k, v)) ?? 0) > 0) {
            return unschedulable("node(s) didn't satisfy existing pods anti-affinity rules");
          }
        }
        return undefined;
      },
      preScore: () => [...scores.values()].some((s) => s !== 0),
      score(node) {
        let sum = 0;
        for (const [k, v] of Object.entries(nodeLabels(node.node))) sum += scores.get(pairKey(k, v)) ?? 0;
        return sum;
      },
      normalize(list) {
        let min = Infinity;
        let max = -Infinity;
        for (const s of list) {
          if (s < min) min = s;
          if (s > max) max = s;
        }
        const diff = max - min;
        for (let i = 0; i < list.length; i++) {
          list[i] = diff > 0 ? Math.trunc(MAX_NODE_SCORE * ((list[i]! - min) / diff)) : 0;
        }
      },
    };
  },
};
