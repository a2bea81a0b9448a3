/**
 * Downward API selectors (fieldRef / resourceFieldRef) shared by env vars and volumes, and
 * the relative-path rules volume items follow.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { child, isObj, str } from './access.ts';
import { invalid, notSupported, required } from './errors.ts';
import { validateQualifiedName } from './core-names.ts';
import { formatQuantity, parseQuantity } from './quantity.ts';

export const envFieldPaths = [
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.serviceAccountName',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
];

export const volumeFieldPaths = [
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
];

const resourcePaths = [
  'limits.cpu',
  'limits.ephemeral-storage',
  'limits.memory',
  'requests.cpu',
  'requests.ephemeral-storage',
  'requests.memory',
];

const convertible = new Set([
  'metadata.annotations',
  'metadata.labels',
  'metadata.name',
  'metadata.namespace',
  'metadata.uid',
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.serviceAccountName',
  'spec.schedulerName',
  'status.phase',
  'status.hostIP',
  'status.hostIPs',
  'status.podIP',
  'status.podIPs',
]);

/** fieldpath.SplitMaybeSubscriptedPath: `metadata.labels['key']` → path and key. */
function splitSubscripted(fieldPath: string): { path: string; subscript: string } | undefined {
  if (!fieldPath.endsWith("']")) return undefined;
  const open = fieldPath.indexOf("['");
  if (open < 0) return undefined;
  return { path: fieldPath.slice(0, open), subscript: fieldPath.slice(open + 2, fieldPath.length - 2) };
}

function convertFieldLabel(apiVersion: string, label: string): { path?: string; error?: string } {
  if (apiVersion !== 'v1') return { error: `unsupported pod version: ${apiVersion}` };
  const split = splitSubscripted(label);
  if (split) {
    if (split.path === 'metadata.annotations' || split.path === 'metadata.labels') return { path: label };
    return { error: `field label does not support subscript: ${label}` };
  }
  if (convertible.has(label)) return { path: label };
  if (label === 'spec.host') return { path: 'spec.nodeName' };
  return { error: `field label not supported: ${label}` };
}

export function validateObjectFieldSelector(
  selector: Record<string, unknown>,
  expressions: readonly string[],
  path: string,
): FieldError[] {
  const apiVersion = str(selector.apiVersion);
  const fieldPath = str(selector.fieldPath);
  if (apiVersion === '') return [required(child(path, 'apiVersion'))];
  if (fieldPath === '') return [required(child(path, 'fieldPath'))];
  const converted = convertFieldLabel(apiVersion, fieldPath);
  if (converted.error !== undefined || converted.path === undefined) {
    return [
      invalid(child(path, 'fieldPath'), fieldPath, `error converting fieldPath: ${converted.error ?? ''}`),
    ];
  }
  const split = splitSubscripted(converted.path);
  if (split) {
    if (split.path === 'metadata.annotations')
      return validateQualifiedName(split.subscript.toLowerCase(), path);
    if (split.path === 'metadata.labels') return validateQualifiedName(split.subscript, path);
    return [invalid(path, split.path, 'does not support subscript')];
  }
  if (!expressions.includes(converted.path)) {
    return [notSupported(child(path, 'fieldPath'), converted.path, expressions)];
  }
  return [];
}

const memoryDivisors = new Set([
  '1',
  '1k',
  '1M',
  '1G',
  '1T',
  '1P',
  '1E',
  '1Ki',
  '1Mi',
  '1Gi',
  '1Ti',
  '1Pi',
  '1Ei',
]);
const memoryDivisorText = '1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei';

