import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../api/types.ts';
import { deepFreeze } from '../store/freeze.ts';
import {
  applyMergePatch,
  createMergePatch,
  createThreeWayJsonMergePatch,
  PatchError,
  requireKeyUnchanged,
  requireMetadataKeyUnchanged,
} from './index.ts';

// Results were checked against kubectl v1.34 (`kubectl patch --local --type merge`, and
// `kubectl apply` of a custom resource against a recording API server).

const configMap = deepFreeze({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name: 'cm', labels: { x: 'y' } },
  data: { a: '1', b: '2' },
});

describe('applyMergePatch', () => {
  it('merges objects, deletes nulls and replaces lists whole (pruning their nulls)', () => {
    const result = applyMergePatch(
      configMap,
      deepFreeze({ data: { a: null, c: '3' }, metadata: { labels: { z: 'w' } } }),
    );
    expect(result).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'cm', labels: { x: 'y', z: 'w' } },
      data: { b: '2', c: '3' },
    });
    const pod = deepFreeze<JsonObject>({ spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b' }] } });
    expect(applyMergePatch(pod, { spec: { containers: [{ name: 'c', args: null }] } })).toEqual({
      spec: { containers: [{ name: 'c' }] },
    });
  });

  it('prunes nulls from values it adds', () => {
    const result = applyMergePatch(configMap, {
      metadata: { annotations: { x: 'y', z: null }, labels: { x: null } },
    });
    expect(result).toEqual({ ...configMap, metadata: { name: 'cm', labels: {}, annotations: { x: 'y' } } });
  });

  it('rejects a null or scalar patch with 400 "Invalid JSON Patch"', () => {
    for (const bad of [null, 5]) {
      let error: unknown;
      try {
        applyMergePatch(configMap, bad);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(PatchError);
      expect([(error as PatchError).code, (error as PatchError).message]).toEqual([
        400,
        'Invalid JSON Patch',
      ]);
    }
  });
});

describe('createMergePatch', () => {
  it('lists changed and added keys, removed keys as null, and changed lists whole', () => {
    expect(
      createMergePatch(
        { a: 1, b: { c: 2, d: 3 }, list: [1, 2], gone: true },
        { a: 2, b: { c: 2 }, list: [1], added: { x: null } },
      ),
    ).toEqual({ a: 2, b: { d: null }, list: [1], gone: null, added: { x: null } });
  });
});

describe('createThreeWayJsonMergePatch', () => {
  const widget = (spec: JsonObject): JsonObject =>
    deepFreeze({ apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' }, spec });

  it('sends changes from the live object and deletions since the last apply, keeping what others added', () => {
    const patch = createThreeWayJsonMergePatch(
      widget({ a: 1, b: { c: 2, d: 3 }, list: [1, 2] }),
      widget({ a: 2, b: { c: 2 }, list: [1] }),
      widget({ a: 1, b: { c: 2, d: 3, e: 'controller' }, list: [1, 2], status: 'x' }),
    );
    expect(patch).toEqual({ spec: { a: 2, b: { d: null }, list: [1] } });
  });

  it('is empty when nothing changed, and sends an explicitly empty map', () => {
    expect(createThreeWayJsonMergePatch(widget({ a: 1 }), widget({ a: 1 }), widget({ a: 1, z: 1 }))).toEqual(
      {},
    );
    expect(createThreeWayJsonMergePatch(widget({ a: 1 }), widget({ a: 1, m: {} }), widget({ a: 1 }))).toEqual(
      {
        spec: { m: {} },
      },
    );
  });

  it('deletes nothing without a last-applied configuration', () => {
    expect(createThreeWayJsonMergePatch(null, widget({ a: 3 }), widget({ a: 1, q: 2 }))).toEqual({
      spec: { a: 3 },
    });
  });

  it('enforces preconditions on the computed patch', () => {
    const preconditions = [requireKeyUnchanged('kind'), requireMetadataKeyUnchanged('name')];
    const renamed = deepFreeze({ ...widget({ a: 1 }), metadata: { name: 'other' } });
    expect(() =>
      createThreeWayJsonMergePatch(widget({ a: 1 }), renamed, widget({ a: 1 }), preconditions),
    ).toThrow('precondition failed for: map[metadata:map[name:other]]');
  });
});
