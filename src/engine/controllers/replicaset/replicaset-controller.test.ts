import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { startControllerManager } from '../index.ts';
import { writesFrom } from '../test-support.ts';
import { ReplicaSetController, slowStartBatch } from './replicaset-controller.ts';

const pods = resourceOf('Pod');
const replicaSets = resourceOf('ReplicaSet', 'apps');
const events = resourceOf('Event');
const ID = 'controller-manager/replicaset';

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 7, workers: 1 });
  const manager = startControllerManager(cluster);
  cluster.settle();
  const controller = manager.controllers.find(
    (c) => c instanceof ReplicaSetController,
  ) as ReplicaSetController;
  return { cluster, controller, api: cluster.client('test') };
}

function replicaSet(replicas: number): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default' },
    spec: {
      replicas,
      selector: { matchLabels: { app: 'web' } },
      template: {
        metadata: { labels: { app: 'web' } },
        spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
      },
    },
  };
}

function podNames(api: ReturnType<Cluster['client']>): string[] {
  return api.list(pods, 'default').items.map((p) => p.metadata.name ?? '');
}

function bind(api: ReturnType<Cluster['client']>, name: string, node: string) {
  api.request({
    method: 'POST',
    path: `/api/v1/namespaces/default/pods/${name}/binding`,
    body: { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { kind: 'Node', name: node } },
  });
}

function markReady(cluster: Cluster, api: ReturnType<Cluster['client']>, name: string, nodeName = 'node-1') {
  const now = formatTimestamp(cluster.clock.now());
  bind(api, name, nodeName);
  const fresh = api.get(pods, 'default', name);
  api.updateStatus(pods, {
    ...fresh,
    status: {
      ...(fresh.status as object),
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }],
    },
  });
}

describe('slowStartBatch', () => {
  it('creates in batches of 1, 2, 4, … and stops after a failing batch', () => {
    expect(slowStartBatch(10, () => true)).toBe(10);
    let calls = 0;
    // The 4th call fails: batches 1 and 2 succeed (3 calls), batch 4 runs fully then stops.
    expect(slowStartBatch(10, () => ++calls !== 4)).toBe(6);
    expect(calls).toBe(7);
  });
});

