import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { Cluster, resourceOf } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import { startControllerManager } from '../controllers/index.ts';
import { writesFrom } from '../controllers/test-support.ts';
import { startScheduler } from './index.ts';

const pods = resourceOf('Pod');
const events = resourceOf('Event');

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 3, workers: 3 });
  startControllerManager(cluster);
  const scheduler = startScheduler(cluster);
  cluster.settle();
  return { cluster, scheduler, api: cluster.client('test') };
}

function pod(name: string, cpu: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: { containers: [{ name: 'app', image: 'nginx', resources: { requests: { cpu } } }] },
  };
}

function nodeOf(api: ReturnType<Cluster['client']>, name: string): string | undefined {
  return (api.get(pods, 'default', name).spec as { nodeName?: string }).nodeName;
}

describe('Scheduler', () => {
  it('binds pods, then reports an unschedulable pod with the real message and retries it', () => {
    const { cluster, scheduler, api } = setup();
    const since = cluster.trace.tail(1)[0]?.seq ?? 0;
    for (const name of ['a', 'b', 'c']) api.create(pods, pod(name, '3'));
    cluster.settle();
    const placed = ['a', 'b', 'c'].map((n) => nodeOf(api, n));
    expect(new Set(placed)).toEqual(new Set(['kubesim-worker', 'kubesim-worker2', 'kubesim-worker3']));
    expect(writesFrom(cluster.trace, 'scheduler', since).filter((w) => w.startsWith('create pods'))).toEqual([
      'create pods/default/a/binding',
      'create pods/default/b/binding',
      'create pods/default/c/binding',
    ]);
    const scheduled = api
      .list(events, 'default')
      .items.filter((e) => (e as unknown as { reason: string }).reason === 'Scheduled')
      .map((e) => (e as unknown as { message: string }).message);
    expect(scheduled).toContain(`Successfully assigned default/a to ${placed[0]}`);
    // Each choice is traced before its bind, with the score that won.
    const choice = cluster.trace
      .since(since)
      .find((r) => r.verb === 'select' && r.object === 'pods/default/a');
    expect(choice?.summary).toBe(
      `chose ${placed[0]} for pod default/a among 3 feasible nodes: ${scheduler.decision('default', 'a')?.why}`,
    );
    expect(scheduler.decision('default', 'a')?.why).toMatch(/^highest total score \d+/);

    api.create(pods, pod('d', '3'));
    cluster.settle();
    const message =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, ' +
      '3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, ' +
      '3 No preemption victims found for incoming pod.';
    const d = api.get(pods, 'default', 'd');
    const condition = (d.status as { conditions?: Record<string, unknown>[] }).conditions?.find(
      (c) => c.type === 'PodScheduled',
    );
    expect(condition).toMatchObject({ status: 'False', reason: 'Unschedulable', message });
    const failed = api
      .list(events, 'default')
      .items.find((e) => (e as unknown as { reason: string }).reason === 'FailedScheduling');
    expect(failed).toMatchObject({ type: 'Warning', message, source: { component: 'default-scheduler' } });
    expect(scheduler.decision('default', 'd')?.chosen).toBeUndefined();

    // Nothing changes: no further attempts, no writes.
    const quiet = cluster.trace.tail(1)[0]?.seq ?? 0;
    cluster.settle();
    expect(writesFrom(cluster.trace, 'scheduler', quiet)).toEqual([]);

    // Freeing a node lets the pending pod in.
    const freed = placed[1]!;
    api.delete(pods, 'default', 'b', { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(nodeOf(api, 'd')).toBe(freed);
  });

  it('spreads the pods of a ReplicaSet over the workers (system default spreading)', () => {
    const { cluster, scheduler, api } = setup();
    api.create(resourceOf('ReplicaSet', 'apps'), {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 6,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        },
      },
    });
    cluster.settle();
    const perNode = new Map<string, number>();
    for (const p of api.list(pods, 'default').items) {
      const node = (p.spec as { nodeName?: string }).nodeName ?? '';
      perNode.set(node, (perNode.get(node) ?? 0) + 1);
    }
    expect([...perNode.values()]).toEqual([2, 2, 2]);
    const last = api.list(pods, 'default').items.at(-1)!;
    const decision = scheduler.decision('default', last.metadata.name ?? '');
    expect(decision?.skippedScorePlugins).not.toContain('PodTopologySpread');
  });

  it('preempts a lower-priority pod for a higher-priority one', () => {
    const { cluster, api } = setup();
    api.create(resourceOf('PriorityClass', 'scheduling.k8s.io'), {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'high' },
      value: 1000,
    });
    for (const name of ['a', 'b', 'c']) api.create(pods, pod(name, '3'));
    cluster.settle();
    const vip = pod('vip', '3');
    (vip.spec as Record<string, unknown>).priorityClassName = 'high';
    api.create(pods, vip);
    cluster.settle();
    const status = api.get(pods, 'default', 'vip').status as { nominatedNodeName?: string };
    const victims = ['a', 'b', 'c'].filter((n) => !!api.get(pods, 'default', n).metadata.deletionTimestamp);
    expect(victims).toHaveLength(1);
    const victim = api.get(pods, 'default', victims[0]!);
    expect(status.nominatedNodeName).toBe((victim.spec as { nodeName: string }).nodeName);
    const reasons = api.list(events, 'default').items.map((e) => (e as unknown as { reason: string }).reason);
    expect(reasons).toContain('Preempted');
    // Once the victim is gone the pod lands on the nominated node.
    api.delete(pods, 'default', victims[0]!, { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(nodeOf(api, 'vip')).toBe(status.nominatedNodeName);
  });
});
