import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { planNoScheduleTaints } from './condition-taints.ts';

function node(conditions: Record<string, string>, taints: string[], unschedulable = false): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1' },
    spec: {
      ...(unschedulable ? { unschedulable: true } : {}),
      taints: taints.map((t) => {
        const [key = '', effect = ''] = t.split(':');
        return { key, effect };
      }),
    },
    status: { conditions: Object.entries(conditions).map(([type, status]) => ({ type, status })) },
  };
}

const show = (change: ReturnType<typeof planNoScheduleTaints>) => ({
  add: change.add.map((t) => `${t.key}:${t.effect}`),
  remove: change.remove.map((t) => `${t.key}:${t.effect}`),
});

describe('planNoScheduleTaints', () => {
  const cases: { name: string; node: KubeObject; add: string[]; remove: string[] }[] = [
    {
      name: 'a Ready node loses the not-ready taint it registered with',
      node: node({ Ready: 'True', MemoryPressure: 'False' }, ['node.kubernetes.io/not-ready:NoSchedule']),
      add: [],
      remove: ['node.kubernetes.io/not-ready:NoSchedule'],
    },
    {
      name: 'an unreachable node gets the unreachable taint instead of not-ready',
      node: node({ Ready: 'Unknown' }, ['node.kubernetes.io/not-ready:NoSchedule']),
      add: ['node.kubernetes.io/unreachable:NoSchedule'],
      remove: ['node.kubernetes.io/not-ready:NoSchedule'],
    },
    {
      name: 'pressure conditions and cordoning add their taints',
      node: node(
        { Ready: 'True', MemoryPressure: 'True', DiskPressure: 'True', PIDPressure: 'True' },
        [],
        true,
      ),
      add: [
        'node.kubernetes.io/memory-pressure:NoSchedule',
        'node.kubernetes.io/disk-pressure:NoSchedule',
        'node.kubernetes.io/pid-pressure:NoSchedule',
        'node.kubernetes.io/unschedulable:NoSchedule',
      ],
      remove: [],
    },
    {
      name: 'other taints and the NoExecute ones are not this pass’s business',
      node: node({ Ready: 'True' }, [
        'node-role.kubernetes.io/control-plane:NoSchedule',
        'node.kubernetes.io/unreachable:NoExecute',
        'dedicated:NoSchedule',
      ]),
      add: [],
      remove: [],
    },
    {
      name: 'uncordoning removes the unschedulable taint',
      node: node({ Ready: 'True' }, ['node.kubernetes.io/unschedulable:NoSchedule']),
      add: [],
      remove: ['node.kubernetes.io/unschedulable:NoSchedule'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      expect(show(planNoScheduleTaints(c.node))).toEqual({ add: c.add, remove: c.remove });
    });
  }
});
