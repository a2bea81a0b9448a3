/**
 * JSON patch (RFC 6902) as the API server applies `application/json-patch+json`: the
 * semantics and error texts of gopkg.in/evanphx/json-patch.v4, which Kubernetes vendors.
 * It differs from the RFC (and from fast-json-patch) in ways users can observe: `replace`
 * of a missing object member adds it, `copy` from a missing member copies null, a path
 * without a leading slash addresses the root, and negative array indices count from the end.
 *
 * Failures answer 422 with a generic message; `PatchError.detail` keeps the library's text.
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import { cloneJson, isJsonObject } from './go-values.ts';
import { badRequest, GoError, PatchError, unprocessable } from './patch-error.ts';

/** apiserver's `maxJSONPatchOperations`. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';
const TEST_FAILED = 'test failed';

type Container = JsonObject | JsonValue[];
type Op = JsonObject | null;

/** What a handler that panics answers (k8s.io/apiserver WithPanicRecovery). */
function apiserverPanic(): PatchError {
  return new PatchError(
    'internal',
    500,
    'InternalError',
    'This request caused apiserver to panic. Look in the logs for details.',
    'runtime error: invalid memory address or nil pointer dereference',
  );
}

/**
 * Applies a decoded JSON patch document to a decoded JSON document. Inputs are not modified.
 * Throws PatchError: 400 for a patch that is not a list of operations, 413 for too many
 * operations, 422 when an operation does not apply.
 */
export function applyJsonPatch(doc: JsonValue, patch: JsonValue): JsonValue {
  const ops = decodePatch(patch);
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    const message = `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`;
    throw new PatchError('request', 413, 'RequestEntityTooLarge', message);
  }
  const state = { root: cloneJson(doc) };
  if (!isJsonObject(state.root) && !Array.isArray(state.root)) {
    throw unprocessable(
      `json: cannot unmarshal ${jsonTypeWord(state.root)} into Go value of type jsonpatch.partialDoc`,
    );
  }
  try {
    for (const op of ops) applyOperation(state, op);
  } catch (error) {
    if (error instanceof GoError) throw unprocessable(error.message);
    throw error;
  }
  return state.root;
}

function decodePatch(patch: JsonValue): Op[] {
  if (patch === null) return [];
  if (!Array.isArray(patch)) {
    throw badRequest(`json: cannot unmarshal ${jsonTypeWord(patch)} into Go value of type jsonpatch.Patch`);
  }
  const bad = patch.find((op) => op !== null && !isJsonObject(op));
  if (bad !== undefined) {
    throw badRequest(`json: cannot unmarshal ${jsonTypeWord(bad)} into Go value of type jsonpatch.Operation`);
  }
  return patch as Op[];
}

function jsonTypeWord(value: JsonValue): string {
  if (Array.isArray(value)) return 'array';
  if (value === null) return 'null';
  if (typeof value === 'object') return 'object';
  return typeof value === 'boolean' ? 'bool' : typeof value;
}

function applyOperation(state: { root: JsonValue }, op: Op): void {
  const kind = typeof op?.['op'] === 'string' ? (op['op'] as string) : 'unknown';
  switch (kind) {
    case 'add':
      return add(state.root, op);
    case 'remove':
      return remove(state.root, op);
    case 'replace':
      return replace(state, op);
    case 'move':
      return move(state.root, op);
    case 'test':
      return test(state.root, op);
    case 'copy':
      return copy(state.root, op);
    default:
      throw new GoError(`Unexpected kind: ${kind}`);
  }
}

function stringField(op: Op, field: 'path' | 'from'): string {
  const value = op?.[field];
  if (value === undefined || value === null) {
    throw new GoError(
      field === 'path'
        ? `operation missing path field: ${MISSING}`
        : `operation, missing from field: ${MISSING}`,
    );
  }
  if (typeof value !== 'string') {
    throw new GoError(`json: cannot unmarshal ${jsonTypeWord(value)} into Go value of type string`);
  }
  return value;
}

