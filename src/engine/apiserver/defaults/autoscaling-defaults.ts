/**
 * HorizontalPodAutoscaler defaults (pkg/apis/autoscaling/v2/defaults.go; v1 only defaults
 * minReplicas, its CPU target is filled in by conversion).
 */
import type { Obj } from './json.ts';
import { child, cloneJson, defaultPointer, ensureChild, isUnset } from './json.ts';

/** autoscaling.DefaultCPUUtilization. */
export const DEFAULT_CPU_UTILIZATION = 80;

const SCALE_UP_RULES: Obj = {
  stabilizationWindowSeconds: 0,
  selectPolicy: 'Max',
  policies: [
    { type: 'Pods', value: 4, periodSeconds: 15 },
    { type: 'Percent', value: 100, periodSeconds: 15 },
  ],
};

// The scale-down window stays unset: the controller's --horizontal-pod-autoscaler-downscale-stabilization applies.
const SCALE_DOWN_RULES: Obj = {
  selectPolicy: 'Max',
  policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
};

export function defaultCpuMetric(): Obj {
  return {
    type: 'Resource',
    resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: DEFAULT_CPU_UTILIZATION } },
  };
}

export function defaultHpaV2(hpa: Obj): void {
  const spec = ensureChild(hpa, 'spec');
  defaultPointer(spec, 'minReplicas', 1);
  if (!Array.isArray(spec.metrics) || spec.metrics.length === 0) spec.metrics = [defaultCpuMetric()];
  const behavior = child(spec, 'behavior');
  if (behavior) {
    behavior.scaleUp = fillRules(SCALE_UP_RULES, child(behavior, 'scaleUp'));
    behavior.scaleDown = fillRules(SCALE_DOWN_RULES, child(behavior, 'scaleDown'));
  }
}

export function defaultHpaV1(hpa: Obj): void {
  defaultPointer(ensureChild(hpa, 'spec'), 'minReplicas', 1);
}

/** copyHPAScalingRules over a fresh copy of the defaults: every field the user set wins. */
function fillRules(defaults: Obj, given: Obj | undefined): Obj {
  const rules = cloneJson(defaults);
  for (const key of ['selectPolicy', 'stabilizationWindowSeconds', 'policies', 'tolerance']) {
    if (given && !isUnset(given[key])) rules[key] = given[key];
  }
  return rules;
}
