import { describe, expect, it } from 'vitest';
import { parseTimestamp } from '../../time/clock.ts';
import { writesFrom } from '../test-support.ts';
import {
  conditionOf,
  eventsAbout,
  nodesResource,
  podsResource,
  postReadyStatus,
  renewLease,
  runningPod,
  setupTestCluster,
  taintsOf,
} from './test-cluster.ts';

describe('NodeLifecycleController', () => {
  it('lifts the not-ready NoSchedule taint every Node registers with, once, and registers the nodes', () => {
    const { cluster, api, lifecycle, workers } = setupTestCluster(2);
    for (const name of workers) expect(taintsOf(api, name)).toEqual([]);
    expect(taintsOf(api, 'kubesim-control-plane')).toEqual([
      'node-role.kubernetes.io/control-plane:NoSchedule',
    ]);
    expect(writesFrom(cluster.trace, lifecycle.id)).toEqual([
      'patch nodes/kubesim-control-plane',
      'create events/default',
      'create events/default',
      'create events/default',
      'patch nodes/kubesim-worker',
      'patch nodes/kubesim-worker2',
    ]);
    expect(eventsAbout(api, 'kubesim-worker')).toEqual([
      'Normal RegisteredNode Node kubesim-worker event: Registered Node kubesim-worker in Controller (node-controller)',
    ]);

    // Level-triggered: another pass over healthy nodes writes nothing.
    const since = cluster.trace.lastSeq;
    lifecycle.monitorNodeHealth();
    for (const name of workers) lifecycle.syncNode(name);
    cluster.advance(60_000);
    expect(writesFrom(cluster.trace, lifecycle.id, since)).toEqual([]);
  });

  it('marks a node whose Lease is no longer renewed Unknown after the 50 s grace period', () => {
    const { cluster, api, lifecycle, alive } = setupTestCluster(3);
    const pod = runningPod(cluster, 'web', 'kubesim-worker2');
    cluster.advance(30_000);
    renewLease(cluster, 'kubesim-worker2');
    alive.delete('kubesim-worker2');
    const silentSince = cluster.clock.now();
    const since = cluster.trace.lastSeq;

    cluster.advance(50_000);
    expect(conditionOf(api.get(nodesResource, undefined, 'kubesim-worker2'), 'Ready')?.status).toBe('True');
    // The controller counts from when it saw the last renewal (its passes are 5 s apart).
    cluster.advance(10_000);
    const node = api.get(nodesResource, undefined, 'kubesim-worker2');
    const ready = conditionOf(node, 'Ready')!;
    expect([ready.status, ready.reason, ready.message]).toEqual([
      'Unknown',
      'NodeStatusUnknown',
      'Kubelet stopped posting node status.',
    ]);
    const unknownAt = parseTimestamp(ready.lastTransitionTime!) - silentSince;
    expect(unknownAt).toBeGreaterThan(50_000);
    expect(unknownAt).toBeLessThanOrEqual(60_000);
    for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure']) {
      expect(conditionOf(node, type)?.status).toBe('Unknown');
    }
    // The other nodes are fine.
    expect(conditionOf(api.get(nodesResource, undefined, 'kubesim-worker'), 'Ready')?.status).toBe('True');

    expect(conditionOf(api.get(podsResource, 'default', 'web'), 'Ready')?.status).toBe('False');
    expect(eventsAbout(api, 'web')).toEqual(['Warning NodeNotReady Node is not ready (node-controller)']);
    expect(eventsAbout(api, 'kubesim-worker2')).toContain(
      'Normal NodeNotReady Node kubesim-worker2 status is now: NodeNotReady (node-controller)',
    );

    cluster.advance(6_000);
    expect(taintsOf(api, 'kubesim-worker2')).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    expect(writesFrom(cluster.trace, lifecycle.id, since)).toEqual([
      'update nodes/kubesim-worker2/status',
      'create events/default',
      'update pods/default/web/status',
      'create events/default',
      'patch nodes/kubesim-worker2',
      'patch nodes/kubesim-worker2',
    ]);
    expect(pod.metadata.name).toBe('web');

    const quiet = cluster.trace.lastSeq;
    cluster.advance(30_000);
    expect(writesFrom(cluster.trace, lifecycle.id, quiet)).toEqual([]);
  });

  it('removes the taints when the kubelet comes back', () => {
    const { cluster, api, lifecycle, alive } = setupTestCluster(3);
    alive.delete('kubesim-worker');
    cluster.advance(70_000);
    expect(taintsOf(api, 'kubesim-worker')).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
    alive.add('kubesim-worker');
    renewLease(cluster, 'kubesim-worker');
    postReadyStatus(cluster, 'kubesim-worker');
    const since = cluster.trace.lastSeq;
    cluster.advance(10_000);
    expect(taintsOf(api, 'kubesim-worker')).toEqual([]);
    expect(writesFrom(cluster.trace, lifecycle.id, since)).toEqual([
      'patch nodes/kubesim-worker',
      'patch nodes/kubesim-worker',
    ]);
  });

  it('adds no NoExecute taint when every node went silent at once', () => {
    const { cluster, api, alive, workers } = setupTestCluster(2);
    alive.clear();
    cluster.advance(120_000);
    for (const name of workers) {
      expect(conditionOf(api.get(nodesResource, undefined, name), 'Ready')?.status).toBe('Unknown');
      expect(taintsOf(api, name)).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    }
  });

  it('taints a cordoned node unschedulable and untaints it when uncordoned', () => {
    const { cluster, api } = setupTestCluster(1);
    api.patch(nodesResource, undefined, 'kubesim-worker', 'strategic', { spec: { unschedulable: true } });
    cluster.settle();
    expect(taintsOf(api, 'kubesim-worker')).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    api.patch(nodesResource, undefined, 'kubesim-worker', 'strategic', { spec: { unschedulable: null } });
    cluster.settle();
    expect(taintsOf(api, 'kubesim-worker')).toEqual([]);
  });

  it('marks a pod bound to a node that is not Ready not ready, and says goodbye to deleted nodes', () => {
    const { cluster, api, alive } = setupTestCluster(2);
    alive.delete('kubesim-worker2');
    cluster.advance(70_000);
    runningPod(cluster, 'late', 'kubesim-worker2');
    cluster.settle();
    expect(conditionOf(api.get(podsResource, 'default', 'late'), 'Ready')?.status).toBe('False');

    api.delete(nodesResource, undefined, 'kubesim-worker2');
    cluster.advance(5_000);
    expect(eventsAbout(api, 'kubesim-worker2')).toContain(
      'Normal RemovingNode Node kubesim-worker2 event: Removing Node kubesim-worker2 from Controller (node-controller)',
    );
  });

  it('taints a node that reports not ready not-ready, and swaps to unreachable when it goes silent', () => {
    const { cluster, api, alive } = setupTestCluster(2);
    postReadyStatus(cluster, 'kubesim-worker', false);
    cluster.advance(6_000);
    expect(taintsOf(api, 'kubesim-worker')).toEqual([
      'node.kubernetes.io/not-ready:NoSchedule',
      'node.kubernetes.io/not-ready:NoExecute',
    ]);
    alive.delete('kubesim-worker');
    cluster.advance(70_000);
    expect(taintsOf(api, 'kubesim-worker')).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
  });
});
