/**
 * Builders for field errors and field paths, mirroring apimachinery's `field.Invalid`,
 * `field.Required`, `fldPath.Child(…)` and friends, so validation code reads like the Go
 * it reproduces. Paths are plain strings: `spec.containers[0].image`, `metadata.labels[app]`.
 */
import type { FieldError } from '../api/field-errors.ts';
import { goQuote } from '../api/field-errors.ts';

export function childPath(path: string, ...names: string[]): string {
  let out = path;
  for (const name of names) out = out ? `${out}.${name}` : name;
  return out;
}

export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** A map subscript: `metadata.labels[app]` (Go prints the key unquoted). */
export function keyPath(path: string, key: string): string {
  return `${path}[${key}]`;
}

export function invalid(field: string, badValue: unknown, detail: string): FieldError {
  return { type: 'FieldValueInvalid', field, badValue: badValue ?? null, detail };
}

export function required(field: string, detail = ''): FieldError {
  return detail ? { type: 'FieldValueRequired', field, detail } : { type: 'FieldValueRequired', field };
}

export function forbidden(field: string, detail: string): FieldError {
  return { type: 'FieldValueForbidden', field, detail };
}

export function duplicate(field: string, badValue: unknown): FieldError {
  return { type: 'FieldValueDuplicate', field, badValue: badValue ?? null };
}

export function notFound(field: string, badValue: unknown): FieldError {
  return { type: 'FieldValueNotFound', field, badValue: badValue ?? null };
}

/** `Unsupported value: "x": supported values: "a", "b"` */
export function notSupported(field: string, badValue: unknown, validValues: readonly string[]): FieldError {
  const error: FieldError = { type: 'FieldValueNotSupported', field, badValue: badValue ?? null };
  if (validValues.length > 0) error.detail = `supported values: ${validValues.map(goQuote).join(', ')}`;
  return error;
}

/** The value itself is never printed for Too long. */
export function tooLong(field: string, maxLength: number): FieldError {
  return { type: 'FieldValueTooLong', field, detail: `must have at most ${maxLength} bytes` };
}

/** `Too many: 5: must have at most 3 items`; a negative count omits the value. */
export function tooMany(field: string, actualQuantity: number, maxQuantity: number): FieldError {
  const detail = maxQuantity >= 0 ? `must have at most ${maxQuantity} items` : 'has too many items';
  return actualQuantity >= 0
    ? { type: 'FieldValueTooMany', field, badValue: actualQuantity, detail }
    : { type: 'FieldValueTooMany', field, detail };
}

export function internalError(field: string, message: string): FieldError {
  return { type: 'InternalError', field, detail: message };
}
