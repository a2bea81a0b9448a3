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

/**
 * Go's rendering of a bad value (ErrorBody): strings with %q, numbers and bools bare, anything
 * else as encoding/json output — which sorts map keys and escapes <, > and &. A plain object
 * whose values are all strings is taken to be a Go map[string]string (labels, selectors, data)
 * and printed with sorted keys; other objects keep their field order, like Go structs.
 */
export function renderBadValue(value: unknown): string {
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null || value === undefined) return 'null';
  return goJson(value);
}

function goJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v: unknown) => (isStringMap(v) ? sortedCopy(v) : v)) ?? 'null';
  return text.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function isStringMap(v: unknown): v is Record<string, string> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  return Object.values(v).every((x) => typeof x === 'string');
}

function sortedCopy(map: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(map).sort()) out[key] = map[key] as string;
  return out;
}

const printable = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const shortEscapes: Record<string, string> = {
  '\x07': '\\a',
  '\b': '\\b',
  '\f': '\\f',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\v': '\\v',
  '"': '\\"',
  '\\': '\\\\',
};

/** Go's strconv.Quote (also fmt's %q): printable runes kept, others escaped Go-style. */
export function goQuote(value: string): string {
  let out = '"';
  for (const ch of value) {
    const code = ch.codePointAt(0) ?? 0;
    const short = shortEscapes[ch];
    if (short !== undefined) out += short;
    else if (code === 0x20 || (code > 0x20 && code < 0x7f)) out += ch;
    else if (code < 0x80) out += `\\x${code.toString(16).padStart(2, '0')}`;
    // A lone surrogate cannot come from valid JSON text; Go would hold U+FFFD there.
    else if (code >= 0xd800 && code <= 0xdfff) out += '\ufffd';
    else if (printable.test(ch)) out += ch;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

const typesWithoutValue = new Set<FieldErrorType>([
  'FieldValueRequired',
  'FieldValueForbidden',
  'FieldValueTooLong',
  'InternalError',
]);

/**
 * `<field>: <type text>[: <value>][: <detail>]`, as field.Error.Error() prints it. Required,
 * Forbidden, Too long and Internal error never print a value; the others print it unless it is
 * absent (Go's omitValue, e.g. TooMany with an unknown count).
 */
export function formatFieldError(error: FieldError): string {
  const parts = [`${error.field}: ${typeText[error.type]}`];
  const hasValue = error.badValueText !== undefined || error.badValue !== undefined;
  if (!typesWithoutValue.has(error.type) && hasValue) {
    parts.push(error.badValueText ?? renderBadValue(error.badValue));
  }
  if (error.detail) parts.push(error.detail);
  return parts.join(': ');
}
