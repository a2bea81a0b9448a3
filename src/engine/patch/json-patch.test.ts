import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../api/types.ts';
import { deepFreeze } from '../store/freeze.ts';
import { applyJsonPatch, GENERIC_UNPROCESSABLE, MAX_JSON_PATCH_OPERATIONS, PatchError } from './index.ts';

// Error details were checked against kubectl v1.34 (`kubectl patch --local --type json`),
// which vendors the same json-patch library as the API server.

const configMap = deepFreeze({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cm', labels: { 'app.kubernetes.io/name': 'x' } },
  data: { a: '1' },
});
const pod = deepFreeze({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'p' },
  spec: { containers: [{ name: 'a', image: 'x', args: ['1', '2', '3'] }] },
});

function patch(doc: JsonObject, ops: JsonValue): JsonObject {
  return applyJsonPatch(doc, deepFreeze(ops)) as JsonObject;
}

function args(result: JsonObject): JsonValue {
  const containers = (result['spec'] as JsonObject)['containers'] as JsonObject[];
  return containers[0]?.['args'] ?? null;
}

function failure(doc: JsonObject, ops: JsonValue): PatchError {
  try {
    patch(doc, ops);
  } catch (error) {
    if (error instanceof PatchError) return error;
    throw error;
  }
  throw new Error('expected a PatchError');
}

