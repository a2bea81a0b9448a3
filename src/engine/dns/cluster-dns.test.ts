import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { candidates, resolveName } from './cluster-dns.ts';

const service = (name: string, spec: object): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'shop' },
  spec,
});

const services = [
  service('web', { clusterIP: '10.96.1.1' }),
  service('db', { clusterIP: 'None' }),
  service('search', { type: 'ExternalName', externalName: 'www.example.com' }),
];
const slices = [
  {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'db-x', namespace: 'shop', labels: { 'kubernetes.io/service-name': 'db' } },
    endpoints: [
      { addresses: ['10.244.1.5'], hostname: 'db-0', conditions: { ready: true } },
      { addresses: ['10.244.2.5'], hostname: 'db-1', conditions: { ready: false } },
    ],
  } as unknown as KubeObject,
];

describe('cluster DNS', () => {
  it('tries the search path first for short names (ndots:5)', () => {
    expect(candidates('web', 'shop')).toEqual([
      'web.shop.svc.cluster.local',
      'web.svc.cluster.local',
      'web.cluster.local',
      'web',
    ]);
    expect(candidates('web.shop.svc.cluster.local.', 'shop')).toEqual(['web.shop.svc.cluster.local']);
  });

  it('answers cluster IPs, headless endpoints, named endpoints, CNAMEs and NXDOMAIN', () => {
    expect(resolveName('web', 'shop', services, slices)).toMatchObject({
      name: 'web.shop.svc.cluster.local',
      addresses: ['10.96.1.1'],
    });
    expect(resolveName('web.shop', 'default', services, slices)).toMatchObject({
      name: 'web.shop.svc.cluster.local',
      tried: ['web.shop.default.svc.cluster.local', 'web.shop.svc.cluster.local'],
    });
    expect(resolveName('db', 'shop', services, slices).addresses).toEqual(['10.244.1.5']);
    expect(resolveName('db-0.db', 'shop', services, slices).addresses).toEqual(['10.244.1.5']);
    expect(resolveName('db-1.db', 'shop', services, slices).name).toBeUndefined();
    expect(resolveName('search', 'shop', services, slices).cname).toBe('www.example.com');
    expect(resolveName('web', 'default', services, slices).name).toBeUndefined();
  });
});
