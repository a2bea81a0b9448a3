/** Label-selector helpers shared by the pod-aware plugins. */
import type { KubeObject } from '../../api/types.ts';
import { labelSelectorAsSelector, nothing } from '../../labels/index.ts';
import type { LabelMatcher } from '../framework.ts';
import type { MetaSelector } from '../types.ts';

/** A metav1 selector as a matcher; a nil or invalid selector matches nothing. */
export function toMatcher(selector: MetaSelector | null | undefined): LabelMatcher {
  const result = labelSelectorAsSelector(selector as Parameters<typeof labelSelectorAsSelector>[0]);
  return result.ok ? result.value : nothing();
}

export function allOf(matchers: readonly LabelMatcher[]): LabelMatcher {
  return { matches: (labels) => matchers.every((m) => m.matches(labels)) };
}

export function isTerminating(pod: KubeObject): boolean {
  return !!pod.metadata.deletionTimestamp;
}
