import { describe, expect, it } from 'vitest';
import { findResource } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { prepareForCreate, prepareForUpdate } from './strategy.ts';

const endpointSlices = findResource('discovery.k8s.io', 'v1', 'endpointslices')!;

const stored: KubeObject = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: {
    name: 'web-abcde',
    namespace: 'default',
    generation: 3,
    labels: { 'kubernetes.io/service-name': 'web' },
    annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:00Z' },
  },
  addressType: 'IPv4',
  endpoints: [{ addresses: ['10.244.1.2'], conditions: { ready: true } }],
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
};

const updated = (change: (o: KubeObject & Record<string, unknown>) => void): number | undefined => {
  const next = structuredClone(stored) as KubeObject & Record<string, unknown>;
  change(next);
  return prepareForUpdate(endpointSlices, next, stored).metadata.generation;
};

describe('EndpointSlice generation', () => {
  it('starts at 1', () => {
    expect(prepareForCreate(endpointSlices, { ...stored, metadata: { name: 'x' } }).metadata.generation).toBe(
      1,
    );
  });

  it('moves when the endpoints, ports, address type or labels change', () => {
    expect(updated((o) => (o.endpoints = []))).toBe(4);
    expect(
      updated((o) => ((o.endpoints as { conditions: object }[])[0]!.conditions = { ready: false })),
    ).toBe(4);
    expect(updated((o) => (o.ports = [{ name: 'http', port: 9090, protocol: 'TCP' }]))).toBe(4);
    expect(updated((o) => (o.addressType = 'IPv6'))).toBe(4);
    expect(updated((o) => (o.metadata.labels = { ...o.metadata.labels, tier: 'front' }))).toBe(4);
  });

  it('stays for other metadata, a client-sent generation, and empty lists written as none', () => {
    expect(updated(() => undefined)).toBe(3);
    expect(updated((o) => (o.metadata.annotations = {}))).toBe(3);
    expect(
      updated(
        (o) => (o.metadata.ownerReferences = [{ apiVersion: 'v1', kind: 'Service', name: 'web', uid: 'u' }]),
      ),
    ).toBe(3);
    expect(updated((o) => (o.metadata.generation = 10))).toBe(3);
    const empty = { ...stored, endpoints: [], ports: [] } as KubeObject;
    const none = { ...stored, endpoints: null, ports: undefined } as unknown as KubeObject;
    expect(prepareForUpdate(endpointSlices, none, empty).metadata.generation).toBe(3);
  });
});

describe('DaemonSet template generation', () => {
  const daemonSets = findResource('apps', 'v1', 'daemonsets')!;
  const ds = (image: string, annotations?: Record<string, string>): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', ...(annotations ? { annotations } : {}) },
    spec: { template: { spec: { containers: [{ name: 'a', image }] } }, minReadySeconds: 0 },
  });
  const generationOf = (o: KubeObject) =>
    o.metadata.annotations?.['deprecated.daemonset.template.generation'];

  it('starts at 1 and moves only with the pod template, whatever the update asks', () => {
    const created = prepareForCreate(daemonSets, ds('v1', { team: 'x' }));
    expect(created.metadata.annotations).toEqual({
      team: 'x',
      'deprecated.daemonset.template.generation': '1',
    });
    const sameTemplate = ds('v1', { 'deprecated.daemonset.template.generation': '7' });
    (sameTemplate.spec as { minReadySeconds: number }).minReadySeconds = 5;
    const other = prepareForUpdate(daemonSets, sameTemplate, created);
    expect([generationOf(other), other.metadata.generation]).toEqual(['1', 2]);
    const rolled = prepareForUpdate(daemonSets, ds('v2'), other);
    expect([generationOf(rolled), rolled.metadata.generation]).toEqual(['2', 3]);
  });
});
