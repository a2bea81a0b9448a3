import { describe, expect, it } from 'vitest';
import { Cluster, resourceOf } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import { garbageCollectedResources } from './garbagecollector/garbage-collector.ts';
import { SHARED_INFORMERS_CLIENT, startControllerManager } from './index.ts';

function scenario(seed: number): string[] {
  const cluster = new Cluster(defaultParts(), { seed, workers: 1 });
  startControllerManager(cluster);
  const api = cluster.client('test');
  api.create(resourceOf('Namespace'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  cluster.settle();
  const owner = api.create(resourceOf('ConfigMap'), {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'owner', namespace: 'shop' },
  });
  api.create(resourceOf('Secret'), {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: {
      name: 'owned',
      namespace: 'shop',
      ownerReferences: [
        { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid!, controller: true },
      ],
    },
  });
  cluster.settle();
  api.delete(resourceOf('Namespace'), undefined, 'shop');
  cluster.settle();
  return cluster.trace
    .tail()
    .map(
      (r) =>
        `${r.seq} ${r.time} ${r.from}>${r.to} ${r.type} ${r.verb} ${r.object} ${r.summary} ${r.causeSeq}`,
    );
}

describe('startControllerManager', () => {
  it('runs the controllers as components over one list and watch per resource', () => {
    const cluster = new Cluster(defaultParts(), { seed: 1, workers: 1 });
    const manager = startControllerManager(cluster);
    const ids = cluster.components.map((c) => c.id);
    expect(ids.slice(0, 4)).toEqual([
      'controller-manager/garbagecollector',
      'controller-manager/namespace',
      'controller-manager/serviceaccount',
      'controller-manager/root-ca-cert-publisher',
    ]);
    expect(ids).toEqual(
      expect.arrayContaining(['controller-manager/nodelifecycle', 'controller-manager/taint-eviction']),
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(manager.informers.hasSynced()).toBe(true);
    const requests = cluster.trace
      .tail()
      .filter((r) => r.type === 'request' && r.from === SHARED_INFORMERS_CLIENT);
    const lists = requests.filter((r) => r.verb === 'list').map((r) => r.object);
    expect(new Set(lists).size).toBe(lists.length);
    expect(lists).toHaveLength(garbageCollectedResources().length);
    expect(requests.filter((r) => r.verb === 'watch')).toHaveLength(lists.length);
    expect(cluster.settle().settled).toBe(true);
    expect(cluster.faults).toEqual([]);
  });

  it('is deterministic: the same seed and commands give the same trace', () => {
    const first = scenario(11);
    expect(scenario(11)).toEqual(first);
    expect(
      first.some((r) =>
        r.includes('controller-manager/serviceaccount>apiserver request create serviceaccounts/shop'),
      ),
    ).toBe(true);
    expect(
      first.some((r) =>
        r.includes('controller-manager/namespace>apiserver request update namespaces/shop/finalize'),
      ),
    ).toBe(true);
  });
});
