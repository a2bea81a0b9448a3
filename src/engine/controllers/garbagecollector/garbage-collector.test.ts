import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { isNotFound } from '../../client/api-client.ts';
import { SHARED_INFORMERS_CLIENT, startControllerManager } from '../index.ts';
import { writesFrom } from '../test-support.ts';
import { garbageCollectedResources } from './garbage-collector.ts';

const configMaps = resourceOf('ConfigMap');

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 9, workers: 1 });
  const manager = startControllerManager(cluster);
  cluster.settle();
  const api = cluster.client('test');
  const gc = manager.garbageCollector;
  const create = (name: string, owners: OwnerReference[] = [], extra: Partial<KubeObject['metadata']> = {}) =>
    api.create(configMaps, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name,
        namespace: 'default',
        ...(owners.length ? { ownerReferences: owners } : {}),
        ...extra,
      },
    });
  const exists = (name: string) => {
    try {
      return api.get(configMaps, 'default', name);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  };
  return { cluster, api, gc, create, exists };
}

/** A controller-style reference (`controller: true`), blocking unless told otherwise. */
function ownedBy(owner: KubeObject, blockOwnerDeletion = true, controller = true): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name!,
    uid: owner.metadata.uid!,
    controller,
    blockOwnerDeletion,
  };
}

/** owner ← mid ← leaf */
function chain(s: ReturnType<typeof setup>, block = true) {
  const owner = s.create('owner');
  const mid = s.create('mid', [ownedBy(owner, block)]);
  const leaf = s.create('leaf', [ownedBy(mid, block)]);
  s.cluster.settle();
  return { owner, mid, leaf };
}

/** The order in which objects actually left etcd, as the controller manager's watches report it. */
function removals(cluster: Cluster, since: number): string[] {
  return cluster.trace
    .since(since)
    .filter((r) => r.type === 'watch' && r.verb === 'DELETED' && r.to === SHARED_INFORMERS_CLIENT)
    .map((r) => r.object);
}

