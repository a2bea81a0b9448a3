import { describe, expect, it } from 'vitest';
import { Rng } from '../time/rng.ts';
import { fitErrorMessage } from './fit-error.ts';
import { DEFAULT_PLUGINS } from './plugins/default-plugins.ts';
import { numFeasibleNodesToFind, scheduleOne } from './schedule-one.ts';
import { nodeInfo, testPod } from './test-support.ts';

const controlPlane = () =>
  nodeInfo({ name: 'cp', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });

function run(pod = testPod('p', { requests: { cpu: '3' } }), nodes = [controlPlane()], seed = 1) {
  return scheduleOne({
    pod,
    nodes,
    plugins: DEFAULT_PLUGINS,
    rng: Rng.fromSeed(seed),
    startIndex: 0,
    timeMs: 0,
    attempt: 1,
  });
}

describe('numFeasibleNodesToFind', () => {
  it('scores all nodes below 100, then 50 − n/125 percent, at least 5% and 100 nodes', () => {
    expect(numFeasibleNodesToFind(99)).toBe(99);
    expect(numFeasibleNodesToFind(100)).toBe(100);
    expect(numFeasibleNodesToFind(1000)).toBe(420);
    expect(numFeasibleNodesToFind(5000)).toBe(500);
    expect(numFeasibleNodesToFind(200)).toBe(100);
  });
});

describe('fitErrorMessage', () => {
  it('counts reasons and sorts them as strings', () => {
    const msg = fitErrorMessage(3, [
      { code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] },
      { code: 'Unschedulable', reasons: ['Insufficient memory'] },
      {
        code: 'UnschedulableAndUnresolvable',
        reasons: ["node(s) didn't match Pod's node affinity/selector"],
      },
    ]);
    expect(msg).toBe(
      "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) didn't match Pod's node affinity/selector, 2 Insufficient memory.",
    );
  });
});

describe('scheduleOne', () => {
  it('gives the real FailedScheduling message with the preemption suffix', () => {
    const busy = (name: string) => nodeInfo({ name }, [testPod(`${name}-x`, { requests: { cpu: '2' } })]);
    const { decision } = run(undefined, [controlPlane(), busy('w1'), busy('w2'), busy('w3')]);
    expect(decision.chosen).toBeUndefined();
    expect(decision.message).toBe(
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, ' +
        '3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, ' +
        '3 No preemption victims found for incoming pod.',
    );
    expect(decision.filters.map((f) => f.plugin)).toEqual([
      'TaintToleration',
      'NodeResourcesFit',
      'NodeResourcesFit',
      'NodeResourcesFit',
    ]);
  });

  it('says when preemption is not allowed, and when there are no nodes', () => {
    const pod = testPod('p', { requests: { cpu: '30' }, preemptionPolicy: 'Never' });
    expect(run(pod, [nodeInfo({ name: 'a' })]).decision.message).toBe(
      '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
    );
    expect(run(pod, []).decision.message).toBe('no nodes available to schedule pods');
  });

  it('picks the only feasible node without scoring', () => {
    const { decision } = run(testPod('p'), [controlPlane(), nodeInfo({ name: 'w' })]);
    expect(decision.chosen).toBe('w');
    expect(decision.scores).toEqual([]);
  });

  it('prefers the emptier node and breaks ties with the seeded random source', () => {
    const loaded = nodeInfo({ name: 'loaded' }, [testPod('x', { requests: { cpu: '2', memory: '2Gi' } })]);
    const idle = nodeInfo({ name: 'idle' });
    const pod = testPod('p', { requests: { cpu: '1', memory: '1Gi' } });
    const { decision } = run(pod, [loaded, idle]);
    expect(decision.chosen).toBe('idle');
    const idleScore = decision.scores.find((s) => s.node === 'idle')!;
    expect(idleScore.cells.map((c) => [c.plugin, c.normalized, c.weighted])).toEqual([
      ['TaintToleration', 100, 300],
      ['NodeResourcesFit', 81, 81], // cpu 75, memory 87
      ['NodeResourcesBalancedAllocation', 93, 93],
      ['ImageLocality', 0, 0],
    ]);
    const picks = new Set<string>();
    for (let seed = 1; seed <= 20; seed++) {
      picks.add(run(pod, [nodeInfo({ name: 'a' }), nodeInfo({ name: 'b' })], seed).decision.chosen!);
    }
    expect(picks).toEqual(new Set(['a', 'b']));
    expect(run(pod, [nodeInfo({ name: 'a' }), nodeInfo({ name: 'b' })], 7).decision.chosen).toBe(
      run(pod, [nodeInfo({ name: 'a' }), nodeInfo({ name: 'b' })], 7).decision.chosen,
    );
  });

  it('stops filtering once enough feasible nodes are found and resumes after them', () => {
    const nodes = Array.from({ length: 200 }, (_, i) => nodeInfo({ name: `n${i}` }));
    const { decision, nextStartIndex } = run(testPod('p'), nodes);
    expect(decision.filters).toHaveLength(100);
    expect(nextStartIndex).toBe(100);
  });

  it('takes the nominated node first when it fits', () => {
    const pod = { ...testPod('p', { requests: { cpu: '1' } }), status: { nominatedNodeName: 'busy' } };
    const busy = nodeInfo({ name: 'busy' }, [testPod('x', { requests: { cpu: '2' } })]);
    const { decision } = run(pod, [nodeInfo({ name: 'idle' }), busy]);
    expect(decision.chosen).toBe('busy');
    expect(decision.filters).toEqual([{ node: 'busy' }]);
    const full = nodeInfo({ name: 'busy' }, [testPod('x', { requests: { cpu: '4' } })]);
    expect(run(pod, [nodeInfo({ name: 'idle' }), full]).decision.chosen).toBe('idle');
  });
});
