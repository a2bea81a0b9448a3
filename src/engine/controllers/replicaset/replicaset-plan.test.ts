import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { planClaims } from './controller-ref.ts';
import { Expectations } from './expectations.ts';
import { BURST_REPLICAS, calculateReplicaSetStatus, planReplicas } from './replicaset-plan.ts';
import { selectorFromSet } from '../../labels/index.ts';

const NOW = 1_735_732_800_000;
const T = (secondsAgo: number) => formatTimestamp(NOW - secondsAgo * 1000);

function rs(replicas: number, minReadySeconds = 0): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name: 'web', namespace: 'default', uid: 'rs-uid', generation: 2 },
    spec: { replicas, minReadySeconds, template: { metadata: { labels: { app: 'web', tier: 'fe' } } } },
    status: { replicas: 0, observedGeneration: 1 },
  };
}

function pod(name: string, labels: Record<string, string>, readySecondsAgo?: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', uid: `uid-${name}`, labels },
    spec: {},
    status:
      readySecondsAgo === undefined
        ? { phase: 'Pending' }
        : {
            phase: 'Running',
            conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: T(readySecondsAgo) }],
          },
  };
}

describe('planReplicas', () => {
  it('creates the missing pods up to the burst limit', () => {
    expect(planReplicas(rs(3), [], [], NOW)).toEqual({ create: 3, delete: [] });
    expect(planReplicas(rs(2000), [], [], NOW).create).toBe(BURST_REPLICAS);
  });

  it('deletes the surplus and does nothing when the count is right', () => {
    const pods = [pod('a', {}, 100), pod('b', {})];
    expect(planReplicas(rs(1), pods, pods, NOW).delete.map((p) => p.metadata.name)).toEqual(['b']);
    expect(planReplicas(rs(2), pods, pods, NOW)).toEqual({ create: 0, delete: [] });
  });
});

describe('calculateReplicaSetStatus', () => {
  it('counts fully labeled, ready and available (minReadySeconds) pods, leaving zeros out', () => {
    const pods = [
      pod('a', { app: 'web', tier: 'fe' }, 30),
      pod('b', { app: 'web', tier: 'fe' }, 5),
      pod('c', { app: 'web' }),
    ];
    expect(calculateReplicaSetStatus(rs(3, 10), pods, undefined, T(0), NOW)).toEqual({
      replicas: 3,
      fullyLabeledReplicas: 2,
      readyReplicas: 2,
      availableReplicas: 1,
      observedGeneration: 1,
    });
  });

  it('adds and removes the ReplicaFailure condition', () => {
    const failed = calculateReplicaSetStatus(
      rs(1),
      [],
      { message: 'quota exceeded', creating: true },
      T(0),
      NOW,
    );
    expect(failed.conditions).toEqual([
      {
        type: 'ReplicaFailure',
        status: 'True',
        lastTransitionTime: T(0),
        reason: 'FailedCreate',
        message: 'quota exceeded',
      },
    ]);
    const recovered = calculateReplicaSetStatus({ ...rs(1), status: failed }, [], undefined, T(0), NOW);
    expect(recovered.conditions).toBeUndefined();
  });
});

describe('planClaims', () => {
  it('keeps its matching pods, adopts matching orphans, releases non-matching own pods', () => {
    const owner = rs(3);
    const own = (p: KubeObject) => ({
      ...p,
      metadata: {
        ...p.metadata,
        ownerReferences: [
          { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web', uid: 'rs-uid', controller: true },
        ],
      },
    });
    const foreign = pod('f', { app: 'web' });
    foreign.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'x', uid: 'x', controller: true },
    ];
    const plan = planClaims(owner, selectorFromSet({ app: 'web' }), [
      own(pod('mine', { app: 'web' })),
      own(pod('moved', { app: 'db' })),
      pod('orphan', { app: 'web' }),
      pod('other', { app: 'db' }),
      foreign,
    ]);
    expect(plan.claimed.map((p) => p.metadata.name)).toEqual(['mine']);
    expect(plan.adopt.map((p) => p.metadata.name)).toEqual(['orphan']);
    expect(plan.release.map((p) => p.metadata.name)).toEqual(['moved']);
  });
});

describe('Expectations', () => {
  it('is satisfied once every expected creation and deletion was observed, or after 5 minutes', () => {
    let now = 0;
    const e = new Expectations(() => now);
    e.expectCreations('k', 2);
    e.creationObserved('k');
    expect(e.satisfied('k')).toBe(false);
    e.creationObserved('k');
    expect(e.satisfied('k')).toBe(true);
    e.expectDeletions('k', ['ns/a']);
    e.deletionObserved('k', 'ns/other');
    expect(e.satisfied('k')).toBe(false);
    now = 5 * 60 * 1000 + 1;
    expect(e.satisfied('k')).toBe(true);
  });
});
