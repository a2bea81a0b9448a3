import { describe, expect, it } from 'vitest';
import { Cluster, resourceOf } from './cluster.ts';
import { defaultParts } from './default-parts.ts';
import type { WatchEvent } from '../apiserver/http-types.ts';

function cluster(seed = 1) {
  return new Cluster(defaultParts(), { seed });
}

describe('Cluster bootstrap', () => {
  it('has the built-in namespaces, the nodes and the kubernetes service', () => {
    const c = cluster();
    const api = c.client('test');
    expect(api.list(resourceOf('Namespace')).items.map((n) => n.metadata.name)).toEqual([
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
    ]);
    expect(api.list(resourceOf('Node')).items.map((n) => n.metadata.name)).toEqual([
      'kubesim-control-plane',
      'kubesim-worker',
      'kubesim-worker2',
      'kubesim-worker3',
    ]);
    const svc = api.get(resourceOf('Service'), 'default', 'kubernetes');
    expect((svc.spec as { clusterIP: string }).clusterIP).toBe('10.96.0.1');
  });

  it('is deterministic for a seed', () => {
    const uids = (seed: number) =>
      cluster(seed)
        .client('t')
        .list(resourceOf('Node'))
        .items.map((n) => n.metadata.uid);
    expect(uids(5)).toEqual(uids(5));
    expect(uids(5)).not.toEqual(uids(6));
  });
});

describe('API server semantics', () => {
  it('rejects stale resourceVersions with a Conflict', () => {
    const c = cluster();
    const api = c.client('test');
    const cm = api.create(resourceOf('ConfigMap'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'x', namespace: 'default' },
      data: { a: '1' },
    });
    api.update(resourceOf('ConfigMap'), { ...cm, data: { a: '2' } });
    expect(() => api.update(resourceOf('ConfigMap'), { ...cm, data: { a: '3' } })).toThrow(
      'Operation cannot be fulfilled on configmaps "x": the object has been modified; please apply your changes to the latest version and try again',
    );
  });

  it('bumps generation only on spec changes', () => {
    const c = cluster();
    const api = c.client('test');
    const rs = resourceOf('ReplicaSet', 'apps');
    const created = api.create(rs, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'r', namespace: 'default' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'r' } },
        template: {
          metadata: { labels: { app: 'r' } },
          spec: { containers: [{ name: 'c', image: 'nginx' }] },
        },
      },
    });
    expect(created.metadata.generation).toBe(1);
    const labelled = api.update(rs, { ...created, metadata: { ...created.metadata, labels: { a: 'b' } } });
    expect(labelled.metadata.generation).toBe(1);
    const scaled = api.update(rs, { ...labelled, spec: { ...(labelled.spec as object), replicas: 3 } });
    expect(scaled.metadata.generation).toBe(2);
  });

  it('keeps objects with finalizers until the last finalizer is removed', () => {
    const c = cluster();
    const api = c.client('test');
    const cmr = resourceOf('ConfigMap');
    api.create(cmr, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'f', namespace: 'default', finalizers: ['x/y'] },
    });
    api.delete(cmr, 'default', 'f');
    const deleting = api.get(cmr, 'default', 'f');
    expect(deleting.metadata.deletionTimestamp).toBeDefined();
    api.update(cmr, { ...deleting, metadata: { ...deleting.metadata, finalizers: [] } });
    expect(() => api.get(cmr, 'default', 'f')).toThrow('configmaps "f" not found');
  });

  it('delivers watch events after the virtual network latency, in order', () => {
    const c = cluster();
    const api = c.client('test');
    const seen: string[] = [];
    const sink = { onEvent: (e: WatchEvent) => seen.push(`${e.type} ${e.object.metadata.name}`) };
    api.watch(resourceOf('ConfigMap'), 'default', { resourceVersion: String(c.store.revision) }, sink);
    api.create(resourceOf('ConfigMap'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'a', namespace: 'default' },
    });
    api.delete(resourceOf('ConfigMap'), 'default', 'a');
    expect(seen).toEqual([]);
    const result = c.settle();
    expect(result.settled).toBe(true);
    expect(seen).toEqual(['ADDED a', 'DELETED a']);
    const watchRecords = c.trace.tail().filter((r) => r.type === 'watch');
    expect(watchRecords.map((r) => r.verb)).toEqual(['ADDED', 'DELETED']);
    expect(watchRecords[0]!.causeSeq).toBeDefined();
  });

  it('sends a BOOKMARK with the current resourceVersion each minute to watchers that allow them', () => {
    const c = cluster();
    const api = c.client('test');
    const events = (query: Record<string, string>) => {
      const seen: WatchEvent[] = [];
      api.watch(resourceOf('ConfigMap'), 'default', query, { onEvent: (e) => seen.push(e) });
      return seen;
    };
    const from = String(c.store.revision);
    const withBookmarks = events({ resourceVersion: from, allowWatchBookmarks: 'true' });
    const without = events({ resourceVersion: from, allowWatchBookmarks: 'false' });
    // Bookmarks are background work: they do not keep the cluster from settling.
    expect(c.settle().settled).toBe(true);
    c.advance(61_000);
    expect(withBookmarks).toEqual([
      {
        type: 'BOOKMARK',
        object: {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { resourceVersion: String(c.store.revision) },
        },
      },
    ]);
    expect(without).toEqual([]);
  });

  it('answers a watch from a compacted revision with 410 Expired', () => {
    const c = cluster();
    const api = c.client('test');
    c.store.compact(c.store.revision);
    const seen: unknown[] = [];
    api.watch(
      resourceOf('ConfigMap'),
      'default',
      { resourceVersion: '1' },
      { onEvent: (e) => seen.push(e.object) },
    );
    c.settle();
    expect(seen).toMatchObject([{ kind: 'Status', code: 410, reason: 'Expired' }]);
  });

  it('binds a pod to a node once, through pods/binding', () => {
    const c = cluster();
    const api = c.client('scheduler');
    api.create(resourceOf('ServiceAccount'), {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: 'default' },
    });
    api.create(resourceOf('Pod'), {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', namespace: 'default' },
      spec: { containers: [{ name: 'c', image: 'nginx' }] },
    });
    const bind = (node: string) =>
      api.request({
        method: 'POST',
        path: '/api/v1/namespaces/default/pods/p/binding',
        body: {
          apiVersion: 'v1',
          kind: 'Binding',
          metadata: { name: 'p' },
          target: { apiVersion: 'v1', kind: 'Node', name: node },
        },
      });
    expect(bind('kubesim-worker').status).toBe(201);
    const pod = api.get(resourceOf('Pod'), 'default', 'p');
    expect((pod.spec as { nodeName: string }).nodeName).toBe('kubesim-worker');
    expect((pod.status as { conditions: { type: string; status: string }[] }).conditions).toContainEqual(
      expect.objectContaining({ type: 'PodScheduled', status: 'True' }),
    );
    const again = bind('kubesim-worker2');
    expect(again.status).toBe(409);
    expect((again.body as { message: string }).message).toBe(
      'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "kubesim-worker"',
    );
  });
});
