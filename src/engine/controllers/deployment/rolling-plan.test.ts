import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { maxSurge, maxUnavailable, resolveFenceposts } from './deployment-util.ts';
import { newRSNewReplicas, planOldReplicaSetsScaleDown, planProportionalScale } from './rolling-plan.ts';

function deployment(
  replicas: number,
  rollingUpdate: Record<string, unknown> = {},
  type = 'RollingUpdate',
): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'd', namespace: 'default', generation: 1 },
    spec: { replicas, strategy: { type, ...(type === 'RollingUpdate' ? { rollingUpdate } : {}) } },
  };
}

let seq = 0;
function rs(
  name: string,
  replicas: number,
  available = 0,
  annotations: Record<string, string> = {},
): KubeObject {
  seq++;
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: `2025-01-01T00:00:0${seq % 10}Z`,
      annotations,
    },
    spec: { replicas },
    status: { replicas, ...(available ? { availableReplicas: available } : {}) },
  };
}

const plan = (s: { rs: KubeObject; replicas: number }[]) => s.map((x) => [x.rs.metadata.name, x.replicas]);

describe('fenceposts', () => {
  it.each([
    [3, {}, 1, 0],
    [10, {}, 3, 2],
    [1, {}, 1, 0],
    [4, { maxSurge: 0, maxUnavailable: 0 }, 0, 1],
    [5, { maxSurge: '50%', maxUnavailable: '50%' }, 3, 2],
    [2, { maxUnavailable: 5 }, 1, 2],
  ])('replicas %i %o → surge %i, unavailable %i', (replicas, ru, surge, unavailable) => {
    const d = deployment(replicas, ru);
    expect(maxSurge(d)).toBe(surge);
    expect(maxUnavailable(d)).toBe(unavailable);
  });

  it('has no surge or unavailability under Recreate, nor unavailability at 0 replicas', () => {
    expect(maxSurge(deployment(3, {}, 'Recreate'))).toBe(0);
    expect(maxUnavailable(deployment(3, {}, 'Recreate'))).toBe(0);
    expect(maxUnavailable(deployment(0))).toBe(0);
    expect(resolveFenceposts(deployment(0)).maxUnavailable).toBe(1);
  });
});

describe('newRSNewReplicas', () => {
  it.each([
    ['first step of a rollout of 3', 3, [3], 0, 1],
    ['already at the surge limit', 3, [3], 1, 1],
    ['room for two more', 10, [8], 3, 5],
    ['never beyond replicas', 3, [0], 2, 3],
  ])('%s', (_name, replicas, olds, current, expected) => {
    const d = deployment(replicas);
    const newRS = rs('new', current);
    const all = [...olds.map((n, i) => rs(`old${i}`, n)), newRS];
    expect(newRSNewReplicas(d, all, newRS)).toBe(expected);
  });

  it('is the full count under Recreate', () => {
    expect(newRSNewReplicas(deployment(5, {}, 'Recreate'), [], rs('new', 0))).toBe(5);
  });
});

describe('planOldReplicaSetsScaleDown', () => {
  it('waits while the new pods are unavailable and no old pod is unhealthy', () => {
    const d = deployment(3);
    const old = rs('old', 3, 3);
    const newRS = rs('new', 1, 0);
    expect(plan(planOldReplicaSetsScaleDown(d, [old, newRS], [old], newRS))).toEqual([]);
  });

  it('scales the old ReplicaSet down once a new pod is available', () => {
    const d = deployment(3);
    const old = rs('old', 3, 3);
    const newRS = rs('new', 1, 1);
    expect(plan(planOldReplicaSetsScaleDown(d, [old, newRS], [old], newRS))).toEqual([['old', 2]]);
  });

  it('first drops unavailable old pods, oldest ReplicaSet first, then available ones', () => {
    const d = deployment(10);
    const older = rs('older', 4, 2);
    const old = rs('old', 6, 6);
    const newRS = rs('new', 3, 3);
    // total 13, minAvailable 8, new unavailable 0: up to 5 may go; 2 unhealthy from `older`,
    // then available 11 − 8 = 3 more, oldest first.
    expect(plan(planOldReplicaSetsScaleDown(d, [older, old, newRS], [older, old], newRS))).toEqual([
      ['older', 2],
      ['older', 0],
      ['old', 5],
    ]);
  });
});

describe('planProportionalScale', () => {
  it('scales the only active ReplicaSet to the new size', () => {
    const d = deployment(5);
    expect(plan(planProportionalScale(d, rs('new', 3), [rs('old', 0)]))).toEqual([['new', 5]]);
  });

  it('shares an increase by size, the larger ReplicaSet first, leftovers to it', () => {
    const d = deployment(20);
    const ann = { 'deployment.kubernetes.io/max-replicas': '13' };
    const old = rs('old', 8, 8, ann);
    const newRS = rs('new', 5, 0, ann);
    expect(plan(planProportionalScale(d, newRS, [old]))).toEqual([
      ['old', 15],
      ['new', 10],
    ]);
  });

  it('shares a decrease, the older ReplicaSet first on equal sizes', () => {
    const d = deployment(2, { maxSurge: 0, maxUnavailable: 1 });
    const ann = { 'deployment.kubernetes.io/max-replicas': '4' };
    const old = rs('old2', 2, 2, ann);
    const newRS = rs('new2', 2, 0, ann);
    expect(plan(planProportionalScale(d, newRS, [old]))).toEqual([
      ['old2', 1],
      ['new2', 1],
    ]);
  });
});
