/**
 * Resource names and quantities (core/validation validateResourceRequirements and the
 * pkg/apis/core/helper predicates it relies on): which names a container may request, which
 * must be integers, and `requests ≤ limits`.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { isQualifiedName } from '../../validation/names.ts';
import { child, index, isObj, objArr, str } from './access.ts';
import { duplicate, forbidden, invalid, isNegativeErrorMsg, notFound, required } from './errors.ts';
import {
  compareQuantity,
  formatQuantity,
  parseQuantity,
  quantityMilliValue,
  type Quantity,
} from './quantity.ts';
import { validateDNS1123Label } from './core-names.ts';

const standardResources = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.storage',
  'services.nodeports',
  'services.loadbalancers',
]);

const standardQuotaResources = new Set([
  'cpu',
  'memory',
  'ephemeral-storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

const integerResources = new Set([
  'pods',
  'resourcequotas',
  'services',
  'replicationcontrollers',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'services.nodeports',
  'services.loadbalancers',
]);

export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

function isQuotaHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-') || name.startsWith('requests.hugepages-');
}

export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

export function isStandardResourceName(name: string): boolean {
  return standardResources.has(name) || isQuotaHugePageResourceName(name);
}

export function isStandardQuotaResourceName(name: string): boolean {
  return standardQuotaResources.has(name) || isQuotaHugePageResourceName(name);
}

export function isStandardContainerResourceName(name: string): boolean {
  return name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || isHugePageResourceName(name);
}

export function isIntegerResourceName(name: string): boolean {
  return integerResources.has(name) || isExtendedResourceName(name);
}

export function validateResourceName(value: string, path: string): FieldError[] {
  const errs = isQualifiedName(value).map((msg) => invalid(path, value, msg));
  if (errs.length > 0) return errs;
  if (!value.includes('/') && !isStandardResourceName(value)) {
    return [invalid(path, value, 'must be a standard resource type or fully qualified')];
  }
  return [];
}

export function validateContainerResourceName(value: string, path: string): FieldError[] {
  const errs = validateResourceName(value, path);
  if (!value.includes('/')) {
    if (!isStandardContainerResourceName(value)) {
      return [...errs, invalid(path, value, 'must be a standard resource for containers')];
    }
  } else if (!isNativeResource(value) && !isExtendedResourceName(value)) {
    return [...errs, invalid(path, value, "doesn't follow extended resource name standard")];
  }
  return errs;
}

export function validateQuotaResourceName(value: string, path: string): FieldError[] {
  const errs = validateResourceName(value, path);
  if (!value.includes('/') && !isStandardQuotaResourceName(value)) {
    return [...errs, invalid(path, value, 'must be a standard resource for quota')];
  }
  return errs;
}

/** A quantity as Go prints it inside an error: its canonical string through JSON. */
export function quantityText(q: Quantity | undefined, raw: unknown): string {
  return q ? formatQuantity(q) : String(raw);
}

/** ValidateResourceQuantityValue: non-negative, and whole for integer resources. */
export function validateResourceQuantityValue(resource: string, raw: unknown, path: string): FieldError[] {
  const q = parseQuantity(raw);
  if (!q) return [];
  const errs: FieldError[] = [];
  if (q.mantissa < 0n) errs.push(invalid(path, formatQuantity(q), isNegativeErrorMsg));
  if (isIntegerResourceName(resource) && quantityMilliValue(q) % 1000 !== 0) {
    errs.push(invalid(path, formatQuantity(q), 'must be an integer'));
  }
  return errs;
}

function hugePageSize(name: string): Quantity | undefined {
  return parseQuantity(name.slice('hugepages-'.length));
}

function hugePageError(name: string, q: Quantity): string | undefined {
  const size = hugePageSize(name);
  if (!size || size.mantissa <= 0n) return undefined;
  const scale = Math.min(q.scale, size.scale);
  const value = q.mantissa * 10n ** BigInt(q.scale - scale);
  const unit = size.mantissa * 10n ** BigInt(size.scale - scale);
  return value % unit === 0n ? undefined : `${formatQuantity(q)} is not positive integer multiple of ${name}`;
}

