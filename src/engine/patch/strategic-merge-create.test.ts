import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../api/types.ts';
import { deepFreeze } from '../store/freeze.ts';
import { deploymentMeta, podMeta } from './patch-meta-fixtures.ts';
import {
  applyStrategicMergePatch,
  createThreeWayMergePatch,
  createTwoWayMergePatch,
  isEmptyPatch,
  PatchError,
  requireKeyUnchanged,
} from './index.ts';

// Expected patches were checked against kubectl v1.34 (apply against a recording API server).

function pod(spec: JsonObject, metadata: JsonObject = {}): JsonObject {
  return deepFreeze({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', ...metadata }, spec });
}

const container = (name: string, extra: JsonObject = {}): JsonObject => ({
  name,
  image: `img-${name}`,
  ...extra,
});
/** A container as the API server stores it, with defaults filled in. */
const liveContainer = (name: string, extra: JsonObject = {}): JsonObject => ({
  ...container(name),
  imagePullPolicy: 'IfNotPresent',
  terminationMessagePath: '/dev/termination-log',
  ...extra,
});

describe('createThreeWayMergePatch', () => {
  it('sends only the changed container, with $setElementOrder, when an image changes', () => {
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1'), container('c2')] }),
      pod({ containers: [container('c1'), container('c2', { image: 'nginx:1.16' })] }),
      pod({ containers: [liveContainer('c1'), liveContainer('c2')], restartPolicy: 'Always' }),
      podMeta,
    );
    expect(patch).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'c1' }, { name: 'c2' }],
        containers: [{ image: 'nginx:1.16', name: 'c2' }],
      },
    });
  });

  it('is empty when the configuration did not change, whatever the server defaulted', () => {
    const config = pod({ containers: [container('c1')] }, { labels: { app: 'a' } });
    const live = pod(
      { containers: [liveContainer('c1')], restartPolicy: 'Always', nodeName: 'n1' },
      { labels: { app: 'a' } },
    );
    const patch = createThreeWayMergePatch(config, config, live, podMeta);
    expect(patch).toEqual({});
    expect(isEmptyPatch(patch)).toBe(true);
  });

  it('deletes a field the user removed from the configuration while the live object still has it', () => {
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1')] }, { labels: { a: '1', b: '2' } }),
      pod({ containers: [container('c1')] }, { labels: { a: '1' } }),
      pod({ containers: [liveContainer('c1')] }, { labels: { a: '1', b: '2' } }),
      podMeta,
    );
    expect(patch).toEqual({ metadata: { labels: { b: null } } });
  });

  it('keeps fields a controller added that the user never set', () => {
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1')] }, { labels: { a: '1' } }),
      pod({ containers: [container('c1')] }, { labels: { a: '1', z: '9' } }),
      pod(
        { containers: [liveContainer('c1')], nodeName: 'n1' },
        { labels: { a: '1', 'pod-template-hash': 'x' } },
      ),
      podMeta,
    );
    expect(patch).toEqual({ metadata: { labels: { z: '9' } } });
  });

  it('deletes a removed container with a delete directive and orders the rest', () => {
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1'), container('c2')] }),
      pod({ containers: [container('c2')] }),
      pod({ containers: [liveContainer('c1'), liveContainer('c2')] }),
      podMeta,
    );
    expect(patch).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'c2' }],
        containers: [{ $patch: 'delete', name: 'c1' }],
      },
    });
  });

  it('combines additions and deletions inside a merged list item', () => {
    const env = (...names: string[]) => names.map((name) => ({ name, value: name.toLowerCase() }));
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1', { env: env('A', 'B') })] }),
      pod({ containers: [container('c1', { env: env('C', 'A') })] }),
      pod({ containers: [liveContainer('c1', { env: env('A', 'B') })] }),
      podMeta,
    );
    expect(patch).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'c1' }],
        containers: [
          {
            '$setElementOrder/env': [{ name: 'C' }, { name: 'A' }],
            env: [
              { name: 'C', value: 'c' },
              { $patch: 'delete', name: 'B' },
            ],
            name: 'c1',
          },
        ],
      },
    });
  });

  it('uses $deleteFromPrimitiveList for a removed finalizer', () => {
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1')] }, { finalizers: ['a', 'b'] }),
      pod({ containers: [container('c1')] }, { finalizers: ['a'] }),
      pod({ containers: [liveContainer('c1')] }, { finalizers: ['a', 'b'] }),
      podMeta,
    );
    expect(patch).toEqual({
      metadata: { '$deleteFromPrimitiveList/finalizers': ['b'], '$setElementOrder/finalizers': ['a'] },
    });
  });

  it('adds a finalizer without touching one another client added', () => {
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1')] }, { finalizers: ['a'] }),
      pod({ containers: [container('c1')] }, { finalizers: ['a', 'b'] }),
      pod({ containers: [liveContainer('c1')] }, { finalizers: ['a', 'x'] }),
      podMeta,
    );
    expect(patch).toEqual({ metadata: { '$setElementOrder/finalizers': ['a', 'b'], finalizers: ['b'] } });
  });

  it('re-sends the order of an unsorted primitive list even when nothing changed, as kubectl does', () => {
    const config = pod({ containers: [container('c1')] }, { finalizers: ['b', 'a'] });
    const patch = createThreeWayMergePatch(config, config, config, podMeta);
    expect(patch).toEqual({ metadata: { '$setElementOrder/finalizers': ['b', 'a'] } });
  });

  it('sends only the new order when containers are reordered', () => {
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1'), container('c2')] }),
      pod({ containers: [container('c2'), container('c1')] }),
      pod({ containers: [liveContainer('c1'), liveContainer('c2')] }),
      podMeta,
    );
    expect(patch).toEqual({ spec: { '$setElementOrder/containers': [{ name: 'c2' }, { name: 'c1' }] } });
  });

  it('replaces a list without a merge strategy whole', () => {
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1')], tolerations: [{ key: 'a', operator: 'Exists' }] }),
      pod({ containers: [container('c1')], tolerations: [{ key: 'b', operator: 'Exists' }] }),
      pod({
        containers: [liveContainer('c1')],
        tolerations: [
          { key: 'a', operator: 'Exists' },
          { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
        ],
      }),
      podMeta,
    );
    expect(patch).toEqual({ spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } });
  });

  it('deletes nothing without a last-applied configuration', () => {
    const patch = createThreeWayMergePatch(
      null,
      pod({ containers: [container('c1', { image: 'q' })] }, { labels: { new: '1' } }),
      pod({ containers: [liveContainer('c1')], nodeSelector: { x: 'y' } }, { labels: { old: '1' } }),
      podMeta,
    );
    expect(patch).toEqual({
      metadata: { labels: { new: '1' } },
      spec: { '$setElementOrder/containers': [{ name: 'c1' }], containers: [{ image: 'q', name: 'c1' }] },
    });
  });

  it('merges ports by their numeric containerPort', () => {
    const ports = (...numbers: number[]) => numbers.map((containerPort) => ({ containerPort }));
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1', { ports: ports(80, 443) })] }),
      pod({ containers: [container('c1', { ports: ports(8080, 80) })] }),
      pod({
        containers: [
          liveContainer('c1', {
            ports: [
              { containerPort: 80, protocol: 'TCP' },
              { containerPort: 443, protocol: 'TCP' },
            ],
          }),
        ],
      }),
      podMeta,
    );
    expect(patch).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'c1' }],
        containers: [
          {
            '$setElementOrder/ports': [{ containerPort: 8080 }, { containerPort: 80 }],
            name: 'c1',
            ports: [{ containerPort: 8080 }, { $patch: 'delete', containerPort: 443 }],
          },
        ],
      },
    });
  });

  it('emits $retainKeys when a retainKeys field changes, clearing what the server defaulted', () => {
    const deployment = (spec: JsonObject): JsonObject =>
      deepFreeze({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'd' },
        spec: {
          selector: { matchLabels: { app: 'a' } },
          template: { metadata: { labels: { app: 'a' } }, spec: { containers: [container('c1')] } },
          ...spec,
        },
      });
    const patch = createThreeWayMergePatch(
      deployment({ replicas: 2 }),
      deployment({ replicas: 3, strategy: { type: 'Recreate' } }),
      deployment({ replicas: 2, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } }),
      deploymentMeta,
    );
    expect(patch).toEqual({ spec: { replicas: 3, strategy: { $retainKeys: ['type'], type: 'Recreate' } } });
    // The server then drops rollingUpdate.
    const live = deployment({
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } },
    });
    const result = applyStrategicMergePatch(live, patch, deploymentMeta);
    expect((result['spec'] as JsonObject)['strategy']).toEqual({ type: 'Recreate' });
  });

  it('removes volumes, mounts and the fields of a volume whose source changed', () => {
    const patch = createThreeWayMergePatch(
      pod({
        containers: [
          container('c1', {
            volumeMounts: [
              { name: 'v', mountPath: '/v' },
              { name: 'w', mountPath: '/w' },
            ],
          }),
        ],
        volumes: [
          { name: 'v', emptyDir: {} },
          { name: 'w', emptyDir: {} },
        ],
      }),
      pod({
        containers: [container('c1', { volumeMounts: [{ name: 'v', mountPath: '/v' }] })],
        volumes: [{ name: 'v', hostPath: { path: '/tmp' } }],
      }),
      pod({
        containers: [
          liveContainer('c1', {
            volumeMounts: [
              { name: 'v', mountPath: '/v' },
              { name: 'w', mountPath: '/w' },
              { name: 'kube-api-access', mountPath: '/var/run/secrets' },
            ],
          }),
        ],
        volumes: [
          { name: 'v', emptyDir: {} },
          { name: 'w', emptyDir: {} },
          { name: 'kube-api-access', projected: {} },
        ],
      }),
      podMeta,
    );
    expect(patch).toEqual({
      spec: {
        '$setElementOrder/containers': [{ name: 'c1' }],
        '$setElementOrder/volumes': [{ name: 'v' }],
        containers: [
          {
            '$setElementOrder/volumeMounts': [{ mountPath: '/v' }],
            name: 'c1',
            volumeMounts: [{ $patch: 'delete', mountPath: '/w' }],
          },
        ],
        volumes: [
          { $retainKeys: ['hostPath', 'name'], emptyDir: null, hostPath: { path: '/tmp' }, name: 'v' },
          { $patch: 'delete', name: 'w' },
        ],
      },
    });
  });

  it('writes keys in sorted order, as the JSON kubectl sends', () => {
    const patch = createThreeWayMergePatch(
      pod({ containers: [container('c1')] }),
      pod({ containers: [container('c1', { image: 'b', args: ['x'] })] }),
      pod({ containers: [liveContainer('c1')] }),
      podMeta,
    );
    expect(JSON.stringify(patch)).toBe(
      '{"spec":{"$setElementOrder/containers":[{"name":"c1"}],"containers":[{"args":["x"],"image":"b","name":"c1"}]}}',
    );
  });

  it('refuses changes to keys changed since the last apply when overwrite is off', () => {
    const original = pod({ containers: [container('c1')] }, { labels: { tier: 'a' } });
    const modified = pod({ containers: [container('c1')] }, { labels: { tier: 'b' } });
    const current = pod({ containers: [liveContainer('c1')] }, { labels: { tier: 'changed-by-someone' } });
    expect(createThreeWayMergePatch(original, modified, current, podMeta, true)).toEqual({
      metadata: { labels: { tier: 'b' } },
    });
    let error: unknown;
    try {
      createThreeWayMergePatch(original, modified, current, podMeta, false);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PatchError);
    expect((error as PatchError).kind).toBe('conflict');
    expect((error as PatchError).message).toBe(
      'patch:\nmetadata:\n  labels:\n    tier: b\n\nconflicts with changes made from original to current:\n' +
        'metadata:\n  labels:\n    tier: changed-by-someone\nspec:\n  containers:\n  - imagePullPolicy: IfNotPresent\n' +
        '    name: c1\n    terminationMessagePath: /dev/termination-log\n\n',
    );
  });

  it('rejects a patch that fails a precondition', () => {
    const original = pod({ containers: [container('c1')] });
    const modified = deepFreeze({ ...original, kind: 'Other' });
    expect(() =>
      createThreeWayMergePatch(original, modified, original, podMeta, true, [requireKeyUnchanged('kind')]),
    ).toThrow('precondition failed for: map[kind:Other]');
  });
});

