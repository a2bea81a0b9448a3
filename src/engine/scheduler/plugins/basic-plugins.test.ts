import { describe, expect, it } from 'vitest';
import { nodeInfo, testPod } from '../test-support.ts';
import { nodeAffinity } from './node-affinity.ts';
import { nodeName, nodePorts, nodeUnschedulable } from './node-basics.ts';
import { taintToleration, toleratesTaint } from './taint-toleration.ts';
import { imageLocality, normalizedImageName } from './image-locality.ts';

describe('TaintToleration', () => {
  const tainted = nodeInfo({
    name: 'n1',
    taints: [
      { key: 'a', value: 'x', effect: 'PreferNoSchedule' },
      { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
    ],
  });
  it('rejects the first untolerated NoSchedule/NoExecute taint as unresolvable', () => {
    const status = taintToleration.cycle({ pod: testPod('p'), nodes: [tainted] }).filter!(tainted);
    expect(status).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'],
    });
    const tolerant = testPod('p', {
      tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists' }],
    });
    expect(taintToleration.cycle({ pod: tolerant, nodes: [tainted] }).filter!(tainted)).toBeUndefined();
  });
  it('matches tolerations as ToleratesTaint does', () => {
    const taint = { key: 'k', value: 'v', effect: 'NoExecute' };
    expect(toleratesTaint({ operator: 'Exists' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', value: 'v' }, taint)).toBe(true);
    expect(toleratesTaint({ key: 'k', value: 'w' }, taint)).toBe(false);
    expect(toleratesTaint({ key: 'k', operator: 'Exists', effect: 'NoSchedule' }, taint)).toBe(false);
  });
  it('counts untolerated PreferNoSchedule taints and reverses the normalisation', () => {
    const clean = nodeInfo({ name: 'n2' });
    const cycle = taintToleration.cycle({ pod: testPod('p'), nodes: [tainted, clean] });
    const scores = [cycle.score!(tainted), cycle.score!(clean)];
    expect(scores).toEqual([1, 0]);
    cycle.normalize!(scores, [tainted, clean]);
    expect(scores).toEqual([0, 100]);
  });
});

describe('NodeAffinity', () => {
  const ssd = nodeInfo({ name: 'a', labels: { disk: 'ssd', gen: '5' } });
  const hdd = nodeInfo({ name: 'b', labels: { disk: 'hdd', gen: '3' } });
  it('filters on nodeSelector and required terms', () => {
    const pod = testPod('p', { nodeSelector: { disk: 'ssd' } });
    const cycle = nodeAffinity.cycle({ pod, nodes: [ssd, hdd] });
    expect(cycle.filter!(ssd)).toBeUndefined();
    expect(cycle.filter!(hdd)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ["node(s) didn't match Pod's node affinity/selector"],
    });
    const gt = testPod('p', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'gen', operator: 'Gt', values: ['4'] }] }],
          },
        },
      },
    });
    const c2 = nodeAffinity.cycle({ pod: gt, nodes: [ssd, hdd] });
    expect([c2.filter!(ssd), c2.filter!(hdd)?.code]).toEqual([undefined, 'UnschedulableAndUnresolvable']);
  });
  it('scores preferred terms by weight, normalised to the best node', () => {
    const pod = testPod('p', {
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 20,
              preference: { matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }] },
            },
            { weight: 5, preference: { matchExpressions: [{ key: 'gen', operator: 'Exists' }] } },
          ],
        },
      },
    });
    const cycle = nodeAffinity.cycle({ pod, nodes: [ssd, hdd] });
    expect(cycle.preScore!([ssd, hdd])).toBe(true);
    const scores = [cycle.score!(ssd), cycle.score!(hdd)];
    expect(scores).toEqual([25, 5]);
    cycle.normalize!(scores, [ssd, hdd]);
    expect(scores).toEqual([100, 20]);
    expect(nodeAffinity.cycle({ pod: testPod('q'), nodes: [] }).preScore!([])).toBe(false);
  });
});

describe('NodeUnschedulable, NodeName, NodePorts', () => {
  it('rejects cordoned nodes unless the pod tolerates the unschedulable taint', () => {
    const cordoned = nodeInfo({ name: 'a', unschedulable: true });
    expect(nodeUnschedulable.cycle({ pod: testPod('p'), nodes: [] }).filter!(cordoned)).toEqual({
      code: 'UnschedulableAndUnresolvable',
      reasons: ['node(s) were unschedulable'],
    });
    const tolerant = testPod('p', {
      tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists' }],
    });
    expect(nodeUnschedulable.cycle({ pod: tolerant, nodes: [] }).filter!(cordoned)).toBeUndefined();
  });
  it('rejects nodes other than spec.nodeName', () => {
    const cycle = nodeName.cycle({ pod: testPod('p', { nodeName: 'a' }), nodes: [] });
    expect(cycle.filter!(nodeInfo({ name: 'a' }))).toBeUndefined();
    expect(cycle.filter!(nodeInfo({ name: 'b' }))?.reasons).toEqual([
      "node(s) didn't match the requested node name",
    ]);
  });
  it('rejects a node whose host port is taken (0.0.0.0 overlaps any address)', () => {
    const withPort = (name: string, hostIP?: string) =>
      testPod(name, {
        containers: [
          { name: 'c', ports: [{ containerPort: 80, hostPort: 8080, ...(hostIP ? { hostIP } : {}) }] },
        ],
      });
    const busy = nodeInfo({ name: 'a' }, [withPort('old', '10.0.0.1')]);
    const cycle = nodePorts.cycle({ pod: withPort('new'), nodes: [] });
    expect(cycle.filter!(busy)).toEqual({
      code: 'Unschedulable',
      reasons: ["node(s) didn't have free ports for the requested pod ports"],
    });
    expect(cycle.filter!(nodeInfo({ name: 'b' }))).toBeUndefined();
  });
});

describe('ImageLocality', () => {
  it('normalises names and scores by size spread over nodes', () => {
    expect(normalizedImageName('nginx')).toBe('nginx:latest');
    expect(normalizedImageName('localhost:5000/app')).toBe('localhost:5000/app:latest');
    expect(normalizedImageName('nginx:1.27')).toBe('nginx:1.27');
    const mb = 1024 * 1024;
    const has = nodeInfo({ name: 'a', images: [{ names: ['nginx:latest'], sizeBytes: 500 * mb }] });
    const lacks = nodeInfo({ name: 'b' });
    const cycle = imageLocality.cycle({ pod: testPod('p'), nodes: [has, lacks] });
    // 500 MB × 1/2 of the nodes = 250 MB; (250 − 23) × 100 / (1000 − 23) = 23.
    expect(cycle.score!(has)).toBe(23);
    expect(cycle.score!(lacks)).toBe(0);
  });
});
