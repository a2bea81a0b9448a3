import { describe, expect, it } from 'vitest';
import * as c from '../testdata/cluster.ts';
import { NOW } from '../testdata/meta.ts';
import { eventPrinter } from './event.ts';

const ctx = { now: NOW };

describe('event rows', () => {
  it('core/v1: last seen, object kind/name, wide source, first seen, count, name', () => {
    expect(eventPrinter.row(c.event, ctx)).toEqual([
      '15s', 'Warning', 'BackOff', 'pod/web-7c5ddbdf54-x8k2p', 'spec.containers{nginx}', 'kubelet, worker-1',
      'Back-off restarting failed container nginx in pod web-7c5ddbdf54-x8k2p_default(uid-web)', '10m', 12,
      'web-7c5ddbdf54-x8k2p.17f1a2b3c4d5e6f7',
    ]); // prettier-ignore
  });

  it('events.k8s.io/v1: eventTime, reporting controller, count 1, trimmed note', () => {
    expect(eventPrinter.row(c.newApiEvent, ctx)).toEqual([
      '39s', 'Normal', 'ScalingReplicaSet', 'deployment/web', '', 'deployment-controller',
      'Scaled up replica set web-7c5ddbdf54 from 0 to 3', '39s', 1, 'web.17f1a2b3c4d5e6f8',
    ]); // prettier-ignore
  });

  it('takes last seen and count from a series', () => {
    const series = {
      ...c.newApiEvent,
      series: { count: 4, lastObservedTime: '2025-01-01T11:59:55.000000Z' },
    };
    const cells = eventPrinter.row(series, ctx);
    expect([cells[0], cells[8]]).toEqual(['5s', 4]);
  });

  it('starts with LAST SEEN and has no AGE column', () => {
    expect(eventPrinter.columns.map((col) => `${col.name}:${col.priority}`)).toEqual([
      'Last Seen:0', 'Type:0', 'Reason:0', 'Object:0', 'Subobject:1', 'Source:1', 'Message:0', 'First Seen:1', 'Count:1', 'Name:1',
    ]); // prettier-ignore
  });
});
