import { describe, expect, it } from 'vitest';
import { nodeInfo, testPod } from '../test-support.ts';
import { interPodAffinity } from './inter-pod-affinity.ts';
import { podTopologySpread } from './pod-topology-spread.ts';

const zone = (z: string) => ({ 'topology.kubernetes.io/zone': z });

describe('PodTopologySpread', () => {
  const spread = {
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: { app: 'web' } },
      },
    ],
  };
  const web = (n: string) => testPod(n, {}, { app: 'web' });
  it('rejects a node whose domain would exceed maxSkew, and one missing the key', () => {
    const a = nodeInfo({ name: 'a', labels: zone('z1') }, [web('w1')]);
    const b = nodeInfo({ name: 'b', labels: zone('z2') });
    const bare = nodeInfo({ name: 'c' });
    const cycle = podTopologySpread.cycle({ pod: testPod('p', spread, { app: 'web' }), nodes: [a, b, bare] });
    expect(cycle.filter!(a)).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't match pod topology spread constraints"],
    });
    expect(cycle.filter!(b)).toBeUndefined();
    expect(cycle.filter!(bare)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match pod topology spread constraints (missing required label)"],
    });
  });
  it('applies the system default spreading by hostname to pods something selects', () => {
    const a = nodeInfo({ name: 'a' }, [web('w1'), web('w2')]);
    const b = nodeInfo({ name: 'b' });
    const selector = { matches: (l: Readonly<Record<string, string>> | undefined) => l?.app === 'web' };
    const cycle = podTopologySpread.cycle({ pod: web('p'), nodes: [a, b], defaultSpreadSelector: selector });
    expect(cycle.preScore!([a, b])).toBe(true);
    // hostname: count × ln(2 + 2) + (3 − 1); no zone labels → zone adds nothing.
    const scores = [cycle.score!(a), cycle.score!(b)];
    expect(scores).toEqual([Math.round(2 * Math.log(4) + 2), 2]);
    cycle.normalize!(scores, [a, b]);
    expect(scores).toEqual([Math.trunc((100 * 2) / 5), 100]);
    expect(podTopologySpread.cycle({ pod: web('p'), nodes: [a, b] }).preScore!([a, b])).toBe(false);
  });
});

describe('InterPodAffinity', () => {
  const affinity = (kind: 'podAffinity' | 'podAntiAffinity') => ({
    affinity: {
      [kind]: {
        requiredDuringSchedulingIgnoredDuringExecution: [
          { labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' },
        ],
      },
    },
  });
  it('requires a matching pod in the topology domain, except for the first of a self-affine group', () => {
    const withDb = nodeInfo({ name: 'a' }, [testPod('db', {}, { app: 'db' })]);
    const empty = nodeInfo({ name: 'b' });
    const cycle = interPodAffinity.cycle({
      pod: testPod('p', affinity('podAffinity')),
      nodes: [withDb, empty],
    });
    expect(cycle.filter!(withDb)).toBeUndefined();
    expect(cycle.filter!(empty)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match pod affinity rules"],
    });
    const first = testPod('db2', affinity('podAffinity'), { app: 'db' });
    expect(interPodAffinity.cycle({ pod: first, nodes: [empty] }).filter!(empty)).toBeUndefined();
  });
  it('honours the pod anti-affinity and that of existing pods', () => {
    const withDb = nodeInfo({ name: 'a' }, [testPod('db', affinity('podAntiAffinity'), { app: 'db' })]);
    const anti = interPodAffinity.cycle({ pod: testPod('p', affinity('podAntiAffinity')), nodes: [withDb] });
    expect(anti.filter!(withDb)?.reasons).toEqual(["node(s) didn't match pod anti-affinity rules"]);
    const another = interPodAffinity.cycle({ pod: testPod('db2', {}, { app: 'db' }), nodes: [withDb] });
    expect(another.filter!(withDb)).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't satisfy existing pods anti-affinity rules"],
    });
  });
  it('scores preferred terms and normalises between the lowest and highest node', () => {
    const pod = testPod('p', {
      affinity: {
        podAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 10,
              podAffinityTerm: {
                labelSelector: { matchLabels: { app: 'db' } },
                topologyKey: 'kubernetes.io/hostname',
              },
            },
          ],
        },
      },
    });
    const a = nodeInfo({ name: 'a' }, [testPod('db', {}, { app: 'db' })]);
    const b = nodeInfo({ name: 'b' });
    const cycle = interPodAffinity.cycle({ pod, nodes: [a, b] });
    expect(cycle.preScore!([a, b])).toBe(true);
    const scores = [cycle.score!(a), cycle.score!(b)];
    expect(scores).toEqual([10, 0]);
    cycle.normalize!(scores, [a, b]);
    expect(scores).toEqual([100, 0]);
  });
});
