import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import type { AdmissionOperation } from '../pipeline.ts';
import { admitMutating } from './admission-chain.ts';
import type { AdmissionPlugin } from './admission-types.ts';
import { defaultIngressClass, defaultStorageClass } from './default-classes.ts';
import { defaultTolerationSeconds } from './default-toleration-seconds.ts';
import { limitRanger } from './limit-ranger.ts';
import { lookupFromObjects } from './object-lookup.ts';
import { storageObjectInUseProtection } from './storage-object-in-use-protection.ts';
import { taintNodesByCondition } from './taint-nodes-by-condition.ts';

function run(
  plugin: AdmissionPlugin,
  object: KubeObject,
  objects: KubeObject[] = [],
  operation: AdmissionOperation = 'CREATE',
) {
  return admitMutating(
    object,
    {
      operation,
      oldObject: undefined,
      namespace: object.metadata.namespace,
      lookup: lookupFromObjects(objects),
      randomSuffix: () => 'x7k2q',
    },
    [plugin],
  ) as KubeObject;
}

const pod = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec,
});

describe('DefaultTolerationSeconds', () => {
  const notReady = {
    key: 'node.kubernetes.io/not-ready',
    operator: 'Exists',
    effect: 'NoExecute',
    tolerationSeconds: 300,
  };
  const unreachable = { ...notReady, key: 'node.kubernetes.io/unreachable' };

  it('adds both NoExecute tolerations for 300 seconds', () => {
    expect(run(defaultTolerationSeconds, pod({})).spec).toEqual({ tolerations: [notReady, unreachable] });
  });

  it('adds only what is not already tolerated', () => {
    const own = {
      key: 'node.kubernetes.io/unreachable',
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: 6000,
    };
    expect(run(defaultTolerationSeconds, pod({ tolerations: [own] })).spec).toEqual({
      tolerations: [own, notReady],
    });
    const everything = { operator: 'Exists' };
    expect(run(defaultTolerationSeconds, pod({ tolerations: [everything] })).spec).toEqual({
      tolerations: [everything],
    });
    const noSchedule = { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' };
    expect(run(defaultTolerationSeconds, pod({ tolerations: [noSchedule] })).spec).toEqual({
      tolerations: [noSchedule, notReady, unreachable],
    });
  });
});

describe('LimitRanger defaults', () => {
  const limitRange: KubeObject = {
    apiVersion: 'v1',
    kind: 'LimitRange',
    metadata: { name: 'defaults', namespace: 'default' },
    spec: {
      limits: [
        {
          type: 'Container',
          default: { cpu: '500m', memory: '256Mi' },
          defaultRequest: { cpu: '100m', memory: '256Mi' },
        },
      ],
    },
  };

  it('fills missing requests and limits and records what it set', () => {
    const out = run(
      limitRanger,
      pod({
        containers: [{ name: 'app', resources: { limits: { memory: '1Gi' }, requests: { memory: '1Gi' } } }],
        initContainers: [{ name: 'init' }],
      }),
      [limitRange],
    );
    const spec = out.spec as {
      containers: { resources: unknown }[];
      initContainers: { resources: unknown }[];
    };
    expect(spec.containers[0]!.resources).toEqual({
      limits: { memory: '1Gi', cpu: '500m' },
      requests: { memory: '1Gi', cpu: '100m' },
    });
    expect(spec.initContainers[0]!.resources).toEqual({
      limits: { cpu: '500m', memory: '256Mi' },
      requests: { cpu: '100m', memory: '256Mi' },
    });
    expect(out.metadata.annotations).toEqual({
      'kubernetes.io/limit-ranger':
        'LimitRanger plugin set: cpu request for container app; cpu limit for container app; cpu, memory request for init container init; cpu, memory limit for init container init',
    });
  });

  it('changes nothing without a LimitRange or on update', () => {
    expect(run(limitRanger, pod({ containers: [{ name: 'a' }] })).metadata.annotations).toBeUndefined();
    const updated = run(limitRanger, pod({ containers: [{ name: 'a' }] }), [limitRange], 'UPDATE');
    expect(updated.spec).toEqual({ containers: [{ name: 'a' }] });
  });
});

describe('storage, node and ingress plugins', () => {
  const storageClass = (name: string, created: string, isDefault: boolean): KubeObject => ({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name,
      creationTimestamp: created,
      annotations: isDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {},
    },
  });
  const pvc = (spec: Record<string, unknown>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'default' },
    spec,
  });

  it('DefaultStorageClass picks the newest default class for claims without one', () => {
    const classes = [
      storageClass('old', '2024-01-01T00:00:00Z', true),
      storageClass('new', '2025-01-01T00:00:00Z', true),
      storageClass('fast', '2026-01-01T00:00:00Z', false),
    ];
    expect(run(defaultStorageClass, pvc({}), classes).spec).toEqual({ storageClassName: 'new' });
    expect(run(defaultStorageClass, pvc({ storageClassName: '' }), classes).spec).toEqual({
      storageClassName: '',
    });
    expect(run(defaultStorageClass, pvc({}), []).spec).toEqual({});
  });

  it('StorageObjectInUseProtection adds the protection finalizers once', () => {
    expect(run(storageObjectInUseProtection, pvc({})).metadata.finalizers).toEqual([
      'kubernetes.io/pvc-protection',
    ]);
    const pv: KubeObject = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pv1', finalizers: ['x'] },
    };
    expect(run(storageObjectInUseProtection, pv).metadata.finalizers).toEqual([
      'x',
      'kubernetes.io/pv-protection',
    ]);
    const protectedPv = { ...pv, metadata: { name: 'pv1', finalizers: ['kubernetes.io/pv-protection'] } };
    expect(run(storageObjectInUseProtection, protectedPv).metadata.finalizers).toEqual([
      'kubernetes.io/pv-protection',
    ]);
  });

  it('TaintNodesByCondition registers nodes as not ready for scheduling', () => {
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } };
    expect(run(taintNodesByCondition, node).spec).toEqual({
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoSchedule' }],
    });
  });

  it('DefaultIngressClass fills the default class unless one is named', () => {
    const cls: KubeObject = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx', annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
    };
    const ingress = (extra: Record<string, unknown>): KubeObject => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: { name: 'web', namespace: 'default' },
      spec: { ...extra },
    });
    expect(run(defaultIngressClass, ingress({}), [cls]).spec).toEqual({ ingressClassName: 'nginx' });
    expect(run(defaultIngressClass, ingress({ ingressClassName: 'traefik' }), [cls]).spec).toEqual({
      ingressClassName: 'traefik',
    });
  });
});
