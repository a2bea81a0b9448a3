import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { Cluster, resourceOf } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import { parseSelector } from '../labels/index.ts';
import { ownerUidIndex } from './indexer.ts';
import { SharedInformer, type ResourceEventHandler } from './informer.ts';
import { SharedInformerFactory } from './informer-factory.ts';

const cm = resourceOf('ConfigMap');

function configMap(name: string, namespace = 'default', labels?: Record<string, string>): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name, namespace, ...(labels ? { labels } : {}) },
    data: { v: '1' },
  };
}

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 3, workers: 0 });
  const api = cluster.client('test');
  const informer = new SharedInformer(cluster, cluster.client('test-informer'), cm);
  const events: string[] = [];
  const handler: ResourceEventHandler = {
    onAdd: (o, initial) => events.push(`add ${o.metadata.name}${initial ? ' (initial)' : ''}`),
    onUpdate: (old, o) =>
      events.push(`update ${o.metadata.name} ${old.metadata.resourceVersion}->${o.metadata.resourceVersion}`),
    onDelete: (o) => events.push(`delete ${o.metadata.name}`),
  };
  return { cluster, api, informer, events, handler };
}

describe('SharedInformer', () => {
  it('lists, then follows the watch from the list resourceVersion', () => {
    const { cluster, api, informer, events, handler } = setup();
    api.create(cm, configMap('a'));
    api.create(cm, configMap('b', 'kube-public'));
    informer.addEventHandler(handler);
    expect(informer.hasSynced()).toBe(false);
    informer.run();
    expect(informer.hasSynced()).toBe(true);
    expect(events).toEqual(['add a (initial)', 'add b (initial)']);
    const listVersion = informer.lastSyncResourceVersion();
    expect(listVersion).toBe(String(cluster.store.revision));

    const a = api.get(cm, 'default', 'a');
    const updated = api.update(cm, { ...a, data: { v: '2' } });
    api.create(cm, configMap('c'));
    api.delete(cm, 'kube-public', 'b');
    expect(events).toHaveLength(2); // watch events travel through the event loop
    cluster.settle();
    expect(events.slice(2)).toEqual([
      `update a ${a.metadata.resourceVersion}->${updated.metadata.resourceVersion}`,
      'add c',
      'delete b',
    ]);
    expect(informer.indexer.listKeys()).toEqual(['default/a', 'default/c']);
    expect(informer.lister().get('default', 'a')?.data).toEqual({ v: '2' });
    expect(informer.lastSyncResourceVersion()).toBe(String(cluster.store.revision));

    const requests = cluster.trace.tail().filter((r) => r.from === 'test-informer' && r.type === 'request');
    expect(requests.map((r) => r.summary)).toEqual([
      'GET /api/v1/configmaps?resourceVersion=0',
      `GET /api/v1/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion=${listVersion}`,
    ]);
  });

  it('runs handlers inside the watch delivery record, so their work is caused by it', () => {
    const { cluster, api, informer } = setup();
    const causes: (number | undefined)[] = [];
    informer.addEventHandler({ onAdd: () => causes.push(cluster.trace.currentCause()) });
    informer.run();
    api.create(cm, configMap('x'));
    cluster.settle();
    const delivery = cluster.trace.tail().find((r) => r.type === 'watch' && r.to === 'test-informer');
    expect(delivery?.verb).toBe('ADDED');
    expect(causes).toEqual([delivery!.seq]);
  });

  it('caches the API server objects frozen, so they cannot be changed by accident', () => {
    const { cluster, api, informer } = setup();
    api.create(cm, configMap('f'));
    informer.run();
    api.create(cm, configMap('g'));
    cluster.settle();
    for (const name of ['f', 'g']) {
      const cached = informer.lister().get('default', name)!;
      expect(Object.isFrozen(cached)).toBe(true);
      expect(Object.isFrozen(cached.metadata)).toBe(true);
      expect(() => {
        (cached.data as Record<string, string>).v = 'changed';
      }).toThrow(TypeError);
    }
  });

  it('relists after a watch from a compacted resourceVersion fails, telling handlers what it missed', () => {
    const { cluster, api, informer, events, handler } = setup();
    api.create(cm, configMap('keep'));
    api.create(cm, configMap('change'));
    api.create(cm, configMap('remove'));
    informer.addEventHandler(handler);
    informer.run();
    cluster.settle();
    events.length = 0;
    const before = informer.lastSyncResourceVersion();

    // Changes whose watch events are still in flight when the connection drops…
    const change = api.get(cm, 'default', 'change');
    api.update(cm, { ...change, data: { v: 'new' } });
    api.delete(cm, 'default', 'remove');
    api.create(cm, configMap('added'));
    // …and a compaction that makes the last seen resourceVersion too old to watch from.
    cluster.store.compact(cluster.store.revision);
    informer.restartWatch();
    cluster.settle();

    expect(events).toEqual([
      'add added',
      `update change ${change.metadata.resourceVersion}->${api.get(cm, 'default', 'change').metadata.resourceVersion}`,
      'delete remove',
    ]);
    expect(informer.indexer.listKeys()).toEqual(['default/added', 'default/change', 'default/keep']);
    const traffic = cluster.trace
      .tail()
      .filter(
        (r) =>
          (r.from === 'test-informer' && r.type === 'request') ||
          (r.to === 'test-informer' && r.type === 'watch'),
      )
      .map((r) => `${r.type} ${r.verb}`);
    expect(traffic.slice(-4)).toEqual(['request watch', 'watch ERROR', 'request list', 'request watch']);
    const relist = cluster.trace
      .tail()
      .filter((r) => r.from === 'test-informer' && r.verb === 'list')
      .at(-1);
    expect(relist?.summary).toBe(`GET /api/v1/configmaps?resourceVersion=${before}`);

    // The new watch works: later changes arrive as usual.
    api.create(cm, configMap('after'));
    cluster.settle();
    expect(events.at(-1)).toBe('add after');
  });

  it('gives a handler added after the start an add for every cached object', () => {
    const { cluster, api, informer } = setup();
    api.create(cm, configMap('one'));
    informer.run();
    api.create(cm, configMap('two'));
    cluster.settle();
    const seen: string[] = [];
    const registration = informer.addEventHandler({
      onAdd: (o, initial) => seen.push(`${o.metadata.name} ${initial}`),
    });
    expect(seen).toEqual(['one true', 'two true']);
    expect(registration.hasSynced()).toBe(true);
    registration.remove();
    api.create(cm, configMap('three'));
    cluster.settle();
    expect(seen).toHaveLength(2);
  });

  it('resyncs on a period without keeping the cluster from settling', () => {
    const { cluster, api, informer } = setup();
    api.create(cm, configMap('r'));
    const resyncs: string[] = [];
    informer.addEventHandler({ onUpdate: (old, o) => old === o && resyncs.push(o.metadata.name!) }, 60_000);
    informer.run();
    const settled = cluster.settle();
    expect(settled).toEqual({ settled: true, elapsedMs: 0, busy: [] });
    cluster.advance(60_000);
    expect(resyncs).toEqual(['r']);
    cluster.advance(120_000);
    expect(resyncs).toEqual(['r', 'r', 'r']);
  });

  it('watches one namespace when asked, with label-selected listing and extra indexes', () => {
    const { cluster, api } = setup();
    const informer = new SharedInformer(cluster, cluster.client('ns-informer'), cm, {
      namespace: 'kube-system',
      indexers: { owner: ownerUidIndex },
    });
    api.create(cm, configMap('elsewhere', 'default', { app: 'web' }));
    api.create(cm, configMap('web', 'kube-system', { app: 'web' }));
    api.create(cm, configMap('db', 'kube-system', { app: 'db' }));
    informer.run();
    api.create(cm, configMap('late', 'default', { app: 'web' }));
    cluster.settle();
    const selector = parseSelector('app=web');
    if (!selector.ok) throw new Error(selector.error);
    expect(
      informer
        .lister()
        .list()
        .map((o) => o.metadata.name),
    ).toEqual(['db', 'web']);
    expect(
      informer
        .lister()
        .list('kube-system', selector.value)
        .map((o) => o.metadata.name),
    ).toEqual(['web']);
    expect(informer.lister().list('default')).toEqual([]);
    expect(informer.lister().byIndex('owner', 'nobody')).toEqual([]);
  });
});

