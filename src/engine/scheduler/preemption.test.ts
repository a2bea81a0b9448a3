import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { Rng } from '../time/rng.ts';
import { DEFAULT_PLUGINS } from './plugins/default-plugins.ts';
import { pickCandidate } from './preemption.ts';
import { scheduleOne } from './schedule-one.ts';
import { nodeInfo, testPod } from './test-support.ts';

const started = (pod: KubeObject, startTime: string): KubeObject => ({ ...pod, status: { startTime } });

describe('preemption', () => {
  it('evicts the fewest, least important pods that make room', () => {
    const a = nodeInfo({ name: 'a', cpu: '4' }, [
      testPod('a-low1', { requests: { cpu: '1' }, priority: 1 }),
      testPod('a-low2', { requests: { cpu: '2' }, priority: 1 }),
      testPod('a-mid', { requests: { cpu: '1' }, priority: 50 }),
    ]);
    const b = nodeInfo({ name: 'b', cpu: '4' }, [
      testPod('b-mid', { requests: { cpu: '2' }, priority: 50 }),
      testPod('b-high', { requests: { cpu: '2' }, priority: 200 }),
    ]);
    const pod = testPod('vip', { requests: { cpu: '2' }, priority: 100 });
    const { decision } = scheduleOne({
      pod,
      nodes: [a, b],
      plugins: DEFAULT_PLUGINS,
      rng: Rng.fromSeed(1),
      startIndex: 0,
      timeMs: 0,
      attempt: 1,
    });
    // On a, removing a-low2 alone frees 2 cpu (a-mid and a-low1 are reprieved); on b, only
    // b-mid can go, which has a higher priority than a's victim.
    expect(decision.preemption?.node).toBe('a');
    expect(decision.preemption?.victims.map((v) => v.metadata.name)).toEqual(['a-low2']);
    // A preemption that can proceed adds no "preemption:" text.
    expect(decision.message).toBe('0/2 nodes are available: 2 Insufficient cpu.');
  });

  it('breaks ties by victim count, then by the latest start of the most important victim', () => {
    const c = (node: string, victims: KubeObject[]) => ({ node, victims });
    const p = (name: string, priority: number, start = '2025-01-01T00:00:00Z') =>
      started(testPod(name, { priority }), start);
    expect(pickCandidate([c('x', [p('1', 5), p('2', 5)]), c('y', [p('3', 5)])])?.node).toBe('y');
    expect(pickCandidate([c('x', [p('1', 9)]), c('y', [p('3', 5), p('4', 1)])])?.node).toBe('y');
    expect(
      pickCandidate([
        c('x', [p('1', 5, '2025-01-01T00:00:01Z')]),
        c('y', [p('3', 5, '2025-01-01T00:00:09Z')]),
      ])?.node,
    ).toBe('y');
  });
});
