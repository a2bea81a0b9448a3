/**
 * metav1.LabelSelector: validation (apimachinery meta/v1/validation ValidateLabelSelector)
 * and the conversion to a selector that workload validation matches template labels with.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { isQualifiedName, isValidLabelValue } from '../../validation/names.ts';
import { validateLabelName, validateLabels } from '../../validation/object-meta.ts';
import { child, index, isObj, objArr, str, strArr, strMap } from './access.ts';
import { forbidden, invalid, required } from './errors.ts';
import { goStruct } from './values.ts';

export interface SelectorOptions {
  allowInvalidLabelValueInSelector?: boolean;
}

export function validateLabelSelectorRequirement(
  requirement: Record<string, unknown>,
  options: SelectorOptions,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const operator = str(requirement.operator);
  const values = strArr(requirement.values);
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbidden(
            child(path, 'values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
      break;
    default:
      errs.push(invalid(child(path, 'operator'), operator, 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(str(requirement.key), child(path, 'key')));
  if (!options.allowInvalidLabelValueInSelector) {
    values.forEach((value, i) => {
      for (const msg of isValidLabelValue(value))
        errs.push(invalid(index(child(path, 'values'), i), value, msg));
    });
  }
  return errs;
}

/** ValidateLabelSelector; a nil selector is valid. */
export function validateLabelSelector(
  selector: unknown,
  options: SelectorOptions,
  path: string,
): FieldError[] {
  if (!isObj(selector)) return [];
  const errs = validateLabels(strMap(selector.matchLabels), child(path, 'matchLabels'));
  objArr(selector.matchExpressions).forEach((expr, i) => {
    errs.push(...validateLabelSelectorRequirement(expr, options, index(child(path, 'matchExpressions'), i)));
  });
  return errs;
}

export type Selector =
  { kind: 'nothing' } | { kind: 'everything' } | { kind: 'match'; selector: Record<string, unknown> };

/** LabelSelectorAsSelector: undefined when the selector cannot be converted (Go returns an error). */
export function labelSelectorAsSelector(selector: unknown): Selector | undefined {
  if (!isObj(selector)) return { kind: 'nothing' };
  const matchLabels = strMap(selector.matchLabels);
  const expressions = objArr(selector.matchExpressions);
  if (Object.keys(matchLabels).length + expressions.length === 0) return { kind: 'everything' };
  for (const [k, v] of Object.entries(matchLabels)) {
    if (isQualifiedName(k).length > 0 || isValidLabelValue(v).length > 0) return undefined;
  }
  for (const expr of expressions) {
    const values = strArr(expr.values);
    switch (str(expr.operator)) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return undefined;
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length !== 0) return undefined;
        break;
      default:
        return undefined;
    }
    if (isQualifiedName(str(expr.key)).length > 0) return undefined;
    if (values.some((v) => isValidLabelValue(v).length > 0)) return undefined;
  }
  return { kind: 'match', selector };
}

/** Selector.Empty(): true only for the match-everything selector. */
export function selectorIsEmpty(selector: Selector): boolean {
  return selector.kind === 'everything';
}

export function selectorMatches(selector: Selector, labels: Record<string, string>): boolean {
  if (selector.kind === 'nothing') return false;
  if (selector.kind === 'everything') return true;
  for (const [k, v] of Object.entries(strMap(selector.selector.matchLabels))) {
    if (labels[k] !== v) return false;
  }
  for (const expr of objArr(selector.selector.matchExpressions)) {
    const k = str(expr.key);
    const values = strArr(expr.values);
    const present = Object.prototype.hasOwnProperty.call(labels, k);
    const value = labels[k];
    switch (str(expr.operator)) {
      case 'In':
        if (!present || !values.includes(value ?? '')) return false;
        break;
      case 'NotIn':
        if (present && values.includes(value ?? '')) return false;
        break;
      case 'Exists':
        if (!present) return false;
        break;
      case 'DoesNotExist':
        if (present) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

/** A map selector (Service, ReplicationController): labels.Set(m).AsSelector(). */
export function mapSelectorMatches(
  selector: Record<string, string>,
  labels: Record<string, string>,
): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/** metav1.LabelSelector as Go renders it in an error: a struct with json tags, omitempty. */
export function selectorValue(selector: unknown): unknown {
  if (!isObj(selector)) return null;
  const fields: [string, unknown][] = [];
  const matchLabels = strMap(selector.matchLabels);
  if (Object.keys(matchLabels).length > 0) fields.push(['matchLabels', matchLabels]);
  const expressions = objArr(selector.matchExpressions);
  if (expressions.length > 0) {
    fields.push([
      'matchExpressions',
      expressions.map((e) => {
        const r: [string, unknown][] = [
          ['key', str(e.key)],
          ['operator', str(e.operator)],
        ];
        if (strArr(e.values).length > 0) r.push(['values', strArr(e.values)]);
        return goStruct(...r);
      }),
    ]);
  }
  return goStruct(...fields);
}
