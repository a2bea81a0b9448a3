import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { isNotFound } from '../../client/api-client.ts';
import { startControllerManager } from '../index.ts';
import { requestsFrom, writesFrom } from '../test-support.ts';
import { namespacedDeletableResources } from './content-deleter.ts';
import { NAMESPACE_DELETION_GRACE_PERIOD_MS, remainingContentRequeueMs } from './namespace-controller.ts';

const namespaces = resourceOf('Namespace');
const configMaps = resourceOf('ConfigMap');
const secrets = resourceOf('Secret');
const pods = resourceOf('Pod');

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 8, workers: 1 });
  const manager = startControllerManager(cluster);
  const api = cluster.client('test');
  api.create(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
  cluster.settle();
  return { cluster, controller: manager.namespace, api };
}

function pod(name: string, spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'team' },
    spec: { containers: [{ name: 'app', image: 'nginx:1.27' }], ...spec },
  };
}

function gone(f: () => unknown): boolean {
  try {
    f();
    return false;
  } catch (e) {
    return isNotFound(e);
  }
}

function conditionsOf(ns: KubeObject): Record<string, string> {
  const conditions =
    (ns.status as { conditions?: { type: string; status: string; message: string }[] }).conditions ?? [];
  return Object.fromEntries(conditions.map((c) => [c.type, `${c.status}: ${c.message}`]));
}

describe('NamespaceController', () => {
  it('empties a terminating namespace, then lets the API server remove it', () => {
    const { cluster, api } = setup();
    api.create(configMaps, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'settings', namespace: 'team' },
    });
    api.create(secrets, { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'token', namespace: 'team' } });
    api.create(pods, pod('web'));
    api.delete(namespaces, undefined, 'team');
    expect(api.get(namespaces, undefined, 'team').status).toMatchObject({ phase: 'Terminating' });

    const result = cluster.settle();
    expect(result.settled).toBe(true);
    expect(gone(() => api.get(namespaces, undefined, 'team'))).toBe(true);
    for (const r of [configMaps, secrets, pods, resourceOf('ServiceAccount')])
      expect(api.list(r, 'team').items).toEqual([]);
    expect(cluster.faults).toEqual([]);
  });

  it('waits the deletion grace period, then deletes every resource and finalizes, in one sync', () => {
    const { cluster, controller, api } = setup();
    api.delete(namespaces, undefined, 'team');
    const since = cluster.trace.lastSeq;
    const deletedAt = cluster.clock.now();
    cluster.settle();

    const sync = cluster.trace.since(since).find((r) => r.type === 'action' && r.from === controller.id)!;
    expect(sync.time - deletedAt).toBe(1 + NAMESPACE_DELETION_GRACE_PERIOD_MS);
    expect(sync.object).toBe('namespaces/team');
    const collections = namespacedDeletableResources().filter((r) => r.verbs.includes('deletecollection'));
    expect(collections.map((r) => r.plural)).toEqual(
      expect.arrayContaining(['pods', 'configmaps', 'deployments', 'events']),
    );
    expect(writesFrom(cluster.trace, controller.id, since)).toEqual([
      ...collections.map((r) => `deletecollection ${r.plural}/team`),
      'update namespaces/team/status',
      // The finalize made with the namespace read before the status write conflicts, is re-read and retried.
      'update namespaces/team/finalize',
      'update namespaces/team/finalize',
    ]);
    const reads = requestsFrom(cluster.trace, controller.id, since).filter((r) => r.startsWith('get'));
    expect(reads).toEqual(['get namespaces/team', 'get namespaces/team']);

    const again = cluster.trace.lastSeq;
    controller.sync('team');
    expect(requestsFrom(cluster.trace, controller.id, again)).toEqual([]);
  });

  it('does nothing for a namespace that is not being deleted', () => {
    const { cluster, controller } = setup();
    const since = cluster.trace.lastSeq;
    controller.sync('team');
    expect(requestsFrom(cluster.trace, controller.id, since)).toEqual(['get namespaces/team']);
  });

  it('reports content held by finalizers in the conditions and looks again later', () => {
    const { cluster, controller, api } = setup();
    api.create(configMaps, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'held', namespace: 'team', finalizers: ['example.com/hold'] },
    });
    api.delete(namespaces, undefined, 'team');
    cluster.advance(NAMESPACE_DELETION_GRACE_PERIOD_MS + 10);

    const ns = api.get(namespaces, undefined, 'team');
    expect(conditionsOf(ns)).toEqual({
      NamespaceDeletionDiscoveryFailure: 'False: All resources successfully discovered',
      NamespaceDeletionGroupVersionParsingFailure: 'False: All legacy kube types successfully parsed',
      NamespaceDeletionContentFailure:
        'False: All content successfully deleted, may be waiting on finalization',
      NamespaceContentRemaining: 'True: Some resources are remaining: configmaps. has 1 resource instances',
      NamespaceFinalizersRemaining:
        'True: Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances',
    });
    // Looked at again: after its own status write is seen (5 s), and asks for estimate/2+1 s itself.
    expect(controller.queue.readyAt('team')).toBeDefined();
    expect(controller.sync('team')).toEqual({ requeueAfterMs: remainingContentRequeueMs(15) });
    expect(remainingContentRequeueMs(15)).toBe(8000);

    const held = api.get(configMaps, 'team', 'held');
    api.update(configMaps, { ...held, metadata: { ...held.metadata, finalizers: [] } });
    expect(cluster.settle().settled).toBe(true);
    expect(gone(() => api.get(namespaces, undefined, 'team'))).toBe(true);
  });

  it('waits for terminating pods for up to their grace period', () => {
    const { cluster, controller, api } = setup();
    api.create(pods, pod('slow', { nodeName: 'kubesim-worker', terminationGracePeriodSeconds: 30 }));
    api.delete(namespaces, undefined, 'team');
    cluster.advance(NAMESPACE_DELETION_GRACE_PERIOD_MS + 10);

    expect(api.get(pods, 'team', 'slow').metadata.deletionTimestamp).toBeDefined();
    expect(conditionsOf(api.get(namespaces, undefined, 'team')).NamespaceContentRemaining).toBe(
      'True: Some resources are remaining: pods. has 1 resource instances',
    );
    expect(controller.sync('team')).toEqual({ requeueAfterMs: 16_000 });

    // What the pod's kubelet does once its containers have stopped.
    api.delete(pods, 'team', 'slow', { gracePeriodSeconds: 0 });
    expect(cluster.settle().settled).toBe(true);
    expect(gone(() => api.get(namespaces, undefined, 'team'))).toBe(true);
  });
});
