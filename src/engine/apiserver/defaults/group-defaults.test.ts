import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { deepFreeze } from '../../store/freeze.ts';
import { applyDefaults } from './apply-defaults.ts';

function defaulted(apiVersion: string, kind: string, fields: Record<string, unknown>): KubeObject {
  const object: KubeObject = { apiVersion, kind, metadata: { name: 'x' }, ...fields };
  const out = applyDefaults(deepFreeze(object));
  expect(applyDefaults(deepFreeze(out))).toEqual(out);
  return out;
}

describe('HorizontalPodAutoscaler defaults', () => {
  it('adds minReplicas and the 80% CPU target when no metric is given', () => {
    const out = defaulted('autoscaling/v2', 'HorizontalPodAutoscaler', {
      spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, maxReplicas: 5 },
    });
    expect(out.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      maxReplicas: 5,
      minReplicas: 1,
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } },
        },
      ],
    });
  });

  it('completes a partly given behavior and leaves an absent one absent', () => {
    const out = defaulted('autoscaling/v2', 'HorizontalPodAutoscaler', {
      spec: { maxReplicas: 5, behavior: { scaleDown: { stabilizationWindowSeconds: 60 } } },
    });
    expect((out.spec as Record<string, unknown>).behavior).toEqual({
      scaleUp: {
        stabilizationWindowSeconds: 0,
        selectPolicy: 'Max',
        policies: [
          { type: 'Pods', value: 4, periodSeconds: 15 },
          { type: 'Percent', value: 100, periodSeconds: 15 },
        ],
      },
      scaleDown: {
        stabilizationWindowSeconds: 60,
        selectPolicy: 'Max',
        policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
      },
    });
    const plain = defaulted('autoscaling/v2', 'HorizontalPodAutoscaler', { spec: { maxReplicas: 5 } });
    expect((plain.spec as Record<string, unknown>).behavior).toBeUndefined();
  });
});

describe('networking, storage, RBAC, scheduling and discovery defaults', () => {
  it('NetworkPolicy implies Ingress, adds Egress when egress rules exist, and defaults port protocols', () => {
    const ingressOnly = defaulted('networking.k8s.io/v1', 'NetworkPolicy', { spec: {} });
    expect(ingressOnly.spec).toEqual({ podSelector: {}, policyTypes: ['Ingress'] });
    const both = defaulted('networking.k8s.io/v1', 'NetworkPolicy', {
      spec: { podSelector: { matchLabels: { a: 'b' } }, egress: [{ ports: [{ port: 53 }] }] },
    });
    expect(both.spec).toEqual({
      podSelector: { matchLabels: { a: 'b' } },
      egress: [{ ports: [{ port: 53, protocol: 'TCP' }] }],
      policyTypes: ['Ingress', 'Egress'],
    });
  });

  it('IngressClass parameters default to cluster scope', () => {
    const out = defaulted('networking.k8s.io/v1', 'IngressClass', {
      spec: { controller: 'example.com/ingress', parameters: { kind: 'Params', name: 'p' } },
    });
    expect((out.spec as { parameters: unknown }).parameters).toEqual({
      kind: 'Params',
      name: 'p',
      scope: 'Cluster',
    });
  });

  it('StorageClass and CSIDriver defaults', () => {
    const sc = defaulted('storage.k8s.io/v1', 'StorageClass', { provisioner: 'rancher.io/local-path' });
    expect([sc.reclaimPolicy, sc.volumeBindingMode]).toEqual(['Delete', 'Immediate']);
    const driver = defaulted('storage.k8s.io/v1', 'CSIDriver', { spec: {} });
    expect(driver.spec).toEqual({
      attachRequired: true,
      podInfoOnMount: false,
      storageCapacity: false,
      fsGroupPolicy: 'ReadWriteOnceWithFSType',
      volumeLifecycleModes: ['Persistent'],
      requiresRepublish: false,
      seLinuxMount: false,
    });
  });

  it('RoleBinding role and user/group subjects get the RBAC group, service accounts none', () => {
    const out = defaulted('rbac.authorization.k8s.io/v1', 'RoleBinding', {
      roleRef: { kind: 'Role', name: 'reader' },
      subjects: [
        { kind: 'User', name: 'jane' },
        { kind: 'ServiceAccount', name: 'bot', namespace: 'default', apiGroup: '' },
        { kind: 'Group', name: 'devs', apiGroup: 'example.com' },
      ],
    });
    expect(out.roleRef).toEqual({ kind: 'Role', name: 'reader', apiGroup: 'rbac.authorization.k8s.io' });
    expect(out.subjects).toEqual([
      { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'ServiceAccount', name: 'bot', namespace: 'default' },
      { kind: 'Group', name: 'devs', apiGroup: 'example.com' },
    ]);
  });

  it('PriorityClass preempts lower priorities by default; EndpointSlice ports get name and protocol', () => {
    const pc = defaulted('scheduling.k8s.io/v1', 'PriorityClass', { value: 1000 });
    expect(pc.preemptionPolicy).toBe('PreemptLowerPriority');
    const slice = defaulted('discovery.k8s.io/v1', 'EndpointSlice', {
      addressType: 'IPv4',
      ports: [{ port: 80 }],
    });
    expect(slice.ports).toEqual([{ port: 80, name: '', protocol: 'TCP' }]);
  });
});
