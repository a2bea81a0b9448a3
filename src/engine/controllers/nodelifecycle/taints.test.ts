import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { planPodNotReady } from './pod-readiness.ts';
import { addOrUpdateTaints, removeTaints, zoneKey, type Taint } from './taints.ts';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const controlPlane: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

describe('taint list edits', () => {
  it('adds a taint at the end, replaces one with the same key and effect, and reports no-ops', () => {
    const stamped = { ...unreachable, timeAdded: '2025-01-01T00:01:00Z' };
    expect(addOrUpdateTaints([controlPlane], [stamped])).toEqual([controlPlane, stamped]);
    expect(addOrUpdateTaints([controlPlane, stamped], [stamped])).toBeUndefined();
    const later = { ...unreachable, timeAdded: '2025-01-01T00:02:00Z' };
    expect(addOrUpdateTaints([stamped, controlPlane], [later])).toEqual([later, controlPlane]);
  });

  it('removes by key and effect, and reports when nothing was there', () => {
    expect(removeTaints([controlPlane, { ...unreachable, timeAdded: 'x' }], [unreachable])).toEqual([
      controlPlane,
    ]);
    expect(removeTaints([controlPlane], [unreachable])).toBeUndefined();
    expect(removeTaints([controlPlane], [{ ...controlPlane, effect: 'NoExecute' }])).toBeUndefined();
  });

  it('keys zones by region and zone labels', () => {
    const node = (labels: Record<string, string>): KubeObject => ({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n', labels },
    });
    expect(zoneKey(node({}))).toBe('');
    expect(
      zoneKey(node({ 'topology.kubernetes.io/region': 'eu', 'topology.kubernetes.io/zone': 'eu-1a' })),
    ).toBe('eu:\u0000:eu-1a');
  });
});

describe('planPodNotReady', () => {
  const pod = (ready: string | undefined): KubeObject => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'web', namespace: 'default' },
    status: {
      phase: 'Running',
      conditions: [
        {
          type: 'PodScheduled',
          status: 'True',
          lastProbeTime: null,
          lastTransitionTime: '2025-01-01T00:00:00Z',
        },
        ...(ready
          ? [
              {
                type: 'Ready',
                status: ready,
                lastProbeTime: null,
                lastTransitionTime: '2025-01-01T00:00:00Z',
              },
            ]
          : []),
      ],
    },
  });

  it('turns Ready False with a new transition time and leaves the rest alone', () => {
    const updated = planPodNotReady(pod('True'), parseTimestamp('2025-01-01T00:01:00Z'));
    expect((updated?.status as { conditions: unknown[] }).conditions).toEqual([
      {
        type: 'PodScheduled',
        status: 'True',
        lastProbeTime: null,
        lastTransitionTime: '2025-01-01T00:00:00Z',
      },
      { type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: '2025-01-01T00:01:00Z' },
    ]);
  });

  it('writes nothing for a pod already not ready, or without a Ready condition', () => {
    expect(planPodNotReady(pod('False'), 0)).toBeUndefined();
    expect(planPodNotReady(pod(undefined), 0)).toBeUndefined();
  });
});
