/**
 * How a field error prints its bad value. apimachinery's `ErrorBody` (v1.34) prints
 * int/float/bool with `%v`, a plain Go `string` with `%q`, and everything else through
 * `json.Marshal`: maps with sorted keys, structs in field order, `<`, `>` and `&` escaped.
 * Validation runs on Kubernetes' internal types, so struct values (a Service port, a roleRef,
 * a pod template) print with Go field names; the wrappers below let callers say which shape
 * a value had in Go so the text comes out the same.
 */
import { goQuote } from '../../api/field-errors.ts';

export { goQuote };

/** A Go struct: fields print in the given order, nil pointers as `null`. */
export class GoStruct {
  constructor(readonly fields: readonly (readonly [string, unknown])[]) {}
}

/** A named string type (`core.RestartPolicy`…): Go renders it through JSON, not `%q`. */
export class GoNamedString {
  constructor(readonly value: string) {}
}

/** `field.OmitValueType{}`: the error prints no value at all. */
export const omitValue: unique symbol = Symbol('omitValue');

export function goStruct(...fields: (readonly [string, unknown])[]): GoStruct {
  return new GoStruct(fields);
}

export function named(value: string): GoNamedString {
  return new GoNamedString(value);
}

/** encoding/json's string encoder (HTML-safe, as json.Marshal uses it). */
function jsonString(value: string): string {
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ch = value.charAt(i);
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&' || c === 0x2028 || c === 0x2029) {
      out += `\\u${c.toString(16).padStart(4, '0')}`;
    } else out += ch;
  }
  return `${out}"`;
}

function jsonNumber(value: number): string {
  if (!Number.isFinite(value)) return 'null';
  return String(value);
}

/** json.Marshal of a value: plain objects are Go maps (sorted keys), GoStruct keeps its order. */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (value instanceof GoNamedString) return jsonString(value.value);
  if (value instanceof GoStruct) {
    return `{${value.fields.map(([k, v]) => `${jsonString(k)}:${goJson(v)}`).join(',')}}`;
  }
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'number':
      return jsonNumber(value);
    case 'boolean':
      return String(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
      const keys = Object.keys(value as object)
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .sort();
      return `{${keys.map((k) => `${jsonString(k)}:${goJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
    }
    default:
      return 'null';
  }
}

/** The text ErrorBody prints for a bad value, or undefined when it prints none. */
export function renderGoValue(value: unknown): string | undefined {
  if (value === omitValue) return undefined;
  if (typeof value === 'string') return goQuote(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return String(value);
  return goJson(value);
}
