/** NodeAffinity: nodeSelector and required node affinity filter; preferred terms score. */
import { defaultNormalizeScore, unresolvable, type Plugin } from '../framework.ts';
import type { NodeInfo } from '../node-info.ts';
import { nodeLabels, podSpec, type NodeSelectorRequirement, type NodeSelectorTerm } from '../types.ts';

function parseIntStrict(s: string | undefined): number | undefined {
  if (s === undefined || !/^-?\d+$/.test(s)) return undefined;
  return Number(s);
}

function requirementMatches(r: NodeSelectorRequirement, value: string | undefined): boolean {
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      const have = parseIntStrict(value);
      const want = parseIntStrict(values[0]);
      if (have === undefined || want === undefined) return false;
      return r.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/** A term matches when all its requirements do; a term without any matches nothing. */
export function termMatches(term: NodeSelectorTerm, node: NodeInfo): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  const labels = nodeLabels(node.node);
  for (const r of exprs) if (!requirementMatches(r, labels[r.key])) return false;
  for (const r of fields) {
    if (r.key !== 'metadata.name' || !requirementMatches(r, node.name)) return false;
  }
  return true;
}

/** Whether the node satisfies the pod's nodeSelector and required node affinity. */
export function nodeMatchesPodSelector(spec: ReturnType<typeof podSpec>, node: NodeInfo): boolean {
  const labels = nodeLabels(node.node);
  for (const [k, v] of Object.entries(spec.nodeSelector ?? {})) if (labels[k] !== v) return false;
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (required) return (required.nodeSelectorTerms ?? []).some((t) => termMatches(t, node));
  return true;
}

export const nodeAffinity: Plugin = {
  name: 'NodeAffinity',
  weight: 2,
  cycle({ pod }) {
    const spec = podSpec(pod);
    const preferred = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
    return {
      filter(node) {
        if (nodeMatchesPodSelector(spec, node)) return undefined;
        return unresolvable("node(s) didn't match Pod's node affinity/selector");
      },
      preScore: () => preferred.length > 0,
      score(node) {
        let sum = 0;
        for (const p of preferred) if (p.weight !== 0 && termMatches(p.preference, node)) sum += p.weight;
        return sum;
      },
      normalize: (scores) => defaultNormalizeScore(scores, false),
    };
  },
};
