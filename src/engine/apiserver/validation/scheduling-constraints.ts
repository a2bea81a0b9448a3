/**
 * Where a pod may run: node and pod (anti-)affinity, tolerations and topology spread
 * constraints (core/validation validateAffinity, ValidateTolerations,
 * validateTopologySpreadConstraints).
 */
import type { FieldError } from '../../api/field-errors.ts';
import { isValidLabelValue } from '../../validation/names.ts';
import { validateLabelName } from '../../validation/object-meta.ts';
import { validateNamespaceName, nameIsDNSSubdomain } from '../../validation/generic.ts';
import { child, index, isObj, num, objArr, str, strArr, strMap } from './access.ts';
import { duplicate, forbidden, invalid, notSupported, required } from './errors.ts';
import { validateLabelSelector } from './selector.ts';
import { named } from './values.ts';

type Obj = Record<string, unknown>;

export function validateNodeSelectorRequirement(
  req: Obj,
  allowInvalidValues: boolean,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const values = strArr(req.values);
  const operator = str(req.operator);
  switch (operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0)
        errs.push(required(child(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
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
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        errs.push(
          required(child(path, 'values'), "must be specified single value when `operator` is 'Lt' or 'Gt'"),
        );
      }
      break;
    default:
      errs.push(invalid(child(path, 'operator'), named(operator), 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(str(req.key), child(path, 'key')));
  if (!allowInvalidValues) {
    values.forEach((value, i) => {
      for (const msg of isValidLabelValue(value))
        errs.push(invalid(index(child(path, 'values'), i), value, msg));
    });
  }
  return errs;
}

function validateNodeFieldSelectorRequirement(req: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const operator = str(req.operator);
  const values = strArr(req.values);
  if (operator === 'In' || operator === 'NotIn') {
    if (values.length !== 1) {
      errs.push(
        required(
          child(path, 'values'),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      );
    }
  } else errs.push(invalid(child(path, 'operator'), named(operator), 'not a valid selector operator'));
  const key = str(req.key);
  if (key !== 'metadata.name') errs.push(invalid(child(path, 'key'), key, 'not a valid field selector key'));
  else {
    values.forEach((v, i) => {
      for (const msg of nameIsDNSSubdomain(v, false))
        errs.push(invalid(index(child(path, 'values'), i), v, msg));
    });
  }
  return errs;
}

export function validateNodeSelectorTerm(term: Obj, allowInvalidValues: boolean, path: string): FieldError[] {
  return [
    ...objArr(term.matchExpressions).flatMap((r, j) =>
      validateNodeSelectorRequirement(r, allowInvalidValues, index(child(path, 'matchExpressions'), j)),
    ),
    ...objArr(term.matchFields).flatMap((r, j) =>
      validateNodeFieldSelectorRequirement(r, index(child(path, 'matchFields'), j)),
    ),
  ];
}

export function validateNodeSelector(selector: Obj, allowInvalidValues: boolean, path: string): FieldError[] {
  const termsPath = child(path, 'nodeSelectorTerms');
  const terms = objArr(selector.nodeSelectorTerms);
  if (terms.length === 0) return [required(termsPath, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(t, allowInvalidValues, index(termsPath, i)));
}

function validatePodAffinityTerm(term: Obj, path: string): FieldError[] {
  const errs = validateLabelSelector(term.labelSelector, {}, child(path, 'labelSelector'));
  errs.push(...validateLabelSelector(term.namespaceSelector, {}, child(path, 'namespaceSelector')));
  for (const ns of strArr(term.namespaces)) {
    for (const msg of validateNamespaceName(ns, false)) errs.push(invalid(child(path, 'namespace'), ns, msg));
  }
  errs.push(...validateMatchLabelKeysAndMismatchLabelKeys(term, path));
  const topologyKey = str(term.topologyKey);
  if (topologyKey === '') errs.push(required(child(path, 'topologyKey'), 'can not be empty'));
  errs.push(...validateLabelName(topologyKey, child(path, 'topologyKey')));
  return errs;
}

function validateMatchLabelKeysAndMismatchLabelKeys(term: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const selector = term.labelSelector;
  const matchKeys = strArr(term.matchLabelKeys);
  const mismatchKeys = strArr(term.mismatchLabelKeys);
  for (const [field, keys] of [
    ['matchLabelKeys', matchKeys],
    ['mismatchLabelKeys', mismatchKeys],
  ] as const) {
    if (keys.length === 0) continue;
    const p = child(path, field);
    if (!isObj(selector)) {
      errs.push(forbidden(p, 'must not be specified when labelSelector is not set'));
      continue;
    }
    keys.forEach((k, i) => errs.push(...validateLabelName(k, index(p, i))));
  }
  if (isObj(selector)) {
    const selectorKeys = new Set(Object.keys(strMap(selector.matchLabels)));
    for (const expr of objArr(selector.matchExpressions)) {
      const k = str(expr.key);
      const i = matchKeys.lastIndexOf(k);
      if (i >= 0 && selectorKeys.has(k))
        errs.push(invalid(index(path, i), k, 'exists in both matchLabelKeys and labelSelector'));
      selectorKeys.add(k);
    }
  }
  matchKeys.forEach((k, i) => {
    if (mismatchKeys.includes(k)) {
      errs.push(
        invalid(
          index(child(path, 'matchLabelKeys'), i),
          k,
          'exists in both matchLabelKeys and mismatchLabelKeys',
        ),
      );
    }
  });
  return errs;
}

function validateAffinityTerms(value: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const req = 'requiredDuringSchedulingIgnoredDuringExecution';
  const pref = 'preferredDuringSchedulingIgnoredDuringExecution';
  objArr(value[req]).forEach((t, i) => errs.push(...validatePodAffinityTerm(t, index(child(path, req), i))));
  objArr(value[pref]).forEach((t, j) => {
    const p = index(child(path, pref), j);
    const weight = num(t.weight);
    if (weight <= 0 || weight > 100)
      errs.push(invalid(child(p, 'weight'), weight, 'must be in the range 1-100'));
    errs.push(
      ...validatePodAffinityTerm(
        isObj(t.podAffinityTerm) ? t.podAffinityTerm : {},
        child(p, 'podAffinityTerm'),
      ),
    );
  });
  return errs;
}

export function validateAffinity(affinity: unknown, path: string): FieldError[] {
  if (!isObj(affinity)) return [];
  const errs: FieldError[] = [];
  if (isObj(affinity.nodeAffinity)) {
    const na = affinity.nodeAffinity;
    const p = child(path, 'nodeAffinity');
    const req = na.requiredDuringSchedulingIgnoredDuringExecution;
    if (isObj(req))
      errs.push(
        ...validateNodeSelector(req, false, child(p, 'requiredDuringSchedulingIgnoredDuringExecution')),
      );
    const prefPath = child(p, 'preferredDuringSchedulingIgnoredDuringExecution');
    objArr(na.preferredDuringSchedulingIgnoredDuringExecution).forEach((term, i) => {
      const weight = num(term.weight);
      if (weight <= 0 || weight > 100)
        errs.push(invalid(child(index(prefPath, i), 'weight'), weight, 'must be in the range 1-100'));
      errs.push(
        ...validateNodeSelectorTerm(
          isObj(term.preference) ? term.preference : {},
          true,
          child(index(prefPath, i), 'preference'),
        ),
      );
    });
  }
  if (isObj(affinity.podAffinity))
    errs.push(...validateAffinityTerms(affinity.podAffinity, child(path, 'podAffinity')));
  if (isObj(affinity.podAntiAffinity))
    errs.push(...validateAffinityTerms(affinity.podAntiAffinity, child(path, 'podAntiAffinity')));
  return errs;
}

const taintEffects = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

export function validateTaintEffect(effect: string, allowEmpty: boolean, path: string): FieldError[] {
  if (!allowEmpty && effect === '') return [required(path)];
  return taintEffects.includes(effect) ? [] : [notSupported(path, named(effect), taintEffects)];
}

export function validateTolerations(tolerations: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objArr(tolerations).forEach((t, i) => {
    const p = index(path, i);
    const key = str(t.key);
    const operator = str(t.operator);
    const effect = str(t.effect);
    const value = str(t.value);
    if (key !== '') errs.push(...validateLabelName(key, child(p, 'key')));
    if (key === '' && operator !== 'Exists') {
      errs.push(
        invalid(
          child(p, 'operator'),
          named(operator),
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null && effect !== 'NoExecute') {
      errs.push(
        invalid(
          child(p, 'effect'),
          named(effect),
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    switch (operator) {
      case 'Equal':
      case '': {
        const msgs = isValidLabelValue(value);
        if (msgs.length > 0) errs.push(invalid(child(p, 'operator'), value, msgs.join(';')));
        break;
      }
      case 'Exists':
        if (value !== '')
          errs.push(invalid(child(p, 'operator'), value, "value must be empty when `operator` is 'Exists'"));
        break;
      default:
        errs.push(notSupported(child(p, 'operator'), named(operator), ['Equal', 'Exists']));
    }
    if (effect !== '') errs.push(...validateTaintEffect(effect, true, child(p, 'effect')));
  });
  return errs;
}

export function validateTopologySpreadConstraints(constraints: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = objArr(constraints);
  list.forEach((c, i) => {
    const p = index(path, i);
    const maxSkew = num(c.maxSkew);
    if (maxSkew <= 0) errs.push(invalid(child(p, 'maxSkew'), maxSkew, 'must be greater than zero'));
    const topologyKey = str(c.topologyKey);
    if (topologyKey === '') errs.push(required(child(p, 'topologyKey'), 'can not be empty'));
    const action = str(c.whenUnsatisfiable);
    if (action !== 'DoNotSchedule' && action !== 'ScheduleAnyway') {
      errs.push(
        notSupported(child(p, 'whenUnsatisfiable'), named(action), ['DoNotSchedule', 'ScheduleAnyway']),
      );
    }
    if (
      list.slice(i + 1).some((r) => str(r.topologyKey) === topologyKey && str(r.whenUnsatisfiable) === action)
    ) {
      errs.push(duplicate(child(p, '{topologyKey, whenUnsatisfiable}'), `{${topologyKey}, ${action}}`));
    }
    if (typeof c.minDomains === 'number') {
      if (c.minDomains <= 0)
        errs.push(invalid(child(p, 'minDomains'), c.minDomains, 'must be greater than zero'));
      if (action !== 'DoNotSchedule') {
        errs.push(
          invalid(
            child(p, 'minDomains'),
            c.minDomains,
            `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`,
          ),
        );
      }
    }
    for (const policy of ['nodeAffinityPolicy', 'nodeTaintsPolicy']) {
      const v = c[policy];
      if (typeof v === 'string' && v !== 'Honor' && v !== 'Ignore') {
        errs.push(notSupported(child(p, policy), named(v), ['Honor', 'Ignore']));
      }
    }
    const keys = strArr(c.matchLabelKeys);
    if (keys.length > 0) {
      const kp = child(p, 'matchLabelKeys');
      const selector = c.labelSelector;
      const selectorKeys = new Set<string>();
      if (isObj(selector)) {
        for (const k of Object.keys(strMap(selector.matchLabels))) selectorKeys.add(k);
        for (const e of objArr(selector.matchExpressions)) selectorKeys.add(str(e.key));
      } else errs.push(forbidden(kp, 'must not be specified when labelSelector is not set'));
      keys.forEach((k, j) => {
        errs.push(...validateLabelName(k, index(kp, j)));
        if (selectorKeys.has(k))
          errs.push(invalid(index(kp, j), k, 'exists in both matchLabelKeys and labelSelector'));
      });
    }
    errs.push(...validateLabelSelector(c.labelSelector, {}, child(p, 'labelSelector')));
  });
  return errs;
}
