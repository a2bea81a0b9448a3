import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { isNotFound } from '../../client/api-client.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { writesFrom } from '../test-support.ts';
import {
  conditionOf,
  eventsAbout,
  nodesResource,
  podsResource,
  runningPod,
  setupTestCluster,
} from '../nodelifecycle/test-cluster.ts';

function noExecuteTaintTime(node: KubeObject): number {
  const taints = (node.spec as { taints?: { effect: string; timeAdded?: string }[] }).taints ?? [];
  const taint = taints.find((t) => t.effect === 'NoExecute');
  return taint?.timeAdded ? parseTimestamp(taint.timeAdded) : 0;
}

describe('TaintEvictionController', () => {
  it('deletes the pods of an unreachable node about 300 s after the NoExecute taint', () => {
    const { cluster, api, eviction, alive } = setupTestCluster(3);
    runningPod(cluster, 'web', 'kubesim-worker2');
    runningPod(cluster, 'elsewhere', 'kubesim-worker');
    alive.delete('kubesim-worker2');
    cluster.advance(70_000);
    const taintedAt = noExecuteTaintTime(api.get(nodesResource, undefined, 'kubesim-worker2'));
    expect(taintedAt).toBeGreaterThan(0);
    // timeAdded is in whole seconds.
    const deadline = eviction.plannedEviction('default', 'web') ?? 0;
    expect(deadline - taintedAt).toBeGreaterThanOrEqual(300_000);
    expect(deadline - taintedAt).toBeLessThan(301_000);

    const since = cluster.trace.lastSeq;
    cluster.advance(deadline - 1_000 - cluster.clock.now());
    expect(api.get(podsResource, 'default', 'web').metadata.deletionTimestamp).toBeUndefined();
    cluster.advance(2_000);
    const pod = api.get(podsResource, 'default', 'web');
    // Graceful deletion: with no kubelet on the node to confirm, the pod stays Terminating.
    expect(pod.metadata.deletionTimestamp).toBeDefined();
    const disruption = conditionOf(pod, 'DisruptionTarget');
    expect([disruption?.status, disruption?.reason, disruption?.message]).toEqual([
      'True',
      'DeletionByTaintManager',
      'Taint manager: deleting due to NoExecute taint',
    ]);
    expect(eventsAbout(api, 'web')).toContain(
      'Normal TaintManagerEviction Marking for deletion Pod default/web (taint-eviction-controller)',
    );
    expect(writesFrom(cluster.trace, eviction.id, since)).toEqual([
      'create events/default',
      'patch pods/default/web/status',
      'delete pods/default/web',
    ]);
    expect(api.get(podsResource, 'default', 'elsewhere').metadata.deletionTimestamp).toBeUndefined();

    // Carried out once: later passes and taint changes do not delete it again.
    const quiet = cluster.trace.lastSeq;
    cluster.advance(120_000);
    eviction.syncNode('kubesim-worker2');
    expect(writesFrom(cluster.trace, eviction.id, quiet)).toEqual([]);
  });

  it('deletes a pod that does not tolerate a NoExecute taint at once, and spares one that does', () => {
    const { cluster, api, eviction } = setupTestCluster(1);
    runningPod(cluster, 'plain', 'kubesim-worker');
    runningPod(cluster, 'tolerant', 'kubesim-worker', [
      { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' },
    ]);
    cluster.settle();
    const since = cluster.trace.lastSeq;
    api.patch(nodesResource, undefined, 'kubesim-worker', 'strategic', {
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] },
    });
    cluster.settle();
    expect(api.get(podsResource, 'default', 'plain').metadata.deletionTimestamp).toBeDefined();
    expect(api.get(podsResource, 'default', 'tolerant').metadata.deletionTimestamp).toBeUndefined();
    expect(eviction.plannedEviction('default', 'tolerant')).toBeUndefined();
    expect(writesFrom(cluster.trace, eviction.id, since)).toEqual([
      'create events/default',
      'patch pods/default/plain/status',
      'delete pods/default/plain',
    ]);
  });

  it('cancels a planned deletion when the taint goes', () => {
    const { cluster, api, eviction } = setupTestCluster(1);
    runningPod(cluster, 'web', 'kubesim-worker', [
      { key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
    ]);
    cluster.settle();
    api.patch(nodesResource, undefined, 'kubesim-worker', 'strategic', {
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] },
    });
    cluster.settle();
    expect(eviction.plannedEviction('default', 'web')).toBe(cluster.clock.now() + 60_000);
    cluster.advance(30_000);
    api.patch(nodesResource, undefined, 'kubesim-worker', 'strategic', { spec: { taints: null } });
    cluster.settle();
    cluster.advance(60_000);
    expect(api.get(podsResource, 'default', 'web').metadata.deletionTimestamp).toBeUndefined();
    expect(eventsAbout(api, 'web')).toEqual([
      'Normal TaintManagerEviction Cancelling deletion of Pod default/web (taint-eviction-controller)',
    ]);
  });

  it('forgets a pod that was deleted before its deadline', () => {
    const { cluster, api, eviction } = setupTestCluster(1);
    runningPod(cluster, 'web', 'kubesim-worker', [
      { key: 'dedicated', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 },
    ]);
    api.patch(nodesResource, undefined, 'kubesim-worker', 'strategic', {
      spec: { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoExecute' }] },
    });
    cluster.settle();
    api.delete(podsResource, 'default', 'web', { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(eviction.plannedEviction('default', 'web')).toBeUndefined();
    const since = cluster.trace.lastSeq;
    cluster.advance(90_000);
    expect(writesFrom(cluster.trace, eviction.id, since)).toEqual([]);
    expect(() => api.get(podsResource, 'default', 'web')).toThrow();
    try {
      api.get(podsResource, 'default', 'web');
    } catch (e) {
      expect(isNotFound(e)).toBe(true);
    }
  });
});