describe('SharedInformerFactory', () => {
  it('shares one informer, and one list and watch, per resource between its users', () => {
    const cluster = new Cluster(defaultParts(), { seed: 4, workers: 0 });
    const factory = new SharedInformerFactory(cluster, cluster.client('shared'));
    const first = factory.informerFor(cm);
    const second = factory.informerFor(cm, { indexers: { owner: ownerUidIndex } });
    expect(second).toBe(first);
    expect(first.indexer.hasIndex('owner')).toBe(true);
    const added: string[] = [];
    first.addEventHandler({ onAdd: (o) => added.push(`first ${o.metadata.name}`) });
    second.addEventHandler({ onAdd: (o) => added.push(`second ${o.metadata.name}`) });
    factory.start();
    factory.start();
    cluster.client('test').create(cm, configMap('z'));
    cluster.settle();
    expect(added).toEqual(['first z', 'second z']);
    expect(factory.hasSynced()).toBe(true);
    const late = factory.informerFor(resourceOf('Secret'));
    expect(late.hasSynced()).toBe(true);
    const requests = cluster.trace.tail().filter((r) => r.from === 'shared' && r.type === 'request');
    expect(requests.map((r) => `${r.verb} ${r.object}`)).toEqual([
      'list configmaps',
      'watch configmaps',
      'list secrets',
      'watch secrets',
    ]);
  });

  it('keeps a separate informer for a field selector, which lists and watches only what it matches', () => {
    const cluster = new Cluster(defaultParts(), { seed: 4, workers: 0 });
    const factory = new SharedInformerFactory(cluster, cluster.client('shared'));
    const api = cluster.client('test');
    api.create(cm, configMap('a'));
    api.create(cm, configMap('b'));
    const all = factory.informerFor(cm);
    const onlyA = factory.informerFor(cm, { fieldSelector: 'metadata.name=a' });
    expect(onlyA).not.toBe(all);
    expect(factory.informerFor(cm, { fieldSelector: 'metadata.name=a' })).toBe(onlyA);
    const seen: string[] = [];
    onlyA.addEventHandler({
      onAdd: (o) => seen.push(`add ${o.metadata.name}`),
      onUpdate: (_old, o) => seen.push(`update ${o.metadata.name}`),
    });
    factory.start();
    api.update(cm, { ...api.get(cm, 'default', 'b'), data: { v: '2' } });
    api.update(cm, { ...api.get(cm, 'default', 'a'), data: { v: '2' } });
    cluster.settle();
    expect(seen).toEqual(['add a', 'update a']);
    expect(onlyA.indexer.listKeys()).toEqual(['default/a']);
    expect(all.indexer.listKeys()).toEqual(['default/a', 'default/b']);
  });
});
