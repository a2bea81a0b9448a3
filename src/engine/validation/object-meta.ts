/**
 * ObjectMeta validation (apimachinery `pkg/api/validation/objectmeta.go` and
 * `pkg/apis/meta/v1/validation`). `validateObjectMeta` runs on create, after generateName
 * has been turned into a name; `validateObjectMetaUpdate` adds the immutability rules.
 * Errors come in Go's order; map entries are visited in the object's key order (Go's map
 * order is random, so any order is faithful).
 */
import type { FieldError } from '../api/field-errors.ts';
import { goQuote } from '../api/field-errors.ts';
import type { ObjectMeta } from '../api/types.ts';
import { childPath, forbidden, invalid, required, tooLong } from './field.ts';
import type { ValidateNameFunc } from './generic.ts';
import { validateNamespaceName, validateNonnegativeField } from './generic.ts';
import { utf8Length } from './messages.ts';
import { validateManagedFields } from './managed-fields.ts';
import { isQualifiedName, isValidLabelValue } from './names.ts';
import { validateOwnerReferences } from './owner-references.ts';

export { validateManagedFields } from './managed-fields.ts';
export { validateOwnerReferences } from './owner-references.ts';

export const fieldImmutableErrorMsg = 'field is immutable';
export const totalAnnotationSizeLimitB = 256 * (1 << 10);

export interface ObjectMetaOptions {
  /** Whether the kind lives in a namespace (namespace required) or is cluster-scoped (forbidden). */
  namespaced: boolean;
  /** How names of this kind are checked, e.g. `nameIsDNSSubdomain`. */
  validateName: ValidateNameFunc;
  /** The path of the metadata; `metadata` unless it is nested (pod templates). */
  path?: string;
}

