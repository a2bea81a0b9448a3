import { describe, expect, it } from 'vitest';
import type { JsonObject, JsonValue } from '../api/types.ts';
import { deepFreeze } from '../store/freeze.ts';
import { deploymentMeta, podMeta } from './patch-meta-fixtures.ts';
import { applyStrategicMergePatch, PatchError } from './index.ts';

// Expected results were checked against kubectl v1.34 (`kubectl patch --local --type strategic`),
// which runs the same merge as the API server.

const container = (name: string, extra: JsonObject = {}): JsonObject => ({
  name,
  image: `img-${name}`,
  ...extra,
});

function pod(spec: JsonObject, metadata: JsonObject = {}): JsonObject {
  return deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec });
}

function apply(original: JsonObject, patch: JsonValue): JsonObject {
  return applyStrategicMergePatch(original, deepFreeze(patch), podMeta);
}

const spec = (object: JsonObject): JsonObject => object['spec'] as JsonObject;
const names = (object: JsonObject): JsonValue[] =>
  (spec(object)['containers'] as JsonObject[]).map((c) => c['name'] as JsonValue);

function failure(run: () => unknown): PatchError {
  try {
    run();
  } catch (error) {
    if (error instanceof PatchError) return error;
    throw error;
  }
  throw new Error('expected a PatchError');
}

describe('applyStrategicMergePatch: lists with the merge strategy', () => {
  it('merges items by merge key, changing only the fields the patch sets', () => {
    const result = apply(pod({ containers: [container('c1'), container('c2', { args: ['x'] })] }), {
      spec: { containers: [{ name: 'c2', image: 'new' }] },
    });
    expect(spec(result)['containers']).toEqual([container('c1'), { name: 'c2', image: 'new', args: ['x'] }]);
  });

  it('puts items the live list lacks before the existing ones when no order is given', () => {
    const result = apply(
      pod({ containers: [container('c1'), container('c2')] }, { finalizers: ['a', 'b'] }),
      {
        spec: { containers: [container('c3')] },
        metadata: { finalizers: ['c'] },
      },
    );
    expect(names(result)).toEqual(['c3', 'c1', 'c2']);
    expect((result['metadata'] as JsonObject)['finalizers']).toEqual(['c', 'a', 'b']);
  });

  it('merges an item listed twice into one', () => {
    const result = apply(pod({ containers: [container('c1')] }), {
      spec: { containers: [container('c2'), { name: 'c2', imagePullPolicy: 'Always' }] },
    });
    expect(spec(result)['containers']).toEqual([
      container('c2', { imagePullPolicy: 'Always' }),
      container('c1'),
    ]);
  });

  it('deletes an item with $patch: delete, and ignores one that does not exist', () => {
    const original = pod({ containers: [container('c1'), container('c2'), container('c3')] });
    expect(names(apply(original, { spec: { containers: [{ name: 'c2', $patch: 'delete' }] } }))).toEqual([
      'c1',
      'c3',
    ]);
    expect(names(apply(original, { spec: { containers: [{ name: 'zz', $patch: 'delete' }] } }))).toEqual([
      'c1',
      'c2',
      'c3',
    ]);
  });

  it('replaces the whole list with $patch: replace', () => {
    const result = apply(pod({ containers: [container('c1'), container('c2')] }), {
      spec: { containers: [container('c9'), { $patch: 'replace' }] },
    });
    expect(spec(result)['containers']).toEqual([container('c9')]);
  });

  it('merges by a numeric merge key', () => {
    const ports: JsonObject[] = [{ containerPort: 80, name: 'http' }, { containerPort: 443 }];
    const result = apply(pod({ containers: [container('c1', { ports })] }), {
      spec: {
        containers: [{ name: 'c1', ports: [{ containerPort: 8080 }, { containerPort: 80, name: 'web' }] }],
      },
    });
    expect((spec(result)['containers'] as JsonObject[])[0]?.['ports']).toEqual([
      { containerPort: 8080 },
      { containerPort: 80, name: 'web' },
      { containerPort: 443 },
    ]);
  });

  it('keeps nulls in an added list item but drops them from an added field', () => {
    // Decoding into the typed object later treats the remaining null as unset.
    const result = apply(pod({ containers: [container('c1')] }), {
      spec: {
        containers: [{ name: 'c9', image: 'i', imagePullPolicy: null }],
        securityContext: { runAsUser: null, fsGroup: 2 },
      },
    });
    expect(spec(result)['containers']).toEqual([
      { name: 'c9', image: 'i', imagePullPolicy: null },
      container('c1'),
    ]);
    expect(spec(result)['securityContext']).toEqual({ fsGroup: 2 });
  });
});

