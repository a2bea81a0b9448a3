/**
 * The describers against real kubectl v1.34 output: testdata/*.txt were printed by kubectl
 * describing the objects in testdata/fixture.json, at the instant in `now`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { JsonValue, KubeObject } from '../../api/types.ts';
import { describeGeneric, smartLabel } from './generic.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeDeployment, describeReplicaSet, splitReplicaSets } from './workloads.ts';
import { obj, taintLines, type Obj } from './format.ts';

const dir = join(import.meta.dirname, 'testdata');
const objects = (JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8')) as { objects: Obj[] }).objects;
const now = 1795337760000;
const golden = (name: string): string => readFileSync(join(dir, name), 'utf8');
const find = (kind: string): KubeObject => objects.find((o) => o.kind === kind) as unknown as KubeObject;
const eventsFor = (o: KubeObject): Obj[] =>
  objects.filter((e) => e.kind === 'Event' && obj(e.involvedObject).uid === o.metadata.uid);

describe('describers match kubectl 1.34', () => {
  it('describes a pod', () => {
    const pod = find('Pod');
    expect(describePod(pod, eventsFor(pod), now)).toBe(golden('pod.txt'));
  });

  it('describes a node with its pods, lease and allocation', () => {
    const node = find('Node');
    const pods = objects.filter((o) => o.kind === 'Pod');
    const lease = objects.find((o) => o.kind === 'Lease');
    expect(describeNode(node, { pods, lease, events: [] }, now)).toBe(golden('node.txt'));
  });

  it('describes a deployment with its new ReplicaSet', () => {
    const dep = find('Deployment');
    const rss = objects.filter((o) => o.kind === 'ReplicaSet');
    expect(describeDeployment(dep, rss, eventsFor(dep), now)).toBe(golden('dep.txt'));
  });

  it('describes a replicaset with its pods status', () => {
    const rs = find('ReplicaSet');
    const pods = objects.filter((o) => o.kind === 'Pod');
    expect(describeReplicaSet(rs, pods, eventsFor(rs), now)).toBe(golden('rs.txt'));
  });

  it('describes other kinds generically', () => {
    expect(describeGeneric(find('Lease'), [], now)).toBe(golden('lease.txt'));
    expect(smartLabel('leaseDurationSeconds')).toBe('Lease Duration Seconds');
    expect(smartLabel('apiVersion')).toBe('API Version');
  });

  it('prints taints sorted by effect, then key, as kubectl does', () => {
    const taints: JsonValue = [
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
      { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' },
    ];
    expect(taintLines(taints)).toEqual([
      'node.kubernetes.io/unreachable:NoExecute',
      'dedicated=gpu:NoSchedule',
      'node.kubernetes.io/unreachable:NoSchedule',
    ]);
  });

  it('counts an old ReplicaSet scaled to zero among the old ones', () => {
    const owner = { controller: true, uid: 'd1' };
    const rs = (name: string, created: string, image: string, replicas: number): Obj => ({
      metadata: { name, creationTimestamp: created, ownerReferences: [owner] },
      spec: { replicas, template: { spec: { containers: [{ name: 'c', image }] } } },
    });
    const deployment: Obj = {
      metadata: { uid: 'd1' },
      spec: { template: { spec: { containers: [{ name: 'c', image: 'nginx:1.28' }] } } },
    };
    const { old, current } = splitReplicaSets(deployment, [
      rs('web-new', '2025-01-01T00:01:00Z', 'nginx:1.28', 4),
      rs('web-old', '2025-01-01T00:00:00Z', 'nginx:1.27', 0),
    ]);
    expect(old.map((r) => obj(r.metadata).name)).toEqual(['web-old']);
    expect(obj(current?.metadata).name).toBe('web-new');
  });
});