export function validateObjectMeta(meta: ObjectMeta, options: ObjectMetaOptions): FieldError[] {
  const path = options.path ?? 'metadata';
  const errs: FieldError[] = [];
  const generateName = meta.generateName ?? '';
  if (generateName.length !== 0) {
    for (const msg of options.validateName(generateName, true)) {
      errs.push(invalid(childPath(path, 'generateName'), generateName, msg));
    }
  }
  const name = meta.name ?? '';
  if (name.length === 0) {
    errs.push(required(childPath(path, 'name'), 'name or generateName is required'));
  } else {
    for (const msg of options.validateName(name, false))
      errs.push(invalid(childPath(path, 'name'), name, msg));
  }
  const namespace = meta.namespace ?? '';
  if (options.namespaced) {
    if (namespace.length === 0) errs.push(required(childPath(path, 'namespace')));
    else {
      for (const msg of validateNamespaceName(namespace, false)) {
        errs.push(invalid(childPath(path, 'namespace'), namespace, msg));
      }
    }
  } else if (namespace.length !== 0) {
    errs.push(forbidden(childPath(path, 'namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(meta.generation ?? 0, childPath(path, 'generation')));
  errs.push(...validateLabels(meta.labels, childPath(path, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, childPath(path, 'annotations')));
  errs.push(...validateOwnerReferences(meta.ownerReferences, childPath(path, 'ownerReferences')));
  errs.push(...validateFinalizers(meta.finalizers, childPath(path, 'finalizers')));
  errs.push(...validateManagedFields(meta.managedFields, childPath(path, 'managedFields')));
  return errs;
}

export function validateObjectMetaUpdate(next: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    errs.push(
      ...validateNoNewFinalizers(next.finalizers ?? [], old.finalizers ?? [], childPath(path, 'finalizers')),
    );
  }
  const resourceVersion = next.resourceVersion ?? '';
  if (resourceVersion.length === 0) {
    errs.push(
      invalid(childPath(path, 'resourceVersion'), resourceVersion, 'must be specified for an update'),
    );
  }
  if ((next.generation ?? 0) < (old.generation ?? 0)) {
    errs.push(invalid(childPath(path, 'generation'), next.generation ?? 0, 'must not be decremented'));
  }
  errs.push(...validateImmutableField(next.name ?? '', old.name ?? '', childPath(path, 'name')));
  errs.push(
    ...validateImmutableField(next.namespace ?? '', old.namespace ?? '', childPath(path, 'namespace')),
  );
  errs.push(...validateImmutableField(next.uid ?? '', old.uid ?? '', childPath(path, 'uid')));
  errs.push(
    ...validateImmutableField(
      next.creationTimestamp ?? null,
      old.creationTimestamp ?? null,
      childPath(path, 'creationTimestamp'),
    ),
  );
  errs.push(
    ...validateImmutableField(
      next.deletionTimestamp ?? null,
      old.deletionTimestamp ?? null,
      childPath(path, 'deletionTimestamp'),
    ),
  );
  errs.push(
    ...validateImmutableField(
      next.deletionGracePeriodSeconds ?? null,
      old.deletionGracePeriodSeconds ?? null,
      childPath(path, 'deletionGracePeriodSeconds'),
    ),
  );
  errs.push(...validateLabels(next.labels, childPath(path, 'labels')));
  errs.push(...validateAnnotations(next.annotations, childPath(path, 'annotations')));
  errs.push(...validateOwnerReferences(next.ownerReferences, childPath(path, 'ownerReferences')));
  errs.push(...validateManagedFields(next.managedFields, childPath(path, 'managedFields')));
  return errs;
}

/** `field is immutable`, reported with the new value (null for an unset timestamp, as Go's nil). */
export function validateImmutableField(next: unknown, old: unknown, field: string): FieldError[] {
  return deepEqual(next, old) ? [] : [invalid(field, next, fieldImmutableErrorMsg)];
}

export function validateLabelName(labelName: string, field: string): FieldError[] {
  return isQualifiedName(labelName).map((msg) => invalid(field, labelName, msg));
}

/** Keys and values of a label map; both report at the map's path, as Go does. */
export function validateLabels(
  labels: Readonly<Record<string, string>> | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!labels) return errs;
  for (const [key, value] of Object.entries(labels)) {
    errs.push(...validateLabelName(key, field));
    for (const msg of isValidLabelValue(value)) errs.push(invalid(field, value, msg));
  }
  return errs;
}

/** Annotation keys are qualified names ignoring case; keys plus values may total 256 KiB. */
export function validateAnnotations(
  annotations: Readonly<Record<string, string>> | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!annotations) return errs;
  for (const key of Object.keys(annotations)) {
    for (const msg of isQualifiedName(key.toLowerCase())) errs.push(invalid(field, key, msg));
  }
  if (annotationsSize(annotations) > totalAnnotationSizeLimitB)
    errs.push(tooLong(field, totalAnnotationSizeLimitB));
  return errs;
}

export function annotationsSize(annotations: Readonly<Record<string, string>>): number {
  let total = 0;
  for (const [key, value] of Object.entries(annotations)) total += utf8Length(key) + utf8Length(value);
  return total;
}

export const finalizerOrphanDependents = 'orphan';
export const finalizerDeleteDependents = 'foregroundDeletion';

export function validateFinalizers(finalizers: readonly string[] | undefined, field: string): FieldError[] {
  const errs: FieldError[] = [];
  if (!finalizers) return errs;
  for (const finalizer of finalizers) {
    for (const msg of isQualifiedName(finalizer)) errs.push(invalid(field, finalizer, msg));
  }
  if (finalizers.includes(finalizerOrphanDependents) && finalizers.includes(finalizerDeleteDependents)) {
    errs.push(
      invalid(
        field,
        finalizers,
        `finalizer ${finalizerOrphanDependents} and ${finalizerDeleteDependents} cannot be both set`,
      ),
    );
  }
  return errs;
}

/** A deleting object may lose finalizers but not gain any. */
export function validateNoNewFinalizers(
  next: readonly string[],
  old: readonly string[],
  field: string,
): FieldError[] {
  const extra = [...new Set(next.filter((f) => !old.includes(f)))].sort();
  if (extra.length === 0) return [];
  const list = `[]string{${extra.map(goQuote).join(', ')}}`;
  return [
    forbidden(
      field,
      `no new finalizers can be added if the object is being deleted, found new finalizers ${list}`,
    ),
  ];
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
