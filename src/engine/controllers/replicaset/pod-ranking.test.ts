import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { getPodsToDelete } from './pod-ranking.ts';

const NOW = 1_735_732_800_000;
const at = (minutesAgo: number) => formatTimestamp(NOW - minutesAgo * 60_000);

function pod(
  name: string,
  o: {
    node?: string;
    phase?: string;
    readyMinutesAgo?: number;
    restarts?: number;
    createdMinutesAgo?: number;
    cost?: string;
  } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      uid: `uid-${name}`,
      creationTimestamp: at(o.createdMinutesAgo ?? 60),
      ...(o.cost ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
    },
    spec: o.node ? { nodeName: o.node } : {},
    status: {
      phase: o.phase ?? 'Running',
      ...(o.readyMinutesAgo !== undefined
        ? { conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: at(o.readyMinutesAgo) }] }
        : {}),
      containerStatuses: [{ restartCount: o.restarts ?? 0 }],
    },
  };
}

const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);

describe('getPodsToDelete', () => {
  it('ranks unscheduled < pending < unknown < running < ready', () => {
    const pods = [
      pod('ready', { node: 'n1', readyMinutesAgo: 30 }),
      pod('running', { node: 'n1' }),
      pod('unknown', { node: 'n1', phase: 'Unknown' }),
      pod('pending', { node: 'n1', phase: 'Pending' }),
      pod('unscheduled', { phase: 'Pending' }),
    ];
    expect(names(getPodsToDelete(pods, pods, 4, NOW))).toEqual([
      'unscheduled',
      'pending',
      'unknown',
      'running',
    ]);
  });

  it('prefers a lower deletion cost, then doubled-up nodes', () => {
    const pods = [
      pod('alone', { node: 'n1', readyMinutesAgo: 30 }),
      pod('crowded', { node: 'n2', readyMinutesAgo: 30 }),
      pod('cheap', { node: 'n1', readyMinutesAgo: 30, cost: '-5' }),
    ];
    const related = [...pods, pod('sibling1', { node: 'n2' }), pod('sibling2', { node: 'n2' })];
    expect(names(getPodsToDelete(pods, related, 2, NOW))).toEqual(['cheap', 'crowded']);
  });

  it('prefers pods ready for less time (log buckets), then more restarts, then newer', () => {
    const pods = [
      pod('old-ready', { node: 'n1', readyMinutesAgo: 600 }),
      pod('new-ready', { node: 'n2', readyMinutesAgo: 1 }),
    ];
    expect(names(getPodsToDelete(pods, [], 1, NOW))).toEqual(['new-ready']);
    const same = [
      pod('calm', { node: 'n1', readyMinutesAgo: 30 }),
      pod('flappy', { node: 'n2', readyMinutesAgo: 30, restarts: 4 }),
    ];
    expect(names(getPodsToDelete(same, [], 1, NOW))).toEqual(['flappy']);
    const ages = [
      pod('older', { node: 'n1', createdMinutesAgo: 600 }),
      pod('newer', { node: 'n2', createdMinutesAgo: 1 }),
    ];
    expect(names(getPodsToDelete(ages, [], 1, NOW))).toEqual(['newer']);
  });

  it('does not sort when every pod goes', () => {
    const pods = [pod('b', { node: 'n1', readyMinutesAgo: 3 }), pod('a', { phase: 'Pending' })];
    expect(names(getPodsToDelete(pods, pods, 2, NOW))).toEqual(['b', 'a']);
  });
});
