/**
 * What workload controllers share: selector checks, the pod template rules for ReplicaSets,
 * Deployments and DaemonSets (restartPolicy Always, no activeDeadlineSeconds) and
 * int-or-percent fields (ValidatePositiveIntOrPercent, IsNotMoreThan100Percent).
 */
import type { FieldError } from '../../api/field-errors.ts';
import { isValidPercent } from '../../validation/names.ts';
import { child, isObj, objArr, objOr, str, strMap } from './access.ts';
import { forbidden, invalid, notSupported, required, validateNonnegative } from './errors.ts';
import { validatePodTemplateSpec } from './pod-template.ts';
import {
  labelSelectorAsSelector,
  type Selector,
  selectorIsEmpty,
  selectorMatches,
  selectorValue,
  validateLabelSelector,
} from './selector.ts';
import { named } from './values.ts';

/** The selector checks of Deployment/ReplicaSet/StatefulSet specs; returns the converted selector. */
export function validateWorkloadSelector(
  selector: unknown,
  path: string,
  kindWord: string,
  invalidDetail: string,
): { errs: FieldError[]; selector: Selector | undefined } {
  const errs: FieldError[] = [];
  if (!isObj(selector)) errs.push(required(path));
  else {
    errs.push(...validateLabelSelector(selector, {}, path));
    if (Object.keys(strMap(selector.matchLabels)).length + objArr(selector.matchExpressions).length === 0) {
      errs.push(invalid(path, selectorValue(selector), `empty selector is invalid for ${kindWord}`));
    }
  }
  const converted = labelSelectorAsSelector(selector);
  if (!converted) errs.push(invalid(path, selectorValue(selector), invalidDetail));
  return { errs, selector: converted };
}

export function templateLabelsMismatch(selector: Selector, template: unknown, path: string): FieldError[] {
  const labels = strMap(objOr(objOr(template).metadata).labels);
  if (!selectorIsEmpty(selector) && !selectorMatches(selector, labels)) {
    return [
      invalid(child(path, 'metadata', 'labels'), labels, '`selector` does not match template `labels`'),
    ];
  }
  return [];
}

/** ValidatePodTemplateSpecForReplicaSet (also used by Deployments and, with its own words, DaemonSets). */
export function validateTemplateForReplicaSet(
  selector: Selector,
  template: unknown,
  path: string,
  kind: string,
): FieldError[] {
  const errs = templateLabelsMismatch(selector, template, path);
  errs.push(...validatePodTemplateSpec(template, path));
  errs.push(...validateAlwaysRestartTemplate(template, path, kind));
  return errs;
}

/** Workload pods must restart Always and may not set activeDeadlineSeconds. */
export function validateAlwaysRestartTemplate(template: unknown, path: string, kind: string): FieldError[] {
  const spec = objOr(objOr(template).spec);
  const errs: FieldError[] = [];
  const policy = str(spec.restartPolicy);
  if (policy !== 'Always')
    errs.push(notSupported(child(path, 'spec', 'restartPolicy'), named(policy), ['Always']));
  if (spec.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) {
    errs.push(
      forbidden(
        child(path, 'spec', 'activeDeadlineSeconds'),
        `activeDeadlineSeconds in ${kind} is not Supported`,
      ),
    );
  }
  return errs;
}

export function validatePositiveIntOrPercent(value: unknown, path: string): FieldError[] {
  if (typeof value === 'string') return isValidPercent(value).map((msg) => invalid(path, value, msg));
  if (typeof value === 'number') return validateNonnegative(value, path);
  return [];
}

function percentValue(value: unknown): number | undefined {
  if (typeof value !== 'string' || isValidPercent(value).length > 0) return undefined;
  return Number(value.slice(0, -1));
}

/** getIntOrPercentValue: a percent's number, an int, or 0 for anything else. */
export function intOrPercentValue(value: unknown): number {
  const percent = percentValue(value);
  if (percent !== undefined) return percent;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^[+-]?[0-9]+$/.test(value)) return Number(value);
  return 0;
}

export function isNotMoreThan100Percent(value: unknown, path: string): FieldError[] {
  const percent = percentValue(value);
  return percent === undefined || percent <= 100
    ? []
    : [invalid(path, value, 'must not be greater than 100%')];
}

/** Status counters common to Deployments and ReplicaSets: none negative, none above replicas. */
export function validateReplicaCounters(
  status: Record<string, unknown>,
  path: string,
  fields: readonly string[],
): FieldError[] {
  return fields.flatMap((f) =>
    validateNonnegative(typeof status[f] === 'number' ? (status[f] as number) : 0, child(path, f)),
  );
}