describe('applyJsonPatch', () => {
  it('adds, replaces, moves, copies and removes members', () => {
    const result = patch(configMap, [
      { op: 'add', path: '/data/b', value: '2' },
      { op: 'replace', path: '/data/a', value: 'one' },
      { op: 'move', from: '/data/b', path: '/data/c' },
      { op: 'copy', from: '/data/c', path: '/data/d' },
      { op: 'remove', path: '/data/a' },
      { op: 'replace', path: '/metadata/labels/app.kubernetes.io~1name', value: 'y' },
    ]);
    expect(result['data']).toEqual({ c: '2', d: '2' });
    expect((result['metadata'] as JsonObject)['labels']).toEqual({ 'app.kubernetes.io/name': 'y' });
    expect(configMap.data).toEqual({ a: '1' });
  });

  it('inserts into lists by index, at the end with "-", and counts negative indices from the end', () => {
    expect(args(patch(pod, [{ op: 'add', path: '/spec/containers/0/args/1', value: 'X' }]))).toEqual([
      '1',
      'X',
      '2',
      '3',
    ]);
    expect(args(patch(pod, [{ op: 'add', path: '/spec/containers/0/args/-', value: 'X' }]))).toEqual([
      '1',
      '2',
      '3',
      'X',
    ]);
    expect(args(patch(pod, [{ op: 'add', path: '/spec/containers/0/args/-1', value: 'X' }]))).toEqual([
      '1',
      '2',
      '3',
      'X',
    ]);
    expect(args(patch(pod, [{ op: 'remove', path: '/spec/containers/0/args/-1' }]))).toEqual(['1', '2']);
  });

  it('lets replace add a missing member and copy a missing member as null, as the library does', () => {
    expect(patch(configMap, [{ op: 'replace', path: '/data/new', value: 'v' }])['data']).toEqual({
      a: '1',
      new: 'v',
    });
    const copied = patch(configMap, [{ op: 'copy', from: '/data/q', path: '/metadata/labels/c' }]);
    expect((copied['metadata'] as JsonObject)['labels']).toEqual({ 'app.kubernetes.io/name': 'x', c: null });
  });

  it('treats a path without a leading slash as a member of the root', () => {
    expect(patch(configMap, [{ op: 'add', path: 'data/zz', value: 'v' }])['zz']).toBe('v');
  });

  it('passes tests that match and stops at one that does not', () => {
    const ok = patch(configMap, [
      { op: 'test', path: '/data/a', value: '1' },
      { op: 'test', path: '/data/missing', value: null },
      { op: 'add', path: '/data/b', value: '2' },
    ]);
    expect(ok['data']).toEqual({ a: '1', b: '2' });
    const error = failure(configMap, [{ op: 'test', path: '/data', value: { a: '1', extra: 'x' } }]);
    expect(error.detail).toBe('testing value /data failed: test failed');
  });

  it('answers a failed operation with the generic 422 and keeps the library error as detail', () => {
    const error = failure(configMap, [{ op: 'remove', path: '/data/zz' }]);
    expect([error.code, error.reason, error.message]).toEqual([422, 'Invalid', GENERIC_UNPROCESSABLE]);
    expect(error.detail).toBe(
      "error in remove for path: '/data/zz': Unable to remove nonexistent key: zz: missing value",
    );
  });

  it.each([
    [
      [{ op: 'add', path: '/metadata/annotations/x', value: 'y' }],
      configMap,
      'add operation does not apply: doc is missing path: "/metadata/annotations/x": missing value',
    ],
    [
      [{ op: 'remove', path: '/spec/zz' }],
      configMap,
      'remove operation does not apply: doc is missing path: "/spec/zz": missing value',
    ],
    [
      [{ op: 'replace', path: '/spec/containers/0/args/7', value: 'v' }],
      pod,
      'replace operation does not apply: doc is missing key: /spec/containers/0/args/7: missing value',
    ],
    [
      [{ op: 'add', path: '/spec/containers/0/args/9', value: 'X' }],
      pod,
      "error in add for path: '/spec/containers/0/args/9': Unable to access invalid index: 9: invalid index referenced",
    ],
    [
      [{ op: 'add', path: '/spec/containers/0/args/x', value: 'X' }],
      pod,
      `error in add for path: '/spec/containers/0/args/x': value was not a proper array index: 'x': strconv.Atoi: parsing "x": invalid syntax`,
    ],
    [
      [{ op: 'remove', path: '/spec/containers/0/args/-' }],
      pod,
      `error in remove for path: '/spec/containers/0/args/-': strconv.Atoi: parsing "-": invalid syntax`,
    ],
    [
      [{ op: 'test', path: '/zz/a', value: '1' }],
      configMap,
      'test operation does not apply: is missing path: /zz/a: missing value',
    ],
    [
      [{ op: 'move', from: '/data/q', path: '/data/b' }],
      configMap,
      "error in move for path: 'q': Unable to remove nonexistent key: q: missing value",
    ],
    [
      [{ op: 'move', from: '/data/a', path: '/nope/b' }],
      configMap,
      'move operation does not apply: doc is missing destination path: /nope/b: missing value',
    ],
    [[{ op: 'frob', path: '/data/a' }], configMap, 'Unexpected kind: frob'],
    [[{ path: '/data/a' }], configMap, 'Unexpected kind: unknown'],
    [[{ op: 'add', value: 1 }], configMap, 'add operation failed to decode path: missing value'],
    [
      [{ op: 'replace', value: 1 }],
      configMap,
      'replace operation failed to decode path: operation missing path field: missing value',
    ],
    [
      [{ op: 'test', path: 5, value: 1 }],
      configMap,
      'test operation failed to decode path: json: cannot unmarshal number into Go value of type string',
    ],
    [
      [{ op: 'add', path: '/data/a/b', value: 'v' }],
      configMap,
      'add operation does not apply: doc is missing path: "/data/a/b": missing value',
    ],
  ] as [JsonValue, JsonObject, string][])('reports %j as the library does', (ops, doc, detail) => {
    expect(failure(doc, ops).detail).toBe(detail);
  });

  it('rejects a document that is not a list of operations with 400', () => {
    const notList = failure(configMap, { op: 'add' });
    expect([notList.code, notList.message]).toEqual([
      400,
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    ]);
    expect(failure(configMap, ['add']).message).toBe(
      'json: cannot unmarshal string into Go value of type jsonpatch.Operation',
    );
  });

  it('limits the number of operations', () => {
    const ops = Array.from({ length: MAX_JSON_PATCH_OPERATIONS + 1 }, () => ({
      op: 'test',
      path: '/data/a',
      value: '1',
    }));
    const error = failure(configMap, ops);
    expect([error.code, error.reason, error.message]).toEqual([
      413,
      'RequestEntityTooLarge',
      'The allowed maximum operations in a JSON patch is 10000, got 10001',
    ]);
  });
});
