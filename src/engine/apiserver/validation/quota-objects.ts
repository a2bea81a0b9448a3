/**
 * LimitRanges and ResourceQuotas (core/validation ValidateLimitRange, ValidateResourceQuota).
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { isQualifiedName } from '../../validation/names.ts';
import { index, isObj, objArr, objOr, str, strArr } from './access.ts';
import { duplicate, fieldImmutableErrorMsg, forbidden, invalid, required } from './errors.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { compareQuantity, formatQuantity, parseQuantity, type Quantity } from './quantity.ts';
import {
  isOvercommitAllowed,
  validateContainerResourceName,
  validateQuotaResourceName,
  validateResourceName,
  validateResourceQuantityValue,
} from './resources.ts';
import { named } from './values.ts';

const limitTypes = new Set(['Pod', 'Container', 'PersistentVolumeClaim']);

function validateLimitType(value: string, path: string): FieldError[] {
  const errs = isQualifiedName(value).map((msg) => invalid(path, named(value), msg));
  if (errs.length > 0) return errs;
  if (!value.includes('/') && !limitTypes.has(value)) {
    return [invalid(path, named(value), 'must be a standard limit type or fully qualified')];
  }
  return [];
}

function limitResourceName(type: string, name: string, path: string): FieldError[] {
  return type === 'Pod' || type === 'Container'
    ? validateContainerResourceName(name, path)
    : validateResourceName(name, path);
}

export function validateLimitRange(lr: KubeObject): FieldError[] {
  const errs = validateMeta(lr.metadata, true, nameIsDNSSubdomain);
  const seen = new Set<string>();
  objArr(objOr(lr.spec).limits).forEach((limit, i) => {
    const p = index('spec.limits', i);
    const type = str(limit.type);
    errs.push(...validateLimitType(type, `${p}.type`));
    if (seen.has(type)) errs.push(duplicate(`${p}.type`, named(type)));
    seen.add(type);
    const sections: Record<string, Map<string, Quantity>> = {};
    const keys = new Set<string>();
    const collect = (section: string) => {
      const map = new Map<string, Quantity>();
      for (const [k, raw] of Object.entries(objOr(limit[section]))) {
        errs.push(...limitResourceName(type, k, `${p}.${section}[${k}]`));
        keys.add(k);
        const q = parseQuantity(raw);
        if (q) map.set(k, q);
      }
      sections[section] = map;
    };
    collect('max');
    collect('min');
    if (type === 'Pod') {
      if (Object.keys(objOr(limit.default)).length > 0)
        errs.push(forbidden(`${p}.default`, "may not be specified when `type` is 'Pod'"));
      if (Object.keys(objOr(limit.defaultRequest)).length > 0) {
        errs.push(forbidden(`${p}.defaultRequest`, "may not be specified when `type` is 'Pod'"));
      }
    } else {
      collect('default');
      collect('defaultRequest');
    }
    if (
      type === 'PersistentVolumeClaim' &&
      !('storage' in objOr(limit.min)) &&
      !('storage' in objOr(limit.max))
    ) {
      errs.push(
        required(
          `${p}.limits`,
          'either minimum or maximum storage value is required, but neither was provided',
        ),
      );
    }
    collect('maxLimitRequestRatio');
    for (const k of keys) {
      const min = sections.min?.get(k);
      const max = sections.max?.get(k);
      const def = sections.default?.get(k);
      const defReq = sections.defaultRequest?.get(k);
      const ratio = sections.maxLimitRequestRatio?.get(k);
      const fq = (q: Quantity) => formatQuantity(q);
      if (min && max && compareQuantity(min, max) > 0) {
        errs.push(
          invalid(`${p}.min[${k}]`, fq(min), `min value ${fq(min)} is greater than max value ${fq(max)}`),
        );
      }
      if (defReq && min && compareQuantity(min, defReq) > 0) {
        errs.push(
          invalid(
            `${p}.defaultRequest[${k}]`,
            fq(defReq),
            `min value ${fq(min)} is greater than default request value ${fq(defReq)}`,
          ),
        );
      }
      if (defReq && max && compareQuantity(defReq, max) > 0) {
        errs.push(
          invalid(
            `${p}.defaultRequest[${k}]`,
            fq(defReq),
            `default request value ${fq(defReq)} is greater than max value ${fq(max)}`,
          ),
        );
      }
      if (defReq && def && compareQuantity(defReq, def) > 0) {
        errs.push(
          invalid(
            `${p}.defaultRequest[${k}]`,
            fq(defReq),
            `default request value ${fq(defReq)} is greater than default limit value ${fq(def)}`,
          ),
        );
      }
      if (def && min && compareQuantity(min, def) > 0) {
        errs.push(
          invalid(
            `${p}.default[${k}]`,
            fq(min),
            `min value ${fq(min)} is greater than default value ${fq(def)}`,
          ),
        );
      }
      if (def && max && compareQuantity(def, max) > 0) {
        errs.push(
          invalid(
            `${p}.default[${k}]`,
            fq(max),
            `default value ${fq(def)} is greater than max value ${fq(max)}`,
          ),
        );
      }
      if (ratio && compareQuantity(ratio, { mantissa: 1n, scale: 0, format: 'DecimalSI' }) < 0) {
        errs.push(invalid(`${p}.maxLimitRequestRatio[${k}]`, fq(ratio), `ratio ${fq(ratio)} is less than 1`));
      }
      if (!isOvercommitAllowed(k) && def && defReq && compareQuantity(def, defReq) !== 0) {
        errs.push(
          invalid(
            `${p}.defaultRequest[${k}]`,
            fq(defReq),
            `default value ${fq(def)} must equal to defaultRequest value ${fq(defReq)} in ${k}`,
          ),
        );
      }
    }
  });
  return errs;
}

export function validateLimitRangeUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [...validateMetaUpdate(next.metadata, old.metadata), ...validateLimitRange(next)];
}

const quotaScopes = [
  'Terminating',
  'NotTerminating',
  'BestEffort',
  'NotBestEffort',
  'PriorityClass',
  'CrossNamespacePodAffinity',
  'VolumeAttributesClass',
];

function validateQuotaMap(map: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(objOr(map))) {
    errs.push(...validateQuotaResourceName(k, `${path}[${k}]`));
    errs.push(...validateResourceQuantityValue(k, v, `${path}[${k}]`));
  }
  return errs;
}

function validateQuotaSpec(spec: Record<string, unknown>): FieldError[] {
  const errs = validateQuotaMap(spec.hard, 'spec.hard');
  const scopes = strArr(spec.scopes);
  if (scopes.length > 0) {
    for (const scope of scopes) {
      if (!quotaScopes.includes(scope)) errs.push(invalid('spec.scopes', scopes, 'unsupported scope'));
    }
    const set = new Set(scopes);
    if (
      (set.has('BestEffort') && set.has('NotBestEffort')) ||
      (set.has('Terminating') && set.has('NotTerminating'))
    ) {
      errs.push(invalid('spec.scopes', scopes, 'conflicting scopes'));
    }
  }
  if (isObj(spec.scopeSelector)) {
    const p = 'spec.scopeSelector.matchExpressions';
    for (const req of objArr(spec.scopeSelector.matchExpressions)) {
      const scope = str(req.scopeName);
      const op = str(req.operator);
      const values = strArr(req.values);
      if (!quotaScopes.includes(scope))
        errs.push(invalid(`${p}.scopeName`, named(scope), 'unsupported scope'));
      if (
        [
          'BestEffort',
          'NotBestEffort',
          'Terminating',
          'NotTerminating',
          'CrossNamespacePodAffinity',
        ].includes(scope) &&
        op !== 'Exists'
      ) {
        errs.push(
          invalid(
            `${p}.operator`,
            named(op),
            "must be 'Exists' when scope is any of ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
          ),
        );
      }
      if (op === 'In' || op === 'NotIn') {
        if (values.length === 0)
          errs.push(
            required(
              `${p}.values`,
              "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
            ),
          );
      } else if (op === 'Exists' || op === 'DoesNotExist') {
        if (values.length > 0)
          errs.push(
            invalid(
              `${p}.values`,
              values,
              "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector",
            ),
          );
      } else errs.push(invalid(`${p}.operator`, named(op), 'not a valid selector operator'));
    }
  }
  return errs;
}

export function validateResourceQuota(rq: KubeObject): FieldError[] {
  const status = objOr(rq.status);
  return [
    ...validateMeta(rq.metadata, true, nameIsDNSSubdomain),
    ...validateQuotaSpec(objOr(rq.spec)),
    ...validateQuotaMap(status.hard, 'status.hard'),
    ...validateQuotaMap(status.used, 'status.used'),
  ];
}

export function validateResourceQuotaUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = [...validateMetaUpdate(next.metadata, old.metadata), ...validateQuotaSpec(objOr(next.spec))];
  const a = new Set(strArr(objOr(next.spec).scopes));
  const b = new Set(strArr(objOr(old.spec).scopes));
  if (a.size !== b.size || [...a].some((s) => !b.has(s))) {
    errs.push(invalid('spec.scopes', strArr(objOr(next.spec).scopes), fieldImmutableErrorMsg));
  }
  return errs;
}

export function validateResourceQuotaStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  if ((next.metadata.resourceVersion ?? '') === '') errs.push(required('resourceVersion'));
  const status = objOr(next.status);
  errs.push(...validateQuotaMap(status.hard, 'status.hard'), ...validateQuotaMap(status.used, 'status.used'));
  return errs;
}
