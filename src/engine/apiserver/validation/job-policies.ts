/**
 * A Job's podFailurePolicy and successPolicy rules (batch validatePodFailurePolicy,
 * validateSuccessPolicy and the index-interval parser they use).
 */
import type { FieldError } from '../../api/field-errors.ts';
import { child, index, isObj, num, objArr, objOr, str } from './access.ts';
import {
  duplicate,
  invalid,
  notSupported,
  required,
  tooLong,
  tooMany,
  validateNonnegative,
} from './errors.ts';
import { validateQualifiedName } from './core-names.ts';
import { goQuote, named, omitValue } from './values.ts';

type Obj = Record<string, unknown>;

const actions = ['Count', 'FailIndex', 'FailJob', 'Ignore'];
const statuses = ['False', 'True', 'Unknown'];

function quotedList(values: readonly string[]): string {
  return `[${values.map(goQuote).join(' ')}]`;
}

function validateOnExitCodes(req: Obj, path: string, containerNames: Set<string>): FieldError[] {
  const errs: FieldError[] = [];
  const operator = str(req.operator);
  if (operator === '')
    errs.push(required(child(path, 'operator'), `valid values: ${quotedList(['In', 'NotIn'])}`));
  else if (operator !== 'In' && operator !== 'NotIn')
    errs.push(notSupported(child(path, 'operator'), named(operator), ['In', 'NotIn']));
  if (typeof req.containerName === 'string' && !containerNames.has(req.containerName)) {
    errs.push(
      invalid(
        child(path, 'containerName'),
        req.containerName,
        'must be one of the container or initContainer names in the pod template',
      ),
    );
  }
  const valuesPath = child(path, 'values');
  const values = Array.isArray(req.values) ? req.values.map(num) : [];
  if (values.length === 0) errs.push(invalid(valuesPath, values, 'at least one value is required'));
  else if (values.length > 255) errs.push(tooMany(valuesPath, values.length, 255));
  const seen = new Set<number>();
  let ordered = true;
  values.forEach((v, j) => {
    if (operator === 'In' && v === 0)
      errs.push(invalid(index(valuesPath, j), v, 'must not be 0 for the In operator'));
    if (seen.has(v)) errs.push(duplicate(index(valuesPath, j), v));
    else seen.add(v);
    if (j > 0 && (values[j - 1] ?? 0) > v) ordered = false;
  });
  if (!ordered) errs.push(invalid(valuesPath, values, 'must be ordered'));
  return errs;
}

export function validatePodFailurePolicy(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules = objArr(objOr(spec.podFailurePolicy).rules);
  const rulesPath = child(path, 'rules');
  if (rules.length > 20) errs.push(tooMany(rulesPath, rules.length, 20));
  const podSpec = objOr(objOr(spec.template).spec);
  const names = new Set(
    [...objArr(podSpec.containers), ...objArr(podSpec.initContainers)].map((c) => str(c.name)),
  );
  rules.forEach((rule, i) => {
    const rulePath = index(rulesPath, i);
    const action = str(rule.action);
    const actionPath = child(rulePath, 'action');
    if (action === '') errs.push(required(actionPath, `valid values: ${quotedList(actions)}`));
    else if (action === 'FailIndex') {
      if (typeof spec.backoffLimitPerIndex !== 'number')
        errs.push(invalid(actionPath, named(action), 'requires the backoffLimitPerIndex to be set'));
    } else if (!actions.includes(action)) errs.push(notSupported(actionPath, named(action), actions));
    const onExitCodes = isObj(rule.onExitCodes) ? rule.onExitCodes : undefined;
    const conditions = objArr(rule.onPodConditions);
    if (onExitCodes) errs.push(...validateOnExitCodes(onExitCodes, child(rulePath, 'onExitCodes'), names));
    if (conditions.length > 0) {
      const cp = child(rulePath, 'onPodConditions');
      if (conditions.length > 20) errs.push(tooMany(cp, conditions.length, 20));
      conditions.forEach((pattern, j) => {
        const pp = index(cp, j);
        errs.push(...validateQualifiedName(str(pattern.type), child(pp, 'type')));
        const status = str(pattern.status);
        if (status === '') errs.push(required(child(pp, 'status'), `valid values: ${quotedList(statuses)}`));
        else if (!statuses.includes(status))
          errs.push(notSupported(child(pp, 'status'), named(status), statuses));
      });
    }
    if (onExitCodes && conditions.length > 0) {
      errs.push(
        invalid(rulePath, omitValue, 'specifying both OnExitCodes and OnPodConditions is not supported'),
      );
    }
    if (!onExitCodes && conditions.length === 0) {
      errs.push(
        invalid(rulePath, omitValue, 'specifying one of OnExitCodes and OnPodConditions is required'),
      );
    }
  });
  return errs;
}

