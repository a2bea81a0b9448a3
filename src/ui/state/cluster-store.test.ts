import { beforeEach, describe, expect, it } from 'vitest';
import type { ObjectChange } from '../../engine/index.ts';
import { podKeysOn, useCluster } from './cluster-store.ts';

function pod(name: string, status: string, nodeName?: string): ObjectChange {
  return {
    kind: 'Pod',
    key: `/registry/pods/default/${name}`,
    object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } },
    display: { status, ready: '0/1', restarts: 0, ...(nodeName ? { nodeName } : {}) },
    revision: 1,
  };
}

describe('cluster mirror', () => {
  beforeEach(() => useCluster.getState().reset([]));

  it('keeps objects by key and sorted key lists by kind', () => {
    useCluster.getState().apply([pod('b', 'Pending'), pod('a', 'Pending')]);
    const s = useCluster.getState();
    expect(s.keysByKind['Pod']).toEqual(['/registry/pods/default/a', '/registry/pods/default/b']);
    expect(s.objects['/registry/pods/default/a']?.display.status).toBe('Pending');
  });

  it('leaves the key list untouched when an object only changes, so list subscribers do not re-render', () => {
    useCluster.getState().apply([pod('a', 'Pending')]);
    const before = useCluster.getState();
    useCluster.getState().apply([pod('a', 'Running', 'kubesim-worker')]);
    const after = useCluster.getState();
    expect(after.keysByKind['Pod']).toBe(before.keysByKind['Pod']);
    expect(after.objects['/registry/pods/default/a']?.display.status).toBe('Running');
  });

  it('drops deleted objects and groups pods by node', () => {
    useCluster.getState().apply([pod('a', 'Running', 'n1'), pod('b', 'Pending'), pod('c', 'Running', 'n1')]);
    expect(podKeysOn(useCluster.getState(), 'n1')).toEqual([
      '/registry/pods/default/a',
      '/registry/pods/default/c',
    ]);
    expect(podKeysOn(useCluster.getState(), undefined)).toEqual(['/registry/pods/default/b']);
    useCluster
      .getState()
      .apply([
        { kind: 'Pod', key: '/registry/pods/default/a', object: undefined, display: undefined, revision: 2 },
      ]);
    expect(podKeysOn(useCluster.getState(), 'n1')).toEqual(['/registry/pods/default/c']);
    expect(useCluster.getState().objects['/registry/pods/default/a']).toBeUndefined();
  });

  it("keeps a node's pod list while its pods only change status, and moves a pod when it is bound", () => {
    useCluster.getState().apply([pod('a', 'Pending', 'n1'), pod('b', 'Pending')]);
    const n1 = podKeysOn(useCluster.getState(), 'n1');
    useCluster.getState().apply([pod('a', 'Running', 'n1')]);
    expect(podKeysOn(useCluster.getState(), 'n1')).toBe(n1);
    useCluster.getState().apply([pod('b', 'Pending', 'n1')]);
    expect(podKeysOn(useCluster.getState(), 'n1')).toEqual([
      '/registry/pods/default/a',
      '/registry/pods/default/b',
    ]);
    expect(podKeysOn(useCluster.getState(), undefined)).toEqual([]);
  });
});
