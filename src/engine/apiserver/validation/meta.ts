/**
 * Core ObjectMeta validation: apimachinery's checks (shared, src/engine/validation) plus the
 * core group's rule that a finalizer without a domain must be one of the standard names.
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { ObjectMeta } from '../../api/types.ts';
import type { ValidateNameFunc } from '../../validation/generic.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.ts';
import { index } from './access.ts';
import { invalid } from './errors.ts';

const standardFinalizers = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function validateKubeFinalizerName(value: string, field: string): FieldError[] {
  if (value.split('/').length === 1 && !standardFinalizers.has(value)) {
    return [invalid(field, value, 'name is neither a standard finalizer name nor is it fully qualified')];
  }
  return [];
}

function finalizerNameErrors(meta: ObjectMeta, path: string): FieldError[] {
  return (meta.finalizers ?? []).flatMap((f, i) =>
    validateKubeFinalizerName(f, index(`${path}.finalizers`, i)),
  );
}

/** core/validation ValidateObjectMeta. */
export function validateMeta(
  meta: ObjectMeta,
  namespaced: boolean,
  validateName: ValidateNameFunc,
  path = 'metadata',
): FieldError[] {
  return [
    ...validateObjectMeta(meta, { namespaced, validateName, path }),
    ...finalizerNameErrors(meta, path),
  ];
}

/** core/validation ValidateObjectMetaUpdate. */
export function validateMetaUpdate(next: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  return [...validateObjectMetaUpdate(next, old, path), ...finalizerNameErrors(next, path)];
}