/** Runs `read`; a failure becomes `prefix` followed by the cause (or by `cause` when given). */
function wrap<T>(read: () => T, prefix: string, cause?: string): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof GoError) throw new GoError(`${prefix}: ${cause ?? error.message}`);
    throw error;
  }
}

/** The op's value; an absent `value` member behaves as null except where Go dereferences it. */
function opValue(op: Op): JsonValue | undefined {
  return op !== null && Object.hasOwn(op, 'value') ? (op['value'] as JsonValue) : undefined;
}

function add(root: JsonValue, op: Op): void {
  const path = wrap(() => stringField(op, 'path'), 'add operation failed to decode path', MISSING);
  const target = findObject(root, path);
  if (!target) throw new GoError(`add operation does not apply: doc is missing path: "${path}": ${MISSING}`);
  wrap(() => containerAdd(target.con, target.key, opValue(op) ?? null), `error in add for path: '${path}'`);
}

function remove(root: JsonValue, op: Op): void {
  const path = wrap(() => stringField(op, 'path'), 'remove operation failed to decode path', MISSING);
  const target = findObject(root, path);
  if (!target)
    throw new GoError(`remove operation does not apply: doc is missing path: "${path}": ${MISSING}`);
  wrap(() => containerRemove(target.con, target.key), `error in remove for path: '${path}'`);
}

function replace(state: { root: JsonValue }, op: Op): void {
  const path = wrap(() => stringField(op, 'path'), 'replace operation failed to decode path');
  if (path === '') {
    const value = opValue(op);
    if (value === undefined) throw apiserverPanic();
    // A scalar value fails to decode into a document, and the library swallows that error.
    if (isJsonObject(value) || Array.isArray(value)) state.root = cloneJson(value);
    return;
  }
  const target = findObject(state.root, path);
  if (!target)
    throw new GoError(`replace operation does not apply: doc is missing path: ${path}: ${MISSING}`);
  wrap(
    () => containerGet(target.con, target.key),
    `replace operation does not apply: doc is missing key: ${path}`,
    MISSING,
  );
  wrap(
    () => containerSet(target.con, target.key, opValue(op) ?? null),
    `error in remove for path: '${path}'`,
  );
}

function move(root: JsonValue, op: Op): void {
  const from = wrap(() => stringField(op, 'from'), 'move operation failed to decode from');
  const source = findObject(root, from);
  if (!source)
    throw new GoError(`move operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
  const value = wrap(() => containerGet(source.con, source.key), `error in move for path: '${source.key}'`);
  wrap(() => containerRemove(source.con, source.key), `error in move for path: '${source.key}'`);
  const path = wrap(() => stringField(op, 'path'), 'move operation failed to decode path');
  const target = findObject(root, path);
  if (!target)
    throw new GoError(`move operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
  wrap(() => containerAdd(target.con, target.key, value ?? null), `error in move for path: '${path}'`);
}

function copy(root: JsonValue, op: Op): void {
  const from = wrap(() => stringField(op, 'from'), 'copy operation failed to decode from');
  const source = findObject(root, from);
  if (!source)
    throw new GoError(`copy operation does not apply: doc is missing from path: ${from}: ${MISSING}`);
  const value = wrap(() => containerGet(source.con, source.key), `error in copy for from: '${from}'`);
  const path = wrap(() => stringField(op, 'path'), 'copy operation failed to decode path', MISSING);
  const target = findObject(root, path);
  if (!target)
    throw new GoError(`copy operation does not apply: doc is missing destination path: ${path}: ${MISSING}`);
  const duplicate = cloneJson(value ?? null);
  wrap(() => containerAdd(target.con, target.key, duplicate), 'error while adding value during copy');
}

function test(root: JsonValue, op: Op): void {
  const path = wrap(() => stringField(op, 'path'), 'test operation failed to decode path');
  const expected = opValue(op);
  const failed = new GoError(`testing value ${path} failed: ${TEST_FAILED}`);
  if (path === '') {
    if (expected === undefined) throw apiserverPanic();
    if (!nodeEqual(root, expected)) throw failed;
    return;
  }
  const target = findObject(root, path);
  if (!target) throw new GoError(`test operation does not apply: is missing path: ${path}: ${MISSING}`);
  const actual = wrap(() => containerGet(target.con, target.key), `error in test for path: '${path}'`);
  if (actual === undefined || actual === null) {
    if (expected === undefined) throw apiserverPanic();
    if (expected !== null) throw failed;
    return;
  }
  if (expected === undefined || !nodeEqual(actual, expected)) throw failed;
}

/**
 * The library's equality: same shape, same members, scalars compared as JSON text. A null
 * list item would crash the library; it equals only another null here.
 */
function nodeEqual(actual: JsonValue, expected: JsonValue): boolean {
  if (isJsonObject(actual)) {
    if (!isJsonObject(expected)) return false;
    const keys = Object.keys(actual);
    if (keys.length !== Object.keys(expected).length) return false;
    return keys.every((key) => Object.hasOwn(expected, key) && membersEqual(actual[key], expected[key]));
  }
  if (Array.isArray(actual)) {
    if (!Array.isArray(expected) || expected.length !== actual.length) return false;
    return actual.every((v, i) => membersEqual(v, expected[i]));
  }
  if (isJsonObject(expected) || Array.isArray(expected)) return false;
  return JSON.stringify(actual) === JSON.stringify(expected);
}

function membersEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === null || b === null || a === undefined || b === undefined) return (a ?? null) === (b ?? null);
  return nodeEqual(a, b);
}

