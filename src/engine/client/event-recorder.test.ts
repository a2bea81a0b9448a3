import { describe, expect, it } from 'vitest';
import { Cluster, resourceOf } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import { EventRecorder } from './event-recorder.ts';

describe('EventRecorder', () => {
  it('creates an Event and counts repeats instead of duplicating them', () => {
    const cluster = new Cluster(defaultParts(), { seed: 1, workers: 0 });
    const api = cluster.client('controller-manager/test');
    const cm = api.create(resourceOf('ConfigMap'), {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'subject', namespace: 'default' },
    });
    const recorder = new EventRecorder(api, { component: 'test-controller' }, () => cluster.clock.now());
    recorder.event(cm, 'Normal', 'Synced', 'all good');
    cluster.advance(5000);
    recorder.event(cm, 'Normal', 'Synced', 'all good');
    recorder.event(cm, 'Warning', 'Failed', 'oops');
    const events = api.list(resourceOf('Event'), 'default').items as unknown as {
      reason: string;
      count: number;
      type: string;
      firstTimestamp: string;
      lastTimestamp: string;
      involvedObject: { kind: string; name: string; uid: string };
      source: { component: string };
    }[];
    expect(events.map((e) => [e.reason, e.type, e.count])).toEqual([
      ['Synced', 'Normal', 2],
      ['Failed', 'Warning', 1],
    ]);
    expect(events[0]!.firstTimestamp).toBe('2025-01-01T00:00:00Z');
    expect(events[0]!.lastTimestamp).toBe('2025-01-01T00:00:05Z');
    expect(events[0]!.involvedObject).toMatchObject({
      kind: 'ConfigMap',
      name: 'subject',
      uid: cm.metadata.uid,
    });
    expect(events[0]!.source.component).toBe('test-controller');
  });
});