function validateDivisor(resource: string, divisor: unknown, path: string): FieldError[] {
  const q = parseQuantity(divisor);
  if (!q || q.mantissa === 0n) return [];
  const text = formatQuantity(q);
  const p = child(path, 'divisor');
  const errs: FieldError[] = [];
  if (resource === 'limits.cpu' || resource === 'requests.cpu') {
    if (text !== '1m' && text !== '1') {
      errs.push(invalid(p, resource, "only divisor's values 1m and 1 are supported with the cpu resource"));
    }
  } else if (resource === 'limits.memory' || resource === 'requests.memory') {
    if (!memoryDivisors.has(text)) {
      errs.push(
        invalid(
          p,
          resource,
          `only divisor's values ${memoryDivisorText} are supported with the memory resource`,
        ),
      );
    }
  } else if (resource === 'limits.ephemeral-storage' || resource === 'requests.ephemeral-storage') {
    if (!memoryDivisors.has(text)) {
      errs.push(
        invalid(
          p,
          resource,
          `only divisor's values ${memoryDivisorText} are supported with the local ephemeral storage resource`,
        ),
      );
    }
  }
  if (resource.startsWith('requests.hugepages-') || resource.startsWith('limits.hugepages-')) {
    if (!memoryDivisors.has(text)) {
      errs.push(
        invalid(
          p,
          resource,
          `only divisor's values ${memoryDivisorText} are supported with the hugepages resource`,
        ),
      );
    }
  }
  return errs;
}

export function validateResourceFieldSelector(
  selector: Record<string, unknown>,
  path: string,
  inVolume: boolean,
): FieldError[] {
  const errs: FieldError[] = [];
  const resource = str(selector.resource);
  if (inVolume && str(selector.containerName) === '') errs.push(required(child(path, 'containerName')));
  else if (resource === '') errs.push(required(child(path, 'resource')));
  else if (!resourcePaths.includes(resource)) {
    const hugePages = resource.startsWith('requests.hugepages-') || resource.startsWith('limits.hugepages-');
    if (!hugePages) errs.push(notSupported(child(path, 'resource'), resource, resourcePaths));
  }
  errs.push(...validateDivisor(resource, selector.divisor, path));
  return errs;
}

function isAbs(p: string): boolean {
  return p.startsWith('/');
}

export function validatePathNoBacksteps(target: string, path: string): FieldError[] {
  return target.split('/').includes('..') ? [invalid(path, target, "must not contain '..'")] : [];
}

export function validateLocalDescendingPath(target: string, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (isAbs(target)) errs.push(invalid(path, target, 'must be a relative path'));
  errs.push(...validatePathNoBacksteps(target, path));
  return errs;
}

export function validateLocalNonReservedPath(target: string, path: string): FieldError[] {
  const errs = validateLocalDescendingPath(target, path);
  if (target.startsWith('..') && !target.startsWith('../')) {
    errs.push(invalid(path, target, "must not start with '..'"));
  }
  return errs;
}

export const fileModeErrorMsg = 'must be a number between 0 and 0777 (octal), both inclusive';

export function validateFileMode(mode: unknown, path: string): FieldError[] {
  return typeof mode === 'number' && (mode > 0o777 || mode < 0)
    ? [invalid(path, mode, fileModeErrorMsg)]
    : [];
}

/** A DownwardAPIVolumeFile; errors of its selectors go under `path` (Go reuses the parent path). */
export function validateDownwardAPIVolumeFile(file: Record<string, unknown>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const filePath = str(file.path);
  if (filePath === '') errs.push(required(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(filePath, child(path, 'path')));
  if (isObj(file.fieldRef)) {
    errs.push(...validateObjectFieldSelector(file.fieldRef, volumeFieldPaths, child(path, 'fieldRef')));
    if (isObj(file.resourceFieldRef)) {
      errs.push(
        invalid(path, 'resource', 'fieldRef and resourceFieldRef can not be specified simultaneously'),
      );
    }
  } else if (isObj(file.resourceFieldRef)) {
    errs.push(...validateResourceFieldSelector(file.resourceFieldRef, child(path, 'resourceFieldRef'), true));
  } else {
    errs.push(required(path, 'one of fieldRef and resourceFieldRef is required'));
  }
  errs.push(...validateFileMode(file.mode, child(path, 'mode')));
  return errs;
}
