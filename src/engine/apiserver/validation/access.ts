/**
 * Typed reads of the untyped JSON objects validation receives. Objects were strictly decoded
 * before validation, so a present field already has the right JSON type; these helpers only
 * turn "absent" into the Go zero value the ported code expects.
 */

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A nested object, or undefined when absent (a Go nil pointer). */
export function objOf(value: unknown): Obj | undefined {
  return isObj(value) ? value : undefined;
}

/** A nested object, or an empty one (a Go struct value). */
export function objOr(value: unknown): Obj {
  return isObj(value) ? value : {};
}

export function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function strOpt(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

export function num(value: unknown): number {
  return typeof value === 'number' ? value : 0;
}

export function numOpt(value: unknown): number | undefined {
  return typeof value === 'number' ? value : undefined;
}

export function bool(value: unknown): boolean {
  return value === true;
}

export function boolOpt(value: unknown): boolean | undefined {
  return typeof value === 'boolean' ? value : undefined;
}

export function arr(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function objArr(value: unknown): Obj[] {
  return arr(value).map(objOr);
}

export function strArr(value: unknown): string[] {
  return arr(value).map(str);
}

/** A map[string]string; absent and null are the empty map. */
export function strMap(value: unknown): Record<string, string> {
  if (!isObj(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) out[k] = str(v);
  return out;
}

export function has(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Deep equality of JSON values, the way apiequality.Semantic.DeepEqual treats decoded objects. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return isEmptyish(a) && isEmptyish(b);
  if (typeof a !== typeof b) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObj(a) && isObj(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!deepEqual(a[k], b[k])) return false;
    return true;
  }
  return false;
}

// An absent field and an explicit null decode to the same Go value.
function isEmptyish(value: unknown): boolean {
  return value === null || value === undefined;
}

/** A deep copy of plain JSON data. */
export function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

/** Path helpers matching field.Path.String(): `a.b[0][key]`. */
export function child(path: string, ...names: string[]): string {
  let out = path;
  for (const name of names) out = out ? `${out}.${name}` : name;
  return out;
}

export function index(path: string, i: number): string {
  return `${path}[${i}]`;
}

export function key(path: string, k: string): string {
  return `${path}[${k}]`;
}
