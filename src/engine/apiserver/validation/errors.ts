/**
 * Constructors mirroring apimachinery's `field.Required`, `field.Invalid`, … so ported
 * validation reads like the Go it comes from. Each sets `badValueText` with Go's rendering
 * (see values.ts) because the shared formatter cannot know the Go type of a value.
 */
import type { FieldError, FieldErrorType } from '../../api/field-errors.ts';
import { goQuote, omitValue, renderGoValue } from './values.ts';

function make(type: FieldErrorType, field: string, value: unknown, detail: string): FieldError {
  const error: FieldError = { type, field };
  if (value !== omitValue && value !== undefined) {
    error.badValue = value;
    const text = renderGoValue(value);
    if (text !== undefined) error.badValueText = text;
  } else if (value === undefined) {
    // A Go nil rendered through JSON.
    error.badValue = null;
    error.badValueText = 'null';
  }
  if (detail) error.detail = detail;
  return error;
}

export function required(field: string, detail = ''): FieldError {
  return make('FieldValueRequired', field, omitValue, detail);
}

export function forbidden(field: string, detail: string): FieldError {
  return make('FieldValueForbidden', field, omitValue, detail);
}

export function invalid(field: string, value: unknown, detail: string): FieldError {
  return make('FieldValueInvalid', field, value, detail);
}

export function duplicate(field: string, value: unknown): FieldError {
  return make('FieldValueDuplicate', field, value, '');
}

export function notFound(field: string, value: unknown): FieldError {
  return make('FieldValueNotFound', field, value, '');
}

/** `supported values: "a", "b"` — valid values are quoted with strconv.Quote, in the order given. */
export function notSupported(field: string, value: unknown, validValues: readonly string[]): FieldError {
  const detail = validValues.length ? `supported values: ${validValues.map(goQuote).join(', ')}` : '';
  return make('FieldValueNotSupported', field, value, detail);
}

export function tooLong(field: string, maxLength: number): FieldError {
  const detail =
    maxLength >= 0
      ? `may not be more than ${maxLength} ${maxLength === 1 ? 'byte' : 'bytes'}`
      : 'value is too long';
  return make('FieldValueTooLong', field, omitValue, detail);
}

export function tooMany(field: string, actual: number, max: number): FieldError {
  const detail = max >= 0 ? `must have at most ${max} ${max === 1 ? 'item' : 'items'}` : 'has too many items';
  return make('FieldValueTooMany', field, actual >= 0 ? actual : omitValue, detail);
}

export function internalError(field: string, detail: string): FieldError {
  return make('InternalError', field, omitValue, detail);
}

export const isNegativeErrorMsg = 'must be greater than or equal to 0';
export const fieldImmutableErrorMsg = 'field is immutable';

/** apimachinery ValidateNonnegativeField. */
export function validateNonnegative(value: number, field: string): FieldError[] {
  return value < 0 ? [invalid(field, value, isNegativeErrorMsg)] : [];
}
