/** Builders of nodes, pods and NodeInfos for the scheduler's unit tests. */
import type { KubeObject } from '../api/types.ts';
import { NodeInfo, podEntry } from './node-info.ts';
import type { PodSpec } from './types.ts';

export interface TestNode {
  readonly name: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly pods?: string;
  readonly labels?: Record<string, string>;
  readonly taints?: { key: string; value?: string; effect: string }[];
  readonly unschedulable?: boolean;
  readonly images?: { names: string[]; sizeBytes: number }[];
}

export function testNode(n: TestNode): KubeObject {
  const allocatable = { cpu: n.cpu ?? '4', memory: n.memory ?? '8Gi', pods: n.pods ?? '110' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: n.name, labels: { 'kubernetes.io/hostname': n.name, ...(n.labels ?? {}) } },
    spec: { ...(n.taints ? { taints: n.taints } : {}), ...(n.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable, capacity: allocatable, ...(n.images ? { images: n.images } : {}) },
  };
}

export function testPod(
  name: string,
  spec: Partial<PodSpec> & { requests?: Record<string, string> } = {},
  labels: Record<string, string> = {},
  namespace = 'default',
): KubeObject {
  const { requests, ...rest } = spec;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels },
    spec: {
      containers: [{ name: 'c', image: 'nginx', ...(requests ? { resources: { requests } } : {}) }],
      ...rest,
    },
  };
}

/** A NodeInfo holding `pods` (which are taken to be bound to it). */
export function nodeInfo(n: TestNode, pods: readonly KubeObject[] = []): NodeInfo {
  const info = new NodeInfo(testNode(n));
  for (const p of pods) info.addPod(podEntry({ ...p, spec: { ...(p.spec ?? {}), nodeName: n.name } }));
  return info;
}
