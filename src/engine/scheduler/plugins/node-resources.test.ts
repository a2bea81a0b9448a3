import { describe, expect, it } from 'vitest';
import { podRequests } from '../resources.ts';
import { nodeInfo, testPod } from '../test-support.ts';
import { podSpec } from '../types.ts';
import { balancedAllocation, nodeResourcesFit } from './node-resources.ts';

describe('pod requests', () => {
  it('takes the larger of containers+sidecars and the largest init step, plus overhead', () => {
    const pod = testPod('p', {
      containers: [
        { name: 'a', resources: { requests: { cpu: '200m', memory: '100Mi' } } },
        { name: 'b', resources: { limits: { cpu: '300m' } } },
      ],
      initContainers: [
        { name: 'side', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } },
        { name: 'init', resources: { requests: { cpu: '2', memory: '1Mi' } } },
      ],
      overhead: { cpu: '10m' },
    });
    const r = podRequests(podSpec(pod));
    // containers 500m + sidecar 100m = 600m < init step 2000m + sidecar 100m = 2100m; +10m overhead.
    expect(r.get('cpu')).toBe(2110);
    expect(r.get('memory')).toBe(100 * 1024 * 1024);
    // For scoring, a container without requests counts as 100m / 200Mi.
    const nonZero = podRequests(podSpec(testPod('q')), true);
    expect([nonZero.get('cpu'), nonZero.get('memory')]).toEqual([100, 200 * 1024 * 1024]);
  });
});

describe('NodeResourcesFit', () => {
  it('reports every insufficient resource, unresolvable when the node could never hold the pod', () => {
    const full = nodeInfo({ name: 'a', cpu: '2', memory: '1Gi' }, [
      testPod('x', { requests: { cpu: '1500m' } }),
    ]);
    const pod = testPod('p', { requests: { cpu: '1', memory: '2Gi' } });
    expect(nodeResourcesFit.cycle({ pod, nodes: [full] }).filter!(full)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['Insufficient cpu', 'Insufficient memory'],
    });
    const small = testPod('p', { requests: { cpu: '1' } });
    expect(nodeResourcesFit.cycle({ pod: small, nodes: [full] }).filter!(full)).toEqual({
      code: 'Unschedulable',
      reasons: ['Insufficient cpu'],
    });
  });
  it('counts pods against allocatable pods even for a pod without requests', () => {
    const one = nodeInfo({ name: 'a', pods: '1' }, [testPod('x')]);
    expect(nodeResourcesFit.cycle({ pod: testPod('p'), nodes: [one] }).filter!(one)?.reasons).toEqual([
      'Too many pods',
    ]);
  });
  it('scores LeastAllocated with the non-zero defaults', () => {
    const node = nodeInfo({ name: 'a', cpu: '4', memory: '8Gi' }, [testPod('x', { requests: { cpu: '1' } })]);
    // cpu: (4000 − 1000 − 1000) × 100 / 4000 = 50; memory: (8Gi − 200Mi − 200Mi) × 100 / 8Gi = 95.
    const score = nodeResourcesFit.cycle({ pod: testPod('p', { requests: { cpu: '1' } }), nodes: [node] })
      .score!(node);
    expect(score).toBe(Math.trunc((50 + 95) / 2));
  });
});

describe('NodeResourcesBalancedAllocation', () => {
  it('scores (1 − |cpu fraction − memory fraction| / 2) × 100 on real requests', () => {
    const node = nodeInfo({ name: 'a', cpu: '4', memory: '4Gi' });
    const pod = testPod('p', { requests: { cpu: '2', memory: '1Gi' } });
    const cycle = balancedAllocation.cycle({ pod, nodes: [node] });
    expect(cycle.preScore!([node])).toBe(true);
    expect(cycle.score!(node)).toBe(87); // |0.5 − 0.25| / 2 = 0.125
  });
  it('skips best-effort pods', () => {
    expect(balancedAllocation.cycle({ pod: testPod('p'), nodes: [] }).preScore!([])).toBe(false);
  });
});