describe('applyStrategicMergePatch: $setElementOrder', () => {
  it('orders patched items by the directive and keeps server-only items by their live neighbours', () => {
    const result = apply(pod({ containers: [container('c1'), container('c2'), container('c3')] }), {
      spec: {
        '$setElementOrder/containers': [{ name: 'c3' }, { name: 'c1' }],
        containers: [{ name: 'c1', image: 'n' }],
      },
    });
    expect(names(result)).toEqual(['c2', 'c3', 'c1']);
  });

  it('places a server-only item where Go does when items are deleted and added together', () => {
    // Go deletes from and appends to the live list in place; the order follows what that list then holds.
    const result = apply(
      pod({ containers: [container('c1', { image: 'a' }), container('c4', { image: 'c' })] }),
      {
        spec: {
          '$setElementOrder/containers': [{ name: 'c2' }, { name: 'c3' }],
          containers: [container('c2'), container('c3'), { name: 'c1', $patch: 'delete' }],
        },
      },
    );
    expect(names(result)).toEqual(['c4', 'c2', 'c3']);
  });

  it('handles several deletions and an addition around server-only items', () => {
    const result = apply(
      pod({ containers: [container('a'), container('b'), container('x'), container('y')] }),
      {
        spec: {
          '$setElementOrder/containers': [{ name: 'n' }, { name: 'b' }],
          containers: [container('n'), { name: 'a', $patch: 'delete' }, { name: 'x', $patch: 'delete' }],
        },
      },
    );
    expect(names(result)).toEqual(['y', 'n', 'b']);
  });

  it('orders a primitive list and deletes from it with $deleteFromPrimitiveList', () => {
    const result = apply(pod({ containers: [container('c1')] }, { finalizers: ['a', 'b', 'c'] }), {
      metadata: { '$setElementOrder/finalizers': ['c', 'a'], '$deleteFromPrimitiveList/finalizers': ['b'] },
    });
    expect((result['metadata'] as JsonObject)['finalizers']).toEqual(['c', 'a']);
    const added = apply(pod({ containers: [container('c1')] }, { finalizers: ['a', 'b'] }), {
      metadata: { '$setElementOrder/finalizers': ['a', 'x', 'b'], finalizers: ['x'] },
    });
    expect((added['metadata'] as JsonObject)['finalizers']).toEqual(['a', 'x', 'b']);
  });

  it('orders nested lists inside merged items', () => {
    const env = [
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
      { name: 'C', value: '3' },
    ];
    const result = apply(pod({ containers: [container('c1', { env })] }), {
      spec: {
        '$setElementOrder/containers': [{ name: 'c1' }],
        containers: [
          {
            name: 'c1',
            '$setElementOrder/env': [{ name: 'C' }, { name: 'A' }],
            env: [{ name: 'B', $patch: 'delete' }],
          },
        ],
      },
    });
    expect((spec(result)['containers'] as JsonObject[])[0]?.['env']).toEqual([
      { name: 'C', value: '3' },
      { name: 'A', value: '1' },
    ]);
  });
});