function atoi(text: string): number | undefined {
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** parseIndexInterval / validateIndexesFormat: "1,3-5" style index lists. */
export function validateIndexesFormat(text: string, completions: number): { total: number; error?: string } {
  if (text === '') return { total: 0 };
  let last: number | undefined;
  let total = 0;
  for (const interval of text.split(',')) {
    const limits = interval.split('-');
    if (limits.length > 2) {
      return {
        total: 0,
        error: `the fragment ${goQuote(interval)} violates the requirement that an index interval can have at most two parts separated by '-'`,
      };
    }
    const x = atoi(limits[0] ?? '');
    if (x === undefined)
      return { total: 0, error: `cannot convert string to integer for index: ${goQuote(limits[0] ?? '')}` };
    if (x >= completions) return { total: 0, error: `too large index: ${goQuote(limits[0] ?? '')}` };
    let y = x;
    if (limits.length > 1) {
      const parsed = atoi(limits[1] ?? '');
      if (parsed === undefined)
        return { total: 0, error: `cannot convert string to integer for index: ${goQuote(limits[1] ?? '')}` };
      if (parsed >= completions) return { total: 0, error: `too large index: ${goQuote(limits[1] ?? '')}` };
      if (x >= parsed) return { total: 0, error: `non-increasing order, previous: ${x}, current: ${parsed}` };
      y = parsed;
    }
    if (last !== undefined && last >= x)
      return { total: 0, error: `non-increasing order, previous: ${last}, current: ${x}` };
    total += y - x + 1;
    last = y;
  }
  return { total };
}

export function validateSuccessPolicy(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const rules = objArr(objOr(spec.successPolicy).rules);
  const rulesPath = child(path, 'rules');
  if (rules.length === 0)
    errs.push(
      required(rulesPath, 'at least one rules must be specified when the successPolicy is specified'),
    );
  if (rules.length > 20) errs.push(tooMany(rulesPath, rules.length, 20));
  const completions = num(spec.completions);
  rules.forEach((rule, i) => {
    const rulePath = index(rulesPath, i);
    if (rule.succeededCount === undefined && rule.succeededIndexes === undefined) {
      errs.push(required(rulePath, 'at least one of succeededCount or succeededIndexes must be specified'));
    }
    let total = 0;
    if (typeof rule.succeededIndexes === 'string') {
      const p = child(rulePath, 'succeededIndexes');
      if (rule.succeededIndexes.length > 64 * 1024) errs.push(tooLong(p, 64 * 1024));
      const parsed = validateIndexesFormat(rule.succeededIndexes, completions);
      total = parsed.total;
      if (parsed.error !== undefined)
        errs.push(invalid(p, rule.succeededIndexes, `error parsing succeededIndexes: ${parsed.error}`));
    }
    if (typeof rule.succeededCount === 'number') {
      const p = child(rulePath, 'succeededCount');
      errs.push(...validateNonnegative(rule.succeededCount, p));
      if (rule.succeededCount > completions) {
        errs.push(
          invalid(
            p,
            rule.succeededCount,
            `must be less than or equal to ${completions} (the number of specified completions)`,
          ),
        );
      }
      if (typeof rule.succeededIndexes === 'string' && rule.succeededCount > total) {
        errs.push(
          invalid(
            p,
            rule.succeededCount,
            `must be less than or equal to ${total} (the number of indexes in the specified succeededIndexes field)`,
          ),
        );
      }
    }
  });
  return errs;
}
