/**
 * A PodDisruptionBudget's status as the disruption controller computes it
 * (`pkg/controller/disruption`): how many of its pods are expected (the pods, or the scale of
 * the controllers that own them when the budget is relative), how many must stay healthy,
 * how many are healthy now, and so how many voluntary disruptions are allowed. Pure.
 */
import type { KubeObject } from '../../api/types.ts';
import { isPodReady } from '../replicaset/pod-status.ts';

/** An eviction is counted against the budget for this long before the pod must be gone. */
export const DISRUPTED_POD_TIMEOUT_MS = 2 * 60 * 1000;

export interface BudgetInput {
  readonly pdb: KubeObject;
  /** The budget's pods (selected by it, in its namespace). */
  readonly pods: readonly KubeObject[];
  /** The desired replicas of a pod's controller (following ReplicaSets up to Deployments). */
  readonly scaleOf: (pod: KubeObject) => { key: string; replicas: number } | undefined;
  readonly nowMs: number;
  readonly now: string;
}

type IntOrPercent = number | string | undefined;

/** An IntOrString against a total: a count, or a percentage rounded up. */
function scaled(value: IntOrPercent, total: number): number {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value ?? '');
  return percent ? Math.ceil((Number(percent[1]) * total) / 100) : 0;
}

export function budgetStatus(input: BudgetInput): Record<string, unknown> {
  const { pdb, pods } = input;
  const spec = (pdb.spec ?? {}) as { minAvailable?: IntOrPercent; maxUnavailable?: IntOrPercent };
  const old = (pdb.status ?? {}) as {
    disruptedPods?: Record<string, string>;
    conditions?: Record<string, unknown>[];
  };
  const relative = spec.maxUnavailable !== undefined || typeof spec.minAvailable === 'string';
  let expected = pods.length;
  if (relative) {
    const scales = new Map<string, number>();
    for (const pod of pods) {
      const scale = input.scaleOf(pod);
      if (scale) scales.set(scale.key, scale.replicas);
    }
    if (scales.size > 0) expected = [...scales.values()].reduce((a, b) => a + b, 0);
  }
  const desired =
    spec.maxUnavailable !== undefined
      ? Math.max(0, expected - scaled(spec.maxUnavailable, expected))
      : scaled(spec.minAvailable, expected);
  // Pods an eviction has just spent the budget on stay counted out until they go, or time out.
  const disrupted: Record<string, string> = {};
  for (const [name, at] of Object.entries(old.disruptedPods ?? {})) {
    const pod = pods.find((p) => p.metadata.name === name);
    if (pod && !pod.metadata.deletionTimestamp && Date.parse(at) + DISRUPTED_POD_TIMEOUT_MS > input.nowMs)
      disrupted[name] = at;
  }
  const healthy = pods.filter(
    (p) => isPodReady(p) && !p.metadata.deletionTimestamp && !((p.metadata.name ?? '') in disrupted),
  ).length;
  const allowed = Math.max(0, healthy - desired);
  const previous = (old.conditions ?? []).find((c) => c.type === 'DisruptionAllowed');
  const status = allowed > 0 ? 'True' : 'False';
  const condition = {
    type: 'DisruptionAllowed',
    status,
    reason: allowed > 0 ? 'SufficientPods' : 'InsufficientPods',
    message: '',
    observedGeneration: pdb.metadata.generation ?? 1,
    lastTransitionTime: previous?.status === status ? previous.lastTransitionTime : input.now,
  };
  return {
    ...(Object.keys(disrupted).length ? { disruptedPods: disrupted } : {}),
    observedGeneration: pdb.metadata.generation ?? 1,
    disruptionsAllowed: allowed,
    currentHealthy: healthy,
    desiredHealthy: desired,
    expectedPods: expected,
    conditions: [condition],
  };
}
