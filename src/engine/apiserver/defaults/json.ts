/**
 * Small helpers for walking and filling untyped JSON objects the way Go's defaulters fill
 * typed structs. A Go zero value ("" for strings, 0 for ints, nil for pointers) is what a
 * defaulter replaces; in JSON a missing key or an explicit null stands for it.
 */

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A deep copy of a JSON value, so defaulting never touches the (possibly frozen) input. */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v: unknown) => cloneJson(v)) as T;
  if (isObj(value)) {
    const out: Obj = {};
    for (const [k, v] of Object.entries(value)) out[k] = cloneJson(v);
    return out as T;
  }
  return value;
}

export function isUnset(value: unknown): boolean {
  return value === undefined || value === null;
}

/** The child object at `key`, if there is one. */
export function child(parent: Obj, key: string): Obj | undefined {
  const value = parent[key];
  return isObj(value) ? value : undefined;
}

/** The child object at `key`, created empty when missing (a Go struct that always exists). */
export function ensureChild(parent: Obj, key: string): Obj {
  const value = parent[key];
  if (isObj(value)) return value;
  const created: Obj = {};
  parent[key] = created;
  return created;
}

/** The object elements of the list at `key`; other elements are left alone. */
export function children(parent: Obj, key: string): Obj[] {
  const value = parent[key];
  return Array.isArray(value) ? value.filter(isObj) : [];
}

/** Defaults a pointer field: set when missing or null. */
export function defaultPointer(target: Obj, key: string, value: unknown): void {
  if (isUnset(target[key])) target[key] = value;
}

/** Defaults a string field: set when missing, null or empty. */
export function defaultString(target: Obj, key: string, value: string): void {
  const current = target[key];
  if (isUnset(current) || current === '') target[key] = value;
}

/** Defaults a non-pointer number field: set when missing, null or zero. */
export function defaultNonZero(target: Obj, key: string, value: number): void {
  const current = target[key];
  if (isUnset(current) || current === 0) target[key] = value;
}

export function stringAt(parent: Obj, key: string): string | undefined {
  const value = parent[key];
  return typeof value === 'string' ? value : undefined;
}

/** True for a map that Go would omit (`omitempty` on an empty or missing map). */
export function isEmptyMap(value: unknown): boolean {
  return !isObj(value) || Object.keys(value).length === 0;
}