type NameCheck = (name: string, path: string) => FieldError[];

/** validateResourceRequirements: names, values, requests ≤ limits, hugepages, claims. */
export function validateResourceRequirements(
  requirements: unknown,
  nameCheck: NameCheck,
  podClaimNames: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const reqs = isObj(requirements) ? requirements : {};
  const limits = isObj(reqs.limits) ? reqs.limits : {};
  const requests = isObj(reqs.requests) ? reqs.requests : {};
  const limPath = child(path, 'limits');
  const reqPath = child(path, 'requests');
  const errs: FieldError[] = [];
  let limCpuOrMemory = false;
  let reqCpuOrMemory = false;
  let limHugePages = false;
  let reqHugePages = false;
  for (const [name, raw] of Object.entries(limits)) {
    const p = `${limPath}[${name}]`;
    errs.push(...nameCheck(name, p));
    errs.push(...validateResourceQuantityValue(name, raw, p));
    const q = parseQuantity(raw);
    if (isHugePageResourceName(name)) {
      limHugePages = true;
      const msg = q && hugePageError(name, q);
      if (msg && q) errs.push(invalid(p, formatQuantity(q), msg));
    }
    if (name === 'cpu' || name === 'memory') limCpuOrMemory = true;
  }
  for (const [name, raw] of Object.entries(requests)) {
    const p = `${reqPath}[${name}]`;
    errs.push(...nameCheck(name, p));
    errs.push(...validateResourceQuantityValue(name, raw, p));
    const q = parseQuantity(raw);
    const limitRaw = limits[name];
    if (limitRaw !== undefined) {
      const limit = parseQuantity(limitRaw);
      if (q && limit) {
        const cmp = compareQuantity(q, limit);
        if (cmp !== 0 && !isOvercommitAllowed(name)) {
          errs.push(
            invalid(reqPath, formatQuantity(q), `must be equal to ${name} limit of ${formatQuantity(limit)}`),
          );
        } else if (cmp > 0) {
          errs.push(
            invalid(
              reqPath,
              formatQuantity(q),
              `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`,
            ),
          );
        }
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) {
      reqHugePages = true;
      const msg = q && hugePageError(name, q);
      if (msg && q) errs.push(invalid(p, formatQuantity(q), msg));
    }
    if (name === 'cpu' || name === 'memory') reqCpuOrMemory = true;
  }
  if (!limCpuOrMemory && !reqCpuOrMemory && (reqHugePages || limHugePages)) {
    errs.push(forbidden(path, 'HugePages require cpu or memory'));
  }
  errs.push(...validateResourceClaimNames(objArr(reqs.claims), podClaimNames, child(path, 'claims')));
  return errs;
}

function validateResourceClaimNames(
  claims: Record<string, unknown>[],
  podClaimNames: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  claims.forEach((claim, i) => {
    const name = str(claim.name);
    const request = str(claim.request);
    const p = index(path, i);
    if (name === '') {
      errs.push(required(p));
      return;
    }
    if (names.has(name)) errs.push(duplicate(p, name));
    else {
      let entry = name;
      if (request !== '') {
        errs.push(...validateDNS1123Label(request, child(p, 'request')));
        entry += `/${request}`;
      }
      if (names.has(entry)) errs.push(duplicate(p, entry));
      else if (request === '') {
        for (const k of names)
          if (k.includes('/') && k.slice(0, k.indexOf('/')) === name) errs.push(duplicate(p, name));
      }
      names.add(entry);
    }
    if (!podClaimNames.has(name)) {
      const error = notFound(p, name);
      error.detail =
        podClaimNames.size === 0
          ? 'must be one of the names in pod.spec.resourceClaims which is empty'
          : `must be one of the names in pod.spec.resourceClaims: ${[...podClaimNames].sort().join(', ')}`;
      errs.push(error);
    }
  });
  return errs;
}