function decodeKey(key: string): string {
  return key.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

function findObject(root: JsonValue, path: string): { con: Container; key: string } | undefined {
  const parts = path.split('/');
  if (parts.length < 2) return undefined;
  let con = root as Container;
  for (const part of parts.slice(1, -1)) {
    let next: JsonValue | undefined;
    try {
      next = containerGet(con, decodeKey(part));
    } catch (error) {
      if (error instanceof GoError) return undefined;
      throw error;
    }
    if (Array.isArray(next) || isJsonObject(next)) con = next;
    else return undefined;
  }
  return { con, key: decodeKey(parts[parts.length - 1] as string) };
}

const INT64_MAX = 9223372036854775807n;

/** `strconv.Atoi`. */
function atoi(text: string): number {
  if (!/^[+-]?[0-9]+$/.test(text))
    throw new GoError(`strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`);
  const big = BigInt(text);
  if (big > INT64_MAX || big < -INT64_MAX - 1n) {
    throw new GoError(`strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range`);
  }
  return Number(big);
}

function invalidIndex(index: number): GoError {
  return new GoError(`Unable to access invalid index: ${index}: ${INVALID_INDEX}`);
}

/** Resolves a negative index against `size`, rejecting those before the start. */
function fromEnd(index: number, size: number): number {
  if (index >= 0) return index;
  if (index < -size) throw invalidIndex(index);
  return index + size;
}

function containerGet(con: Container, key: string): JsonValue | undefined {
  if (!Array.isArray(con)) return con[key];
  const index = atoi(key);
  const resolved = fromEnd(index, con.length);
  if (resolved >= con.length) throw invalidIndex(resolved);
  return con[resolved];
}

function containerSet(con: Container, key: string, value: JsonValue): void {
  if (!Array.isArray(con)) {
    con[key] = value;
    return;
  }
  con[fromEnd(atoi(key), con.length)] = value;
}

function containerAdd(con: Container, key: string, value: JsonValue): void {
  if (!Array.isArray(con)) {
    con[key] = value;
    return;
  }
  if (key === '-') {
    con.push(value);
    return;
  }
  const index = wrap(() => atoi(key), `value was not a proper array index: '${key}'`);
  const size = con.length + 1;
  if (index >= size) throw invalidIndex(index);
  con.splice(fromEnd(index, size), 0, value);
}

function containerRemove(con: Container, key: string): void {
  if (!Array.isArray(con)) {
    if (!Object.hasOwn(con, key)) throw new GoError(`Unable to remove nonexistent key: ${key}: ${MISSING}`);
    delete con[key];
    return;
  }
  const index = atoi(key);
  if (index >= con.length) throw invalidIndex(index);
  con.splice(fromEnd(index, con.length), 1);
}
