import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { deepFreeze } from '../../store/freeze.ts';
import { applyDefaults } from './apply-defaults.ts';

function defaulted(kind: string, fields: Record<string, unknown>, name = 'x'): KubeObject {
  const object: KubeObject = { apiVersion: 'v1', kind, metadata: { name }, ...fields };
  const out = applyDefaults(deepFreeze(object));
  expect(applyDefaults(deepFreeze(out))).toEqual(out);
  return out;
}

describe('Service defaults', () => {
  it('fills type, affinity, protocol, targetPort and traffic policy of a ClusterIP Service', () => {
    const out = defaulted('Service', {
      spec: {
        selector: { app: 'web' },
        ports: [{ port: 80 }, { name: 'metrics', port: 9090, targetPort: 'metrics' }],
      },
    });
    expect(out.spec).toEqual({
      selector: { app: 'web' },
      ports: [
        { port: 80, protocol: 'TCP', targetPort: 80 },
        { name: 'metrics', port: 9090, protocol: 'TCP', targetPort: 'metrics' },
      ],
      sessionAffinity: 'None',
      type: 'ClusterIP',
      internalTrafficPolicy: 'Cluster',
    });
  });

  it('gives externally reachable Services an external traffic policy and LBs node ports', () => {
    const nodePort = defaulted('Service', { spec: { type: 'NodePort', ports: [{ port: 80 }] } })
      .spec as Record<string, unknown>;
    expect(nodePort.externalTrafficPolicy).toBe('Cluster');
    expect(nodePort.allocateLoadBalancerNodePorts).toBeUndefined();
    const lb = defaulted('Service', {
      spec: { type: 'LoadBalancer', ports: [{ port: 80 }] },
      status: { loadBalancer: { ingress: [{ ip: '203.0.113.7' }, { hostname: 'lb.example.com' }] } },
    });
    expect((lb.spec as Record<string, unknown>).allocateLoadBalancerNodePorts).toBe(true);
    expect(lb.status).toEqual({
      loadBalancer: { ingress: [{ ip: '203.0.113.7', ipMode: 'VIP' }, { hostname: 'lb.example.com' }] },
    });
    const withExternalIPs = defaulted('Service', {
      spec: { externalIPs: ['198.51.100.1'], ports: [{ port: 80 }] },
    });
    expect((withExternalIPs.spec as Record<string, unknown>).externalTrafficPolicy).toBe('Cluster');
  });

  it('ExternalName Services get no traffic policies', () => {
    const spec = defaulted('Service', {
      spec: { type: 'ExternalName', externalName: 'db.example.com' },
    }).spec;
    expect(spec).toEqual({ type: 'ExternalName', externalName: 'db.example.com', sessionAffinity: 'None' });
  });

  it('ClientIP affinity gets the three-hour timeout; None drops any config', () => {
    const clientIP = defaulted('Service', { spec: { sessionAffinity: 'ClientIP' } }).spec as Record<
      string,
      unknown
    >;
    expect(clientIP.sessionAffinityConfig).toEqual({ clientIP: { timeoutSeconds: 10800 } });
    const none = defaulted('Service', {
      spec: { sessionAffinityConfig: { clientIP: { timeoutSeconds: 5 } } },
    });
    expect((none.spec as Record<string, unknown>).sessionAffinityConfig).toBeUndefined();
  });
});

describe('other core/v1 defaults', () => {
  it('labels a Namespace with its name', () => {
    const out = defaulted('Namespace', {}, 'team-a');
    expect(out.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'team-a' });
    expect(out.status).toEqual({ phase: 'Active' });
  });

  it('merges Secret stringData into base64 data and defaults the type', () => {
    const out = defaulted('Secret', {
      data: { a: 'eA==', b: 'eQ==' },
      stringData: { b: 'new', c: 'héllo ✓' },
    });
    expect(out.type).toBe('Opaque');
    expect(out.data).toEqual({ a: 'eA==', b: 'bmV3', c: 'aMOpbGxvIOKckw==' });
    expect(out.stringData).toBeUndefined();
  });

  it('defaults PersistentVolumes and claims', () => {
    const pv = defaulted('PersistentVolume', {
      spec: { capacity: { storage: '1Gi' }, hostPath: { path: '/data' } },
    });
    expect(pv.spec).toEqual({
      capacity: { storage: '1Gi' },
      hostPath: { path: '/data', type: '' },
      persistentVolumeReclaimPolicy: 'Retain',
      volumeMode: 'Filesystem',
    });
    expect(pv.status).toEqual({ phase: 'Pending' });
    const pvc = defaulted('PersistentVolumeClaim', { spec: { resources: { requests: { storage: '1Gi' } } } });
    expect(pvc.spec).toEqual({ resources: { requests: { storage: '1Gi' } }, volumeMode: 'Filesystem' });
    expect(pvc.status).toEqual({ phase: 'Pending' });
  });

  it('copies node capacity into allocatable when missing', () => {
    const out = defaulted('Node', { status: { capacity: { cpu: '2', pods: '110' } } });
    expect(out.status).toEqual({
      capacity: { cpu: '2', pods: '110' },
      allocatable: { cpu: '2', pods: '110' },
    });
  });

  it('fills LimitRange container defaults from max and min', () => {
    const out = defaulted('LimitRange', {
      spec: {
        limits: [
          {
            type: 'Container',
            max: { cpu: '2', memory: '1Gi' },
            min: { cpu: '100m' },
            default: { memory: '512Mi' },
          },
          { type: 'Pod', max: { cpu: '4' } },
        ],
      },
    });
    expect(out.spec).toEqual({
      limits: [
        {
          type: 'Container',
          max: { cpu: '2', memory: '1Gi' },
          min: { cpu: '100m' },
          default: { memory: '512Mi', cpu: '2' },
          defaultRequest: { memory: '512Mi', cpu: '2' },
        },
        { type: 'Pod', max: { cpu: '4' } },
      ],
    });
  });

  it('defaults ReplicationController selector, labels and replicas from its template', () => {
    const out = defaulted('ReplicationController', {
      spec: { template: { metadata: { labels: { app: 'rc' } }, spec: { containers: [] } } },
    });
    expect(out.metadata.labels).toEqual({ app: 'rc' });
    const spec = out.spec as Record<string, unknown>;
    expect(spec.selector).toEqual({ app: 'rc' });
    expect(spec.replicas).toBe(1);
  });

  it('defaults Endpoints port protocols and leaves kinds without defaults unchanged', () => {
    const ep = defaulted('Endpoints', {
      subsets: [{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80 }] }],
    });
    expect(ep.subsets).toEqual([{ addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80, protocol: 'TCP' }] }]);
    const cm = defaulted('ConfigMap', { data: { k: 'v' } });
    expect(cm).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { k: 'v' } });
  });
});
