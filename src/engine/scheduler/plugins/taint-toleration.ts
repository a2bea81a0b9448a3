/** TaintToleration: untolerated NoSchedule/NoExecute taints filter; PreferNoSchedule ones lower the score. */
import { defaultNormalizeScore, unresolvable, type Plugin } from '../framework.ts';
import { nodeTaints, podSpec, type Taint, type Toleration } from '../types.ts';

/** `Toleration.ToleratesTaint`. */
export function toleratesTaint(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  if (t.operator === 'Exists') return true;
  if (!t.operator || t.operator === 'Equal') return (t.value ?? '') === (taint.value ?? '');
  return false;
}

export function toleratesAny(tolerations: readonly Toleration[], taint: Taint): boolean {
  return tolerations.some((t) => toleratesTaint(t, taint));
}

export const taintToleration: Plugin = {
  name: 'TaintToleration',
  weight: 3,
  cycle({ pod }) {
    const tolerations = podSpec(pod).tolerations ?? [];
    const preferTolerations = tolerations.filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return {
      filter(node) {
        for (const taint of nodeTaints(node.node)) {
          if (taint.effect !== 'NoSchedule' && taint.effect !== 'NoExecute') continue;
          if (!toleratesAny(tolerations, taint)) {
            return unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`);
          }
        }
        return undefined;
      },
      score(node) {
        let count = 0;
        for (const taint of nodeTaints(node.node)) {
          if (taint.effect === 'PreferNoSchedule' && !toleratesAny(preferTolerations, taint)) count++;
        }
        return count;
      },
      normalize: (scores) => defaultNormalizeScore(scores, true),
    };
  },
};
