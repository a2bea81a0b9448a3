/**
 * How Go sees decoded JSON. The patch algorithms are ports of Go code that compares
 * `reflect.TypeOf` results, uses `==` on interface values and prints values with `%v`;
 * their output (and their error texts) depends on those semantics, so they live here.
 *
 * Kubernetes decodes JSON numbers into int64 when they are integral and float64 otherwise
 * (k8s.io/apimachinery/pkg/util/json), so an integral JS number counts as an int64.
 */
import type { JsonObject, JsonValue } from '../api/types.ts';

export type GoKind = 'map' | 'slice' | 'string' | 'bool' | 'int64' | 'float64' | 'nil';

export function isJsonObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function goKind(value: JsonValue | undefined): GoKind {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return 'slice';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(value) ? 'int64' : 'float64';
    default:
      return 'map';
  }
}

/** `reflect.TypeOf(a) == reflect.TypeOf(b)`. */
export function goSameType(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  return goKind(a) === goKind(b);
}

/** `reflect.TypeOf(v).String()` as `%s` prints it; a nil interface has no type. */
export function goTypeName(value: JsonValue | undefined): string {
  switch (goKind(value)) {
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'nil':
      return '%!s(<nil>)';
    default:
      return goKind(value);
  }
}

/**
 * Go's `==` on two interface values. Maps and slices are not comparable in Go (the
 * comparison panics); they never compare equal here.
 */
export function goEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const kind = goKind(a);
  if (kind !== goKind(b)) return false;
  if (kind === 'map' || kind === 'slice') return false;
  if (kind === 'nil') return true;
  return a === b;
}

/** `reflect.DeepEqual` on decoded JSON. */
export function goDeepEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  const kind = goKind(a);
  if (kind !== goKind(b)) return false;
  if (kind === 'slice') {
    const left = a as JsonValue[];
    const right = b as JsonValue[];
    return left.length === right.length && left.every((v, i) => goDeepEqual(v, right[i]));
  }
  if (kind === 'map') {
    const left = a as JsonObject;
    const right = b as JsonObject;
    const keys = Object.keys(left);
    if (keys.length !== Object.keys(right).length) return false;
    return keys.every((k) => Object.hasOwn(right, k) && goDeepEqual(left[k], right[k]));
  }
  return kind === 'nil' || a === b;
}

export function cloneJson<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => cloneJson(v)) as T;
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneJson(v);
    return out as T;
  }
  return value;
}

/** A copy with map keys sorted at every level, the order `json.Marshal` writes them in. */
export function sortKeysDeep<T extends JsonValue>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => sortKeysDeep(v)) as T;
  if (isJsonObject(value)) {
    const out: JsonObject = {};
    for (const k of Object.keys(value).sort(byGoStringOrder)) out[k] = sortKeysDeep(value[k] as JsonValue);
    return out as T;
  }
  return value;
}

export function byGoStringOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `fmt.Sprintf("%v", value)`. fmt prints map keys sorted. */
export function goFormatV(value: JsonValue | undefined): string {
  return format(value, 'v');
}

/** `fmt.Sprintf("%s", value)`: non-strings print as `%!s(type=value)`. */
export function goFormatS(value: JsonValue | undefined): string {
  return format(value, 's');
}

function format(value: JsonValue | undefined, verb: 'v' | 's'): string {
  const kind = goKind(value);
  switch (kind) {
    case 'nil':
      return verb === 'v' ? '<nil>' : '%!s(<nil>)';
    case 'string':
      return value as string;
    case 'slice':
      return `[${(value as JsonValue[]).map((v) => format(v, verb)).join(' ')}]`;
    case 'map': {
      const map = value as JsonObject;
      const entries = Object.keys(map)
        .sort(byGoStringOrder)
        .map((k) => `${k}:${format(map[k], verb)}`);
      return `map[${entries.join(' ')}]`;
    }
    default: {
      const text = kind === 'float64' ? formatGoFloat(value as number) : String(value);
      return verb === 'v' ? text : `%!s(${kind}=${text})`;
    }
  }
}

/**
 * A float64 as `%v` prints it: the shortest digits that round-trip, in `%e` form when
 * the exponent is below -4 or at least 6 (strconv's 'g' with precision -1), else `%f`.
 */
export function formatGoFloat(value: number): string {
  const [mantissa = '0', expText = '0'] = Math.abs(value).toExponential().split('e');
  const digits = mantissa.replace('.', '');
  const exp = Number(expText);
  const sign = value < 0 ? '-' : '';
  if (exp < -4 || exp >= 6) {
    const frac = digits.length > 1 ? `.${digits.slice(1)}` : '';
    const expDigits = String(Math.abs(exp)).padStart(2, '0');
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${expDigits}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const frac = digits.slice(exp + 1);
  return `${sign}${whole}${frac ? `.${frac}` : ''}`;
}