describe('garbageCollectedResources', () => {
  it('is every deletable, listable, watchable resource at its preferred version, but events', () => {
    const names = garbageCollectedResources().map((r) => `${r.plural}.${r.group}/${r.version}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'pods./v1',
        'replicasets.apps/v1',
        'namespaces./v1',
        'horizontalpodautoscalers.autoscaling/v2',
      ]),
    );
    expect(names).not.toContain('horizontalpodautoscalers.autoscaling/v1');
    expect(names.filter((n) => n.startsWith('events.'))).toEqual([]);
    expect(names).not.toContain('bindings./v1');
  });
});

describe('GarbageCollector', () => {
  it('collects dependents whose owner is gone (background deletion)', () => {
    const s = setup();
    chain(s);
    const since = s.cluster.trace.lastSeq;
    s.api.delete(configMaps, 'default', 'owner');
    expect(s.cluster.settle().settled).toBe(true);
    expect([s.exists('owner'), s.exists('mid'), s.exists('leaf')]).toEqual([undefined, undefined, undefined]);
    expect(writesFrom(s.cluster.trace, s.gc.id, since)).toEqual([
      'delete configmaps/default/mid',
      'delete configmaps/default/leaf',
    ]);
    expect(removals(s.cluster, since)).toEqual([
      'configmaps/default/owner',
      'configmaps/default/mid',
      'configmaps/default/leaf',
    ]);
    expect(s.cluster.faults).toEqual([]);
  });

  it('deletes the dependents first when the owner is deleted in the foreground', () => {
    const s = setup();
    chain(s);
    const since = s.cluster.trace.lastSeq;
    s.api.delete(configMaps, 'default', 'owner', { propagationPolicy: 'Foreground' });
    s.cluster.advance(1);
    // The owner waits for its blocking dependents, which are deleting in the foreground too.
    expect(s.exists('owner')?.metadata.finalizers).toEqual(['foregroundDeletion']);
    expect(s.exists('mid')?.metadata).toMatchObject({ finalizers: ['foregroundDeletion'] });
    expect(s.exists('mid')?.metadata.deletionTimestamp).toBeDefined();
    expect(s.cluster.settle().settled).toBe(true);
    expect(removals(s.cluster, since)).toEqual([
      'configmaps/default/leaf',
      'configmaps/default/mid',
      'configmaps/default/owner',
    ]);
    const writes = writesFrom(s.cluster.trace, s.gc.id, since);
    expect(writes.filter((w) => w.startsWith('patch'))).toEqual([
      'patch configmaps/default/mid',
      'patch configmaps/default/owner',
    ]);
    expect(writes).toContain('delete configmaps/default/leaf');
  });

  it('removes the owner without waiting for dependents that do not block it', () => {
    const s = setup();
    chain(s, false);
    const since = s.cluster.trace.lastSeq;
    s.api.delete(configMaps, 'default', 'owner', { propagationPolicy: 'Foreground' });
    expect(s.cluster.settle().settled).toBe(true);
    // mid is still deleted in the foreground (its owner was), but blocks nobody either.
    expect(removals(s.cluster, since)).toEqual([
      'configmaps/default/owner',
      'configmaps/default/leaf',
      'configmaps/default/mid',
    ]);
  });

  it('orphans the dependents when the owner is deleted with the orphan policy', () => {
    const s = setup();
    const { owner, mid } = chain(s);
    const since = s.cluster.trace.lastSeq;
    s.api.delete(configMaps, 'default', 'owner', { propagationPolicy: 'Orphan' });
    expect(s.cluster.settle().settled).toBe(true);
    expect(s.exists('owner')).toBeUndefined();
    expect(s.exists('mid')?.metadata.ownerReferences).toBeUndefined();
    expect(s.exists('leaf')?.metadata.ownerReferences).toEqual([ownedBy(mid)]);
    expect(writesFrom(s.cluster.trace, s.gc.id, since)).toEqual([
      'patch configmaps/default/mid',
      'patch configmaps/default/owner',
    ]);
    expect(owner.metadata.uid).toBeDefined();
  });

  it('keeps a dependent while one of its owners exists, dropping the reference to the one that is gone', () => {
    const s = setup();
    const a = s.create('owner-a');
    const b = s.create('owner-b');
    s.create('shared', [ownedBy(a), ownedBy(b, true, false)]);
    s.cluster.settle();
    const since = s.cluster.trace.lastSeq;
    s.api.delete(configMaps, 'default', 'owner-a');
    expect(s.cluster.settle().settled).toBe(true);
    expect(s.exists('shared')?.metadata.ownerReferences).toEqual([ownedBy(b, true, false)]);
    expect(writesFrom(s.cluster.trace, s.gc.id, since)).toEqual(['patch configmaps/default/shared']);

    // Level-triggered: looking again changes nothing.
    const again = s.cluster.trace.lastSeq;
    const uid = s.exists('shared')!.metadata.uid!;
    s.gc.syncAttemptToDelete(uid);
    s.gc.attemptToDelete.add(uid);
    s.cluster.settle();
    expect(writesFrom(s.cluster.trace, s.gc.id, again)).toEqual([]);
    expect(s.exists('shared')).toBeDefined();
  });

  it('checks owners by UID: an object of the same name is not the owner', () => {
    const s = setup();
    const original = s.create('owner');
    s.cluster.settle();
    s.api.delete(configMaps, 'default', 'owner');
    s.create('owner'); // same name, new UID
    s.create('dependent', [ownedBy(original)]);
    expect(s.cluster.settle().settled).toBe(true);
    expect(s.exists('dependent')).toBeUndefined();
    expect(s.exists('owner')?.metadata.uid).not.toBe(original.metadata.uid);
  });

  it('collects an object created with a reference to an owner that never existed', () => {
    const s = setup();
    const since = s.cluster.trace.lastSeq;
    s.create('stray', [
      { apiVersion: 'v1', kind: 'ConfigMap', name: 'ghost', uid: 'd6f1c3a4-0000-4000-8000-000000000000' },
    ]);
    expect(s.cluster.settle().settled).toBe(true);
    expect(s.exists('stray')).toBeUndefined();
    expect(writesFrom(s.cluster.trace, s.gc.id, since)).toEqual(['delete configmaps/default/stray']);
  });

  it('collects the ReplicaSets and Pods of a deleted Deployment', () => {
    const s = setup();
    const labels = { app: 'web' };
    const template = { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] } };
    const deployments = resourceOf('Deployment', 'apps');
    const replicaSets = resourceOf('ReplicaSet', 'apps');
    const pods = resourceOf('Pod');
    const deployment = s.api.create(deployments, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { replicas: 2, selector: { matchLabels: labels }, template },
    });
    const rs = s.api.create(replicaSets, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web-5d4f8', namespace: 'default', labels, ownerReferences: [ownedBy(deployment)] },
      spec: { replicas: 2, selector: { matchLabels: labels }, template },
    });
    for (const name of ['web-5d4f8-abcde', 'web-5d4f8-fghij']) {
      s.api.create(pods, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name, namespace: 'default', labels, ownerReferences: [ownedBy(rs)] },
        spec: template.spec,
      });
    }
    s.cluster.settle();
    const since = s.cluster.trace.lastSeq;
    s.api.delete(deployments, 'default', 'web');
    expect(s.cluster.settle().settled).toBe(true);
    expect(s.api.list(replicaSets, 'default').items).toEqual([]);
    expect(s.api.list(pods, 'default').items).toEqual([]);
    expect(writesFrom(s.cluster.trace, s.gc.id, since)).toEqual([
      'delete replicasets/default/web-5d4f8',
      'delete pods/default/web-5d4f8-abcde',
      'delete pods/default/web-5d4f8-fghij',
    ]);
  });
});
