import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { deepFreeze } from '../../store/freeze.ts';
import { applyDefaults } from '../defaults/apply-defaults.ts';
import {
  admit,
  admitMutating,
  admitValidating,
  builtinAdmissionPlugins,
  isAdmissionError,
} from './admission-chain.ts';
import { lookupFromObjects } from './object-lookup.ts';

const cluster: KubeObject[] = [
  { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' }, status: { phase: 'Active' } },
  { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'default' } },
];

const attributes = (namespace: string) => ({
  operation: 'CREATE' as const,
  oldObject: undefined,
  namespace,
  lookup: lookupFromObjects(cluster),
  randomSuffix: () => 'x7k2q',
});

const pod = (
  namespace: string,
  spec: Record<string, unknown> = { containers: [{ name: 'nginx', image: 'nginx' }] },
) => deepFreeze<KubeObject>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'nginx', namespace }, spec });

describe('built-in admission chain', () => {
  it('runs the plugins in kube-apiserver order', () => {
    expect(builtinAdmissionPlugins.map((p) => p.name)).toEqual([
      'NamespaceLifecycle',
      'LimitRanger',
      'ServiceAccount',
      'TaintNodesByCondition',
      'Priority',
      'DefaultTolerationSeconds',
      'DefaultStorageClass',
      'StorageObjectInUseProtection',
      'DefaultIngressClass',
    ]);
  });

  it('admits a defaulted pod with the fields a real API server adds', () => {
    const out = admit(applyDefaults(pod('default')), attributes('default'));
    expect(isAdmissionError(out)).toBe(false);
    const spec = (out as KubeObject).spec as Record<string, unknown>;
    expect(spec.serviceAccountName).toBe('default');
    expect(spec.serviceAccount).toBe('default');
    expect(spec.priority).toBe(0);
    expect(spec.preemptionPolicy).toBe('PreemptLowerPriority');
    expect(spec.tolerations).toEqual([
      {
        key: 'node.kubernetes.io/not-ready',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
      {
        key: 'node.kubernetes.io/unreachable',
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: 300,
      },
    ]);
    expect((spec.volumes as { name: string }[]).map((v) => v.name)).toEqual(['kube-api-access-x7k2q']);
  });

  it('reports the missing namespace before the missing service account', () => {
    expect(admit(pod('ghost'), attributes('ghost'))).toMatchObject({
      reason: 'NotFound',
      message: 'namespaces "ghost" not found',
    });
  });

  it('keeps the input untouched and passes unknown kinds through', () => {
    const input = pod('default');
    const snapshot = JSON.stringify(input);
    admitMutating(input, attributes('default'));
    expect(JSON.stringify(input)).toBe(snapshot);
    const custom: KubeObject = { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } };
    expect(admit(custom, attributes('default'))).toBe(custom);
  });

  it('validates without mutating', () => {
    const noAccount = pod('default', { serviceAccountName: 'missing', containers: [] });
    expect(admitValidating(noAccount, attributes('default'))).toMatchObject({
      message:
        'pods "nginx" is forbidden: error looking up service account default/missing: serviceaccount "missing" not found',
    });
  });
});
