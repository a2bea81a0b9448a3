/**
 * Field errors in the shape of apimachinery's `field.Error`
 * (k8s.io/apimachinery/pkg/util/validation/field/errors.go). Their text is what a user
 * reads after `The Deployment "x" is invalid: `, so `formatFieldError` must match Go's
 * `(*Error).Error()` exactly.
 */

export type FieldErrorType =
  | 'FieldValueNotFound'
  | 'FieldValueRequired'
  | 'FieldValueDuplicate'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueForbidden'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError'
  | 'FieldValueTypeInvalid';

export interface FieldError {
  type: FieldErrorType;
  /** Dotted path with list indices, e.g. `spec.template.spec.containers[0].image`. */
  field: string;
  /** The offending value; omitted for errors that print no value (Required, Forbidden, …). */
  badValue?: unknown;
  detail?: string;
  /** Go prints some values with %#v (maps, structs); set to the pre-rendered text to override. */
  badValueText?: string;
}

/** The `reason` string Kubernetes puts in Status causes for each error type. */
export const fieldErrorReason: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'FieldValueNotFound',
  FieldValueRequired: 'FieldValueRequired',
  FieldValueDuplicate: 'FieldValueDuplicate',
  FieldValueInvalid: 'FieldValueInvalid',
  FieldValueNotSupported: 'FieldValueNotSupported',
  FieldValueForbidden: 'FieldValueForbidden',
  FieldValueTooLong: 'FieldValueTooLong',
  FieldValueTooMany: 'FieldValueTooMany',
  InternalError: 'InternalError',
  FieldValueTypeInvalid: 'FieldValueTypeInvalid',
};

const typeText: Record<FieldErrorType, string> = {
  FieldValueNotFound: 'Not found',
  FieldValueRequired: 'Required value',
  FieldValueDuplicate: 'Duplicate value',
  FieldValueInvalid: 'Invalid value',
  FieldValueNotSupported: 'Unsupported value',
  FieldValueForbidden: 'Forbidden',
  FieldValueTooLong: 'Too long',
  FieldValueTooMany: 'Too many',
  InternalError: 'Internal error',
  FieldValueTypeInvalid: 'Invalid value',
};

/** Go's rendering of a bad value: strings quoted, numbers and bools bare. */
export function renderBadValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return JSON.stringify(value);
}

const typesWithoutValue = new Set<FieldErrorType>([
  'FieldValueRequired',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'FieldValueTooMany',
  'InternalError',
]);

/** `<field>: <type text>[: <value>][: <detail>]`, as field.Error.Error() prints it. */
export function formatFieldError(error: FieldError): string {
  const parts = [`${error.field}: ${typeText[error.type]}`];
  const hasValue = error.badValueText !== undefined || error.badValue !== undefined;
  if (!typesWithoutValue.has(error.type) && hasValue) {
    parts.push(error.badValueText ?? renderBadValue(error.badValue));
  }
  if (error.detail) parts.push(error.detail);
  return parts.join(': ');
}