describe('createTwoWayMergePatch', () => {
  it('produces what kubectl set image sends', () => {
    const before = pod({ containers: [container('c1'), container('c2')] }, { finalizers: ['b', 'a'] });
    const after = pod(
      { containers: [container('c1'), container('c2', { image: 'zzz' })] },
      { finalizers: ['b', 'a'] },
    );
    expect(createTwoWayMergePatch(before, after, podMeta)).toEqual({
      metadata: { '$setElementOrder/finalizers': ['b', 'a'] },
      spec: {
        '$setElementOrder/containers': [{ name: 'c1' }, { name: 'c2' }],
        containers: [{ image: 'zzz', name: 'c2' }],
      },
    });
  });

  it('round-trips: applying the two-way patch to the original yields the modified object', () => {
    const before = pod(
      {
        containers: [container('c1', { env: [{ name: 'A', value: '1' }] }), container('c2')],
        nodeSelector: { a: 'b' },
      },
      { labels: { x: '1', y: '2' } },
    );
    const after = pod(
      {
        containers: [container('c3'), container('c1', { env: [{ name: 'B', value: '2' }] })],
        restartPolicy: 'Never',
      },
      { labels: { x: '1' } },
    );
    const patch = createTwoWayMergePatch(before, after, podMeta);
    expect(applyStrategicMergePatch(before, patch, podMeta)).toEqual(after);
  });
});
