/**
 * The HPA `behavior` and `conditions` as autoscaling/v1 carries them in annotations. The
 * behavior annotation is Go's json.Marshal of the *internal* type, which has no JSON tags:
 * its keys are the Go field names (`ScaleUp`, `StabilizationWindowSeconds`, …) and unset
 * pointers appear as null. Go's decoder matches keys case-insensitively, and so does this.
 */
import type { Obj } from '../defaults/json.ts';
import { child, children, isObj } from '../defaults/json.ts';
import { quantity } from './hpa-metrics.ts';

function rulesToInternal(rules: Obj | undefined): Obj | null {
  if (!rules) return null;
  const policies = Array.isArray(rules.policies)
    ? children(rules, 'policies').map((p) => ({
        Type: p.type ?? '',
        Value: p.value ?? 0,
        PeriodSeconds: p.periodSeconds ?? 0,
      }))
    : null;
  return {
    StabilizationWindowSeconds: rules.stabilizationWindowSeconds ?? null,
    SelectPolicy: rules.selectPolicy ?? null,
    Policies: policies,
    Tolerance: quantity(rules.tolerance) ?? null,
  };
}

export function behaviorAnnotation(behavior: Obj): string {
  return JSON.stringify({
    ScaleUp: rulesToInternal(child(behavior, 'scaleUp')),
    ScaleDown: rulesToInternal(child(behavior, 'scaleDown')),
  });
}

/** The value of the key that equals `name` ignoring case, as encoding/json matches fields. */
function field(o: Obj, name: string): unknown {
  if (name in o) return o[name];
  const lower = name.toLowerCase();
  const key = Object.keys(o).find((k) => k.toLowerCase() === lower);
  return key === undefined ? undefined : o[key];
}

function rulesFromInternal(value: unknown): Obj | undefined {
  if (!isObj(value)) return undefined;
  const out: Obj = {};
  const window = field(value, 'StabilizationWindowSeconds');
  if (typeof window === 'number') out.stabilizationWindowSeconds = window;
  const select = field(value, 'SelectPolicy');
  if (typeof select === 'string') out.selectPolicy = select;
  const policies = field(value, 'Policies');
  if (Array.isArray(policies)) {
    out.policies = policies.filter(isObj).map((p) => ({
      type: field(p, 'Type'),
      value: field(p, 'Value'),
      periodSeconds: field(p, 'PeriodSeconds'),
    }));
  }
  const tolerance = quantity(field(value, 'Tolerance'));
  if (tolerance !== undefined) out.tolerance = tolerance;
  return out;
}

/** The v2 behavior encoded in the annotation, or undefined when it is not valid JSON. */
export function behaviorFromAnnotation(text: string): Obj | undefined {
  const parsed = parseJson(text);
  if (!isObj(parsed)) return undefined;
  const out: Obj = {};
  const scaleUp = rulesFromInternal(field(parsed, 'ScaleUp'));
  if (scaleUp) out.scaleUp = scaleUp;
  const scaleDown = rulesFromInternal(field(parsed, 'ScaleDown'));
  if (scaleDown) out.scaleDown = scaleDown;
  return out;
}

/** v1 HorizontalPodAutoscalerCondition in Go field order; an unset time marshals as null. */
export function conditionToV1(c: Obj): Obj {
  const out: Obj = {
    type: c.type ?? '',
    status: c.status ?? '',
    lastTransitionTime: c.lastTransitionTime ?? null,
  };
  if (typeof c.reason === 'string' && c.reason !== '') out.reason = c.reason;
  if (typeof c.message === 'string' && c.message !== '') out.message = c.message;
  return out;
}

export function conditionFromV1(c: Obj): Obj {
  const out: Obj = { type: c.type, status: c.status };
  if (c.lastTransitionTime !== undefined && c.lastTransitionTime !== null)
    out.lastTransitionTime = c.lastTransitionTime;
  if (typeof c.reason === 'string' && c.reason !== '') out.reason = c.reason;
  if (typeof c.message === 'string' && c.message !== '') out.message = c.message;
  return out;
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