describe('ReplicaSetController', () => {
  it('creates the missing pods with generated names and a controller reference, once', () => {
    const { cluster, controller, api } = setup();
    const since = cluster.trace.lastSeq;
    const rs = api.create(replicaSets, replicaSet(3));
    cluster.settle();
    const names = podNames(api);
    expect(names).toHaveLength(3);
    for (const n of names) expect(n).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const pod = api.get(pods, 'default', names[0]!);
    expect(pod.metadata.labels).toEqual({ app: 'web' });
    expect(pod.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        name: 'web',
        uid: rs.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    const writes = writesFrom(cluster.trace, controller.id, since);
    expect(writes.filter((w) => w.startsWith('create pods'))).toHaveLength(3);
    // The first status is written before the new pods are observed, the second counts them.
    expect(writes.filter((w) => w.includes('replicasets/default/web'))).toEqual([
      'update replicasets/default/web/status',
      'update replicasets/default/web/status',
    ]);
    expect(api.get(replicaSets, 'default', 'web').status).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 3,
      observedGeneration: 1,
    });
    const messages = api
      .list(events, 'default')
      .items.filter((e) => e.reason === 'SuccessfulCreate')
      .map((e) => e.message);
    expect(messages.sort()).toEqual(names.map((n) => `Created pod: ${n}`).sort());

    const again = cluster.trace.lastSeq;
    controller.sync('default/web');
    controller.queue.add('default/web');
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, again)).toEqual([]);
  });

  it('counts Ready and Available pods in status', () => {
    const { cluster, api } = setup();
    api.create(replicaSets, replicaSet(2));
    cluster.settle();
    const [a] = podNames(api);
    markReady(cluster, api, a!);
    cluster.settle();
    expect(api.get(replicaSets, 'default', 'web').status).toMatchObject({
      replicas: 2,
      readyReplicas: 1,
      availableReplicas: 1,
    });
  });

  it('deletes unscheduled pods before scheduled, not-ready before ready on scale-down', () => {
    const { cluster, api } = setup();
    api.create(replicaSets, replicaSet(3));
    cluster.settle();
    const [a, b, c] = podNames(api);
    markReady(cluster, api, a!);
    bind(api, b!, 'node-2');
    cluster.settle();
    const since = cluster.trace.lastSeq;
    const rs = api.get(replicaSets, 'default', 'web');
    api.update(replicaSets, { ...rs, spec: { ...(rs.spec as object), replicas: 1 } });
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, since).filter((w) => w.startsWith('delete'))).toEqual([
      `delete pods/default/${c}`,
      `delete pods/default/${b}`,
    ]);
    // The bound pod waits for its kubelet to finish the graceful deletion.
    const live = api.list(pods, 'default').items.filter((p) => !p.metadata.deletionTimestamp);
    expect(live.map((p) => p.metadata.name)).toEqual([a]);
  });

  it('adopts a matching orphan and releases a pod whose labels no longer match', () => {
    const { cluster, api } = setup();
    api.create(pods, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'stray', namespace: 'default', labels: { app: 'web' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
    });
    const since = cluster.trace.lastSeq;
    const rs = api.create(replicaSets, replicaSet(1));
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, since)).toEqual([
      'patch pods/default/stray',
      'update replicasets/default/web/status',
    ]);
    expect(api.get(pods, 'default', 'stray').metadata.ownerReferences?.[0]?.uid).toBe(rs.metadata.uid);

    const release = cluster.trace.lastSeq;
    const pod = api.get(pods, 'default', 'stray');
    api.update(pods, { ...pod, metadata: { ...pod.metadata, labels: { app: 'other' } } });
    cluster.settle();
    const writes = writesFrom(cluster.trace, ID, release);
    expect(writes[0]).toBe('patch pods/default/stray');
    expect(writes.filter((w) => w.startsWith('create pods'))).toHaveLength(1);
    expect(api.get(pods, 'default', 'stray').metadata.ownerReferences ?? []).toEqual([]);
  });

  it('reports FailedCreate events and the ReplicaFailure condition when creates fail', () => {
    const { cluster, controller, api } = setup();
    const bad = replicaSet(2);
    const template = (bad.spec as { template: { spec: Record<string, unknown> } }).template;
    template.spec.serviceAccountName = 'missing';
    const since = cluster.trace.lastSeq;
    api.create(replicaSets, bad);
    cluster.settle();
    // Slow start: the first batch of one fails, so the second pod is never attempted.
    const first = writesFrom(cluster.trace, ID, since).filter((w) => w.startsWith('create pods'));
    expect(first.length).toBeGreaterThanOrEqual(1);
    const status = api.get(replicaSets, 'default', 'web').status as {
      conditions?: { type: string; status: string; reason: string; message: string }[];
    };
    const message =
      'pods "web-" is forbidden: error looking up service account default/missing: serviceaccount "missing" not found';
    expect(status.conditions?.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['ReplicaFailure', 'True', 'FailedCreate', message],
    ]);
    const failed = api.list(events, 'default').items.filter((e) => e.reason === 'FailedCreate');
    expect(failed[0]?.message).toBe(`Error creating: ${message}`);
    expect(failed[0]?.type).toBe('Warning');
    expect(controller.queue.numRequeues('default/web')).toBeGreaterThan(0);
  });

  it('scales up with exactly the missing creates and one status write, then rests', () => {
    const { cluster, controller, api } = setup();
    api.create(replicaSets, replicaSet(1));
    cluster.settle();
    const since = cluster.trace.lastSeq;
    api.patch(replicaSets, 'default', 'web', 'merge', { spec: { replicas: 4 } });
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, since).filter((w) => !w.startsWith('create events'))).toEqual([
      'create pods/default',
      'create pods/default',
      'create pods/default',
      'update replicasets/default/web/status',
      'update replicasets/default/web/status',
    ]);
    expect(api.get(replicaSets, 'default', 'web').status).toEqual({
      replicas: 4,
      fullyLabeledReplicas: 4,
      observedGeneration: 2,
    });
    const again = cluster.trace.lastSeq;
    controller.sync('default/web');
    expect(writesFrom(cluster.trace, ID, again)).toEqual([]);
  });
});
