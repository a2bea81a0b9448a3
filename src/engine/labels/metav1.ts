/**
 * The metav1 `LabelSelector` API type (`spec.selector` of workloads) and its conversion to a
 * selector, as `metav1.LabelSelectorAsSelector` does it:
 * - a nil selector (`null`/`undefined`) becomes `nothing()` — it matches no objects;
 * - an empty one (`{}`, no matchLabels and no matchExpressions) becomes `everything()`.
 * Services are the exception: their `spec.selector` is a plain map, see `selectorFromSet`.
 */
import { goQuote } from '../api/field-errors.ts';
import type { Labels, Operator } from './requirement.ts';
import { Requirement, newRequirement } from './requirement.ts';
import type { Result } from './result.ts';
import { failure, success } from './result.ts';
import { LabelSelector, everything, nothing } from './selector.ts';

export type LabelSelectorOperator = 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';

export interface LabelSelectorRequirement {
  key: string;
  operator: LabelSelectorOperator | string;
  values?: string[];
}

export interface MetaLabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: LabelSelectorRequirement[];
}

const operators: Readonly<Record<string, Operator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

export function labelSelectorAsSelector(
  selector: MetaLabelSelector | null | undefined,
): Result<LabelSelector> {
  if (selector === null || selector === undefined) return success(nothing());
  const matchLabels = Object.entries(selector.matchLabels ?? {});
  const expressions = selector.matchExpressions ?? [];
  if (matchLabels.length + expressions.length === 0) return success(everything());
  const requirements: Requirement[] = [];
  for (const [key, value] of matchLabels) {
    const r = newRequirement(key, '=', [value]);
    if (!r.ok) return r;
    requirements.push(r.value);
  }
  for (const expr of expressions) {
    const op = Object.prototype.hasOwnProperty.call(operators, expr.operator)
      ? operators[expr.operator]
      : undefined;
    if (op === undefined) return failure(`${goQuote(expr.operator)} is not a valid label selector operator`);
    // Go copies the values into a nil slice, so an empty list is reported as null.
    const values = expr.values && expr.values.length > 0 ? [...expr.values] : null;
    const r = newRequirement(expr.key, op, values);
    if (!r.ok) return r;
    requirements.push(r.value);
  }
  return success(LabelSelector.of(requirements));
}

/** `metav1.FormatLabelSelector`, as `kubectl get -o wide` and `describe` print selectors. */
export function formatLabelSelector(selector: MetaLabelSelector | null | undefined): string {
  const converted = labelSelectorAsSelector(selector);
  if (!converted.ok) return '<error>';
  const text = converted.value.toString();
  return text.length === 0 ? '<none>' : text;
}

/**
 * `labels.SelectorFromSet` (no validation): every pair must match exactly; an empty or
 * missing map selects everything.
 */
export function selectorFromSet(set: Labels | null | undefined): LabelSelector {
  if (!set) return everything();
  const entries = Object.entries(set);
  if (entries.length === 0) return everything();
  return LabelSelector.of(entries.map(([key, value]) => new Requirement(key, '=', [value])));
}

/** `labels.ValidatedSelectorFromSet`: like `selectorFromSet`, with key and value checks. */
export function validatedSelectorFromSet(set: Labels | null | undefined): Result<LabelSelector> {
  if (!set) return success(everything());
  const requirements: Requirement[] = [];
  for (const [key, value] of Object.entries(set)) {
    const r = newRequirement(key, '=', [value]);
    if (!r.ok) return r;
    requirements.push(r.value);
  }
  return success(requirements.length === 0 ? everything() : LabelSelector.of(requirements));
}
