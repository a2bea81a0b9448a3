/**
 * The scheduling framework's plugin shape. Each plugin is a pure function of the pod and the
 * cache snapshot: `cycle` precomputes what PreFilter/PreScore would, and returns the
 * extension points it implements for this pod.
 */
import type { KubeObject } from '../api/types.ts';
import type { NodeInfo } from './node-info.ts';

/** Anything that decides on a label set. */
export interface LabelMatcher {
  matches(labels: Readonly<Record<string, string>> | undefined): boolean;
  /** Equal for matchers that select the same pods, so that counts can be reused. */
  readonly cacheKey?: string;
}

export type Code = 'Success' | 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface FilterStatus {
  readonly code: Exclude<Code, 'Success'>;
  readonly reasons: readonly string[];
}

/** What a plugin sees of the cluster in one scheduling cycle. */
export interface CycleInput {
  readonly pod: KubeObject;
  /** Every node of the snapshot, in the order the scheduler walks them. */
  readonly nodes: readonly NodeInfo[];
  /** What the Services, ReplicaSets and StatefulSets selecting the pod select (none: no default spreading). */
  readonly defaultSpreadSelector?: LabelMatcher | undefined;
}

export interface PluginCycle {
  /** Undefined when the node passes. */
  filter?(node: NodeInfo): FilterStatus | undefined;
  /** PreScore: false when the plugin has nothing to say for this pod (Skip). */
  preScore?(feasible: readonly NodeInfo[]): boolean;
  score?(node: NodeInfo): number;
  /** NormalizeScore: rewrites the raw scores (same order as `nodes`) into 0..100. */
  normalize?(scores: number[], nodes: readonly NodeInfo[]): void;
}

export interface Plugin {
  readonly name: string;
  /** The score weight in the default profile (0: not a score plugin). */
  readonly weight: number;
  cycle(input: CycleInput): PluginCycle;
}

export const MAX_NODE_SCORE = 100;

export function unschedulable(...reasons: string[]): FilterStatus {
  return { code: 'Unschedulable', reasons };
}

export function unresolvable(...reasons: string[]): FilterStatus {
  return { code: 'UnschedulableAndUnresolvable', reasons };
}

/** `helper.DefaultNormalizeScore`: scale to the highest score, optionally reversed. */
export function defaultNormalizeScore(scores: number[], reverse: boolean): void {
  let max = 0;
  for (const s of scores) if (s > max) max = s;
  for (let i = 0; i < scores.length; i++) {
    if (max === 0) {
      if (reverse) scores[i] = MAX_NODE_SCORE;
      continue;
    }
    let s = Math.trunc((MAX_NODE_SCORE * (scores[i] ?? 0)) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    scores[i] = s;
  }
}