describe('applyStrategicMergePatch: maps and other fields', () => {
  it('deletes a field set to null', () => {
    const result = apply(pod({ containers: [container('c1')], nodeSelector: { a: 'b' } }), {
      spec: { nodeSelector: null },
    });
    expect(spec(result)).toEqual({ containers: [container('c1')] });
  });

  it('replaces a list without a merge strategy', () => {
    const result = apply(pod({ containers: [container('c1')], tolerations: [{ key: 'a' }, { key: 'b' }] }), {
      spec: { tolerations: [{ key: 'z', operator: 'Exists' }] },
    });
    expect(spec(result)['tolerations']).toEqual([{ key: 'z', operator: 'Exists' }]);
  });

  it('replaces a map with $patch: replace and empties it with $patch: delete', () => {
    const original = pod(
      { containers: [container('c1')], nodeSelector: { a: '1', b: '2' } },
      { labels: { a: 'b' } },
    );
    expect(
      spec(apply(original, { spec: { nodeSelector: { $patch: 'replace', c: '3' } } }))['nodeSelector'],
    ).toEqual({ c: '3' });
    const emptied = apply(original, { metadata: { labels: { $patch: 'delete' } } });
    expect((emptied['metadata'] as JsonObject)['labels']).toEqual({});
  });

  it('drops a new map that carries a directive', () => {
    const result = apply(pod({ containers: [container('c1')] }), {
      spec: { nodeSelector: { $patch: 'replace', a: 'b' } },
    });
    expect(spec(result)).toEqual({ containers: [container('c1')] });
  });

  it('clears the fields a $retainKeys directive does not list', () => {
    const result = apply(pod({ containers: [container('c1')], volumes: [{ name: 'v', emptyDir: {} }] }), {
      spec: { volumes: [{ name: 'v', hostPath: { path: '/x' }, $retainKeys: ['hostPath', 'name'] }] },
    });
    expect(spec(result)['volumes']).toEqual([{ name: 'v', hostPath: { path: '/x' } }]);
    const deployment = deepFreeze({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'd' },
      spec: { replicas: 1, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } },
    });
    const switched = applyStrategicMergePatch(
      deployment,
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      deploymentMeta,
    );
    expect(spec(switched)).toEqual({ replicas: 1, strategy: { type: 'Recreate' } });
  });

  it('does not modify its inputs', () => {
    const original = pod({ containers: [container('c1')] });
    const patch = deepFreeze({ spec: { containers: [{ name: 'c1', $patch: 'delete' }] } });
    const result = applyStrategicMergePatch(original, patch, podMeta);
    expect(spec(result)['containers']).toEqual([]);
    expect(spec(original)['containers']).toEqual([container('c1')]);
  });
});

describe('applyStrategicMergePatch: errors as the API server reports them', () => {
  const original = pod({ containers: [container('c1')], volumes: [{ name: 'v', emptyDir: {} }] });

  it('answers 400 for a $retainKeys list missing a patched field', () => {
    const error = failure(() =>
      apply(original, {
        spec: { volumes: [{ name: 'v', hostPath: { path: '/x' }, $retainKeys: ['name'] }] },
      }),
    );
    expect([error.code, error.reason, error.message]).toEqual([
      400,
      'BadRequest',
      'invalid patch format of retainKeys',
    ]);
  });

  it('answers 400 for a malformed parallel-list key', () => {
    const error = failure(() => apply(original, { metadata: { $deleteFromPrimitiveListfinalizers: ['a'] } }));
    expect([error.code, error.message]).toEqual([400, 'invalid patch format of primitive list']);
  });

  it('answers 500 with the Go error text for an unknown directive or a missing merge key', () => {
    const unknown = failure(() => apply(original, { spec: { containers: [{ name: 'c1', $patch: 'foo' }] } }));
    expect([unknown.code, unknown.reason, unknown.message]).toEqual([
      500,
      '',
      'unknown patch type: foo in map: map[$patch:foo name:c1]',
    ]);
    const noKey = failure(() => apply(original, { spec: { containers: [{ image: 'x' }] } }));
    expect(noKey.message).toBe('map: map[image:x] does not contain declared merge key: name');
    const merge = failure(() => apply(original, { spec: { containers: [{ name: 'c1', $patch: 'merge' }] } }));
    expect(merge.message).toBe('merging lists cannot yet be specified in the patch');
  });

  it('reports a patch list out of the $setElementOrder order', () => {
    const error = failure(() =>
      apply(pod({ containers: [container('c1'), container('c2')] }), {
        spec: {
          '$setElementOrder/containers': [{ name: 'c1' }, { name: 'c2' }],
          containers: [
            { name: 'c2', image: 'q' },
            { name: 'c1', image: 'r' },
          ],
        },
      }),
    );
    expect(error.message).toBe(
      "The order in patch list:\n[map[image:q name:c2] map[image:r name:c1]]\n doesn't match $setElementOrder list:\n[map[name:c1] map[name:c2]]\n",
    );
  });

  it('answers 422 for a list of lists in a merged list', () => {
    const error = failure(() =>
      apply(pod({ containers: [container('c1')] }, { finalizers: [] }), {
        metadata: { finalizers: [['x']] },
      }),
    );
    expect([error.code, error.reason, error.detail]).toEqual([
      422,
      'Invalid',
      'lists of lists are not supported',
    ]);
  });

  it('rejects a patch body that is not an object', () => {
    const error = failure(() => apply(original, ['x']));
    expect([error.code, error.message]).toEqual([
      400,
      'json: cannot unmarshal array into Go value of type map[string]interface {}',
    ]);
  });
});
