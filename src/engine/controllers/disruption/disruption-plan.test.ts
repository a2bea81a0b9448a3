import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { budgetStatus } from './disruption-plan.ts';

const pod = (name: string, ready = true, deleting = false): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    ...(deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
  },
  status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

const pdb = (spec: object, status: object = {}): KubeObject => ({
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  metadata: { name: 'web', namespace: 'default', generation: 1 },
  spec,
  status,
});

const NOW = Date.parse('2025-01-01T00:01:00Z');
const status = (budget: KubeObject, pods: KubeObject[], replicas = 4) =>
  budgetStatus({
    pdb: budget,
    pods,
    scaleOf: () => ({ key: 'Deployment/web', replicas }),
    nowMs: NOW,
    now: '2025-01-01T00:01:00Z',
  });

describe('PodDisruptionBudget status', () => {
  it('counts healthy pods against minAvailable', () => {
    expect(status(pdb({ minAvailable: 2 }), [pod('a'), pod('b'), pod('c', false)])).toMatchObject({
      observedGeneration: 1,
      expectedPods: 3,
      desiredHealthy: 2,
      currentHealthy: 2,
      disruptionsAllowed: 0,
      conditions: [{ type: 'DisruptionAllowed', status: 'False', reason: 'InsufficientPods' }],
    });
  });

  it('takes relative budgets against the controller scale, rounding percentages up', () => {
    const pods = [pod('a'), pod('b'), pod('c'), pod('d')];
    expect(status(pdb({ maxUnavailable: 1 }), pods)).toMatchObject({
      expectedPods: 4,
      desiredHealthy: 3,
      disruptionsAllowed: 1,
    });
    expect(status(pdb({ minAvailable: '50%' }), pods, 5)).toMatchObject({
      expectedPods: 5,
      desiredHealthy: 3,
      disruptionsAllowed: 1,
    });
  });

  it('keeps a just-evicted pod counted out until it goes or two minutes pass', () => {
    const evicted = pdb(
      { minAvailable: 1 },
      { disruptedPods: { a: '2025-01-01T00:00:30Z', b: '2024-12-31T23:50:00Z' } },
    );
    const result = status(evicted, [pod('a'), pod('b'), pod('c')]);
    expect(result).toMatchObject({
      currentHealthy: 2,
      disruptionsAllowed: 1,
      disruptedPods: { a: '2025-01-01T00:00:30Z' },
    });
  });
});
