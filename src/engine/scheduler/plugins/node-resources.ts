/**
 * NodeResourcesFit (filter, and LeastAllocated scoring over cpu and memory with weight 1
 * each) and NodeResourcesBalancedAllocation.
 */
import { MAX_NODE_SCORE, unresolvable, unschedulable, type Plugin } from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import { podRequests } from '../resources.ts';
import { podSpec } from '../types.ts';

const SCORED = ['cpu', 'memory'] as const;
const BASIC = ['cpu', 'memory', 'ephemeral-storage'];
const NOT_SCALAR = new Set(['cpu', 'memory', 'ephemeral-storage', 'pods']);

/** The reasons a node cannot hold the pod's requests, and whether no eviction could help. */
export function insufficientResources(
  requests: ReadonlyMap<string, number>,
  node: NodeInfo,
): { reasons: string[]; unresolvable: boolean } {
  const reasons: string[] = [];
  let unresolvableFlag = false;
  const allowedPods = node.allocatable.get('pods') ?? 0;
  if (node.pods.size + 1 > allowedPods) reasons.push('Too many pods');
  const names =
    requests.size > 2 ? [...BASIC, ...[...requests.keys()].filter((k) => !NOT_SCALAR.has(k)).sort()] : BASIC;
  for (const name of names) {
    const want = requests.get(name) ?? 0;
    if (want <= 0) continue;
    const alloc = node.allocatable.get(name) ?? 0;
    const used = node.requested.get(name) ?? 0;
    if (want > alloc - used) {
      reasons.push(`Insufficient ${name}`);
      if (want > alloc) unresolvableFlag = true;
    }
  }
  return { reasons, unresolvable: unresolvableFlag };
}

export const nodeResourcesFit: Plugin = {
  name: 'NodeResourcesFit',
  weight: 1,
  cycle({ pod }) {
    const spec = podSpec(pod);
    const requests = podRequests(spec);
    const nonZero = podRequests(spec, true);
    return {
      filter(node) {
        const { reasons, unresolvable: hopeless } = insufficientResources(requests, node);
        if (reasons.length === 0) return undefined;
        return hopeless ? unresolvable(...reasons) : unschedulable(...reasons);
      },
      score(node) {
        let sum = 0;
        let weights = 0;
        for (const name of SCORED) {
          const alloc = node.allocatable.get(name) ?? 0;
          if (alloc === 0) continue;
          const req = (node.nonZeroRequested.get(name) ?? 0) + (nonZero.get(name) ?? 0);
          sum += req > alloc ? 0 : Math.trunc(((alloc - req) * MAX_NODE_SCORE) / alloc);
          weights += 1;
        }
        return weights === 0 ? 0 : Math.trunc(sum / weights);
      },
    };
  },
};

export const balancedAllocation: Plugin = {
  name: 'NodeResourcesBalancedAllocation',
  weight: 1,
  cycle({ pod }) {
    const requests = podRequests(podSpec(pod));
    return {
      // Best-effort pods are not scored, or they would all pile onto one node.
      preScore: () => SCORED.some((name) => (requests.get(name) ?? 0) !== 0),
      score(node) {
        const fractions: number[] = [];
        for (const name of SCORED) {
          const alloc = node.allocatable.get(name) ?? 0;
          if (alloc === 0) continue;
          const req = (node.requested.get(name) ?? 0) + (requests.get(name) ?? 0);
          fractions.push(Math.min(1, req / alloc));
        }
        const std = fractions.length === 2 ? Math.abs(((fractions[0] ?? 0) - (fractions[1] ?? 0)) / 2) : 0;
        return Math.trunc((1 - std) * MAX_NODE_SCORE);
      },
    };
  },
};
