import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { desiredEndpoints, planEndpoints } from './endpoints-plan.ts';

const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels: { app: 'web' } },
  spec: {
    selector: { app: 'web' },
    clusterIP: '10.96.10.10',
    ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 80 }],
  },
};

const pod = (name: string, ip: string, ready: boolean, deleting = false): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    uid: `${name}-uid`,
    ...(deleting ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}),
  },
  spec: { nodeName: 'kubesim-worker', containers: [{ name: 'web' }] },
  status: { phase: 'Running', podIP: ip, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

describe('Endpoints planning', () => {
  it('puts ready pods under addresses and the rest under notReadyAddresses, in IP order, without terminating pods', () => {
    const endpoints = desiredEndpoints(service, [
      pod('a', '10.244.2.10', true),
      pod('b', '10.244.10.2', true),
      pod('c', '10.244.1.5', false),
      pod('d', '10.244.1.6', true, true),
    ]) as KubeObject & {
      subsets: { addresses: { ip: string }[]; notReadyAddresses: { ip: string }[]; ports: unknown }[];
    };
    expect(endpoints.metadata.labels).toEqual({
      app: 'web',
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
    });
    expect(endpoints.subsets).toHaveLength(1);
    expect(endpoints.subsets[0]!.addresses.map((a) => a.ip)).toEqual(['10.244.2.10', '10.244.10.2']);
    expect(endpoints.subsets[0]!.notReadyAddresses.map((a) => a.ip)).toEqual(['10.244.1.5']);
    expect(endpoints.subsets[0]!.ports).toEqual([{ name: 'http', port: 80, protocol: 'TCP' }]);
    expect(endpoints.subsets[0]!.addresses[0]).toEqual({
      ip: '10.244.2.10',
      nodeName: 'kubesim-worker',
      targetRef: { kind: 'Pod', namespace: 'default', name: 'a', uid: 'a-uid' },
    });
  });

  it('creates, then leaves alone, then updates', () => {
    const desired = desiredEndpoints(service, [pod('a', '10.244.1.2', true)]);
    expect(planEndpoints(undefined, desired)).toEqual({ create: desired });
    const stored = { ...desired, metadata: { ...desired.metadata, resourceVersion: '5' } };
    expect(planEndpoints(stored, desired)).toBeUndefined();
    const none = desiredEndpoints(service, []);
    expect(none).not.toHaveProperty('subsets');
    expect(planEndpoints(stored, none)).toEqual({ update: { ...stored, subsets: undefined } });
  });

  it('stamps the trigger time on a write, clears it when the sync has none, and writes nothing for it alone', () => {
    const at = { 'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:03Z' };
    const desired = desiredEndpoints(service, [pod('a', '10.244.1.2', true)]);
    const created = planEndpoints(undefined, desired, '2025-01-01T00:00:03Z') as { create: KubeObject };
    expect(created.create.metadata.annotations).toEqual(at);
    const stored = { ...created.create, metadata: { ...created.create.metadata, resourceVersion: '5' } };
    // Same subsets and labels: no write, whatever the trigger time.
    expect(planEndpoints(stored, desired, '2025-01-01T00:00:09Z')).toBeUndefined();
    expect(planEndpoints(stored, desired)).toBeUndefined();
    const more = desiredEndpoints(service, [pod('a', '10.244.1.2', true), pod('b', '10.244.1.3', true)]);
    const updated = planEndpoints(stored, more, '2025-01-01T00:00:09Z') as { update: KubeObject };
    expect(updated.update.metadata.annotations).toEqual({
      'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:09Z',
    });
    const cleared = planEndpoints(stored, more) as { update: KubeObject };
    expect(cleared.update.metadata).not.toHaveProperty('annotations');
    const otherAnnotation = {
      ...stored,
      metadata: { ...stored.metadata, annotations: { ...at, note: 'kept' } },
    };
    expect(
      (planEndpoints(otherAnnotation, more) as { update: KubeObject }).update.metadata.annotations,
    ).toEqual({
      note: 'kept',
    });
  });

  it('compares labels and subsets whatever order the stored keys come back in', () => {
    const desired = desiredEndpoints(service, [pod('a', '10.244.1.2', true)]);
    const reversed = (o: object) => Object.fromEntries(Object.entries(o).reverse());
    const stored = {
      ...desired,
      metadata: {
        ...desired.metadata,
        labels: reversed(desired.metadata.labels ?? {}),
        resourceVersion: '5',
      },
      subsets: (desired as unknown as { subsets: object[] }).subsets.map(reversed),
    } as KubeObject;
    expect(planEndpoints(stored, desired, '2025-01-01T00:00:09Z')).toBeUndefined();
  });
});
