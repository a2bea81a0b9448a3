import { describe, expect, it } from 'vitest';
import type { ClusterComponent } from '../cluster/cluster.ts';
import {
  conditionOf,
  nodesResource,
  renewLease,
  setupTestCluster,
} from '../controllers/nodelifecycle/test-cluster.ts';
import { runSim } from './sim-commands.ts';

/** A kubelet stand-in that only renews its Lease every 10 s while running. */
function leaseKubelet(
  setup: ReturnType<typeof setupTestCluster>,
  node: string,
): ClusterComponent & { calls: string[] } {
  const { cluster, alive } = setup;
  alive.delete(node);
  let running = false;
  const calls: string[] = [];
  const tick = (): void => {
    if (!running) return;
    renewLease(cluster, node);
    cluster.schedule(10_000, `kubelet/${node}`, tick, 'periodic');
  };
  return {
    id: `kubelet/${node}`,
    calls,
    start() {
      calls.push('start');
      running = true;
      tick();
    },
    stop() {
      calls.push('stop');
      running = false;
    },
  };
}

describe('sim node fail|recover', () => {
  it('stops and restarts the node’s kubelet, with the consequences over time', () => {
    const setup = setupTestCluster(2);
    const { cluster, api } = setup;
    const kubelet = leaseKubelet(setup, 'kubesim-worker');
    cluster.addComponent(kubelet);
    cluster.settle();

    const failed = runSim(cluster, ['node', 'fail', 'kubesim-worker']);
    expect([failed.exitCode, failed.text]).toEqual([
      0,
      'node/kubesim-worker failed: its kubelet stopped (no more Lease renewals or node status)\n',
    ]);
    expect(kubelet.calls).toEqual(['start', 'stop']);
    cluster.advance(70_000);
    expect(conditionOf(api.get(nodesResource, undefined, 'kubesim-worker'), 'Ready')?.status).toBe('Unknown');
    expect(conditionOf(api.get(nodesResource, undefined, 'kubesim-worker2'), 'Ready')?.status).toBe('True');

    const again = runSim(cluster, ['node', 'fail', 'kubesim-worker']);
    expect([again.exitCode, again.text]).toEqual([
      1,
      'error: node "kubesim-worker" has already failed; "sim node recover kubesim-worker" brings it back\n',
    ]);

    const recovered = runSim(cluster, ['node', 'recover', 'kubesim-worker']);
    expect([recovered.exitCode, recovered.text]).toEqual([
      0,
      'node/kubesim-worker recovered: its kubelet is running again\n',
    ]);
    expect(kubelet.calls).toEqual(['start', 'stop', 'start']);
  });

  it('refuses unknown nodes, running nodes and bad usage', () => {
    const { cluster } = setupTestCluster(1);
    const cases: [string[], string][] = [
      [['node', 'fail', 'nope'], 'error: node "nope" not found\n'],
      [
        ['node', 'recover', 'kubesim-worker'],
        'error: node "kubesim-worker" is running; only a node stopped with "sim node fail" can recover\n',
      ],
      [['node', 'fail'], 'error: usage: sim node fail NAME\n'],
      [['node', 'recover', 'a', 'b'], 'error: usage: sim node recover NAME\n'],
    ];
    for (const [words, text] of cases) {
      const out = runSim(cluster, words);
      expect([out.exitCode, out.text]).toEqual([1, text]);
    }
  });
});
