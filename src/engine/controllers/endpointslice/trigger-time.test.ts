import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { computeTriggerTime, formatRFC3339Nano, TriggerTimeTracker } from './trigger-time.ts';

const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z' },
};

const pod = (name: string, readySince?: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  status: {
    conditions: [
      { type: 'PodScheduled', status: 'True', lastTransitionTime: '2025-01-01T00:00:01Z' },
      ...(readySince ? [{ type: 'Ready', status: 'True', lastTransitionTime: readySince }] : []),
    ],
  },
});

describe('last-change trigger time', () => {
  it('is the Service creation the first time, then the earliest change since the previous sync', () => {
    const tracker = new TriggerTimeTracker();
    // A pod without a Ready condition has no trigger time of its own.
    expect(tracker.compute(service, [pod('a')])).toBe('2025-01-01T00:00:00Z');
    expect(tracker.compute(service, [pod('a')])).toBeUndefined();
    expect(
      tracker.compute(service, [pod('a', '2025-01-01T00:00:07Z'), pod('b', '2025-01-01T00:00:04Z')]),
    ).toBe('2025-01-01T00:00:04Z');
    // Only pod a moved since.
    expect(
      tracker.compute(service, [pod('a', '2025-01-01T00:00:20Z'), pod('b', '2025-01-01T00:00:04Z')]),
    ).toBe('2025-01-01T00:00:20Z');
    expect(
      tracker.compute(service, [pod('a', '2025-01-01T00:00:20Z'), pod('b', '2025-01-01T00:00:04Z')]),
    ).toBeUndefined();
    // A pod gone and back with the same time counts as changed: the state only keeps the last sync's pods.
    tracker.compute(service, [pod('a', '2025-01-01T00:00:20Z')]);
    expect(
      tracker.compute(service, [pod('a', '2025-01-01T00:00:20Z'), pod('b', '2025-01-01T00:00:04Z')]),
    ).toBe('2025-01-01T00:00:04Z');
  });

  it('starts over for a Service it was told is deleted', () => {
    const tracker = new TriggerTimeTracker();
    tracker.compute(service, []);
    expect(tracker.compute(service, [])).toBeUndefined();
    tracker.deleteService('default', 'web');
    expect(tracker.compute(service, [])).toBe('2025-01-01T00:00:00Z');
  });

  it('keeps per-Service state and is pure underneath', () => {
    const first = computeTriggerTime(undefined, service, [pod('a', '2025-01-01T00:00:09Z')]);
    expect(first.time).toBe(Date.parse('2025-01-01T00:00:00Z'));
    expect([...first.state.pods]).toEqual([['a', Date.parse('2025-01-01T00:00:09Z')]]);
    expect(computeTriggerTime(first.state, service, [pod('a', '2025-01-01T00:00:09Z')]).time).toBeUndefined();
  });

  it('formats as Go formats time.RFC3339Nano in UTC', () => {
    expect(formatRFC3339Nano(Date.parse('2025-01-01T00:00:05Z'))).toBe('2025-01-01T00:00:05Z');
    expect(formatRFC3339Nano(Date.parse('2025-01-01T00:00:05.120Z'))).toBe('2025-01-01T00:00:05.12Z');
    expect(formatRFC3339Nano(Date.parse('2025-01-01T00:00:05.007Z'))).toBe('2025-01-01T00:00:05.007Z');
  });
});
