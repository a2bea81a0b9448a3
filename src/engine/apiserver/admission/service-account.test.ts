import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { deepFreeze } from '../../store/freeze.ts';
import { admit } from './admission-chain.ts';
import { lookupFromObjects } from './object-lookup.ts';
import { serviceAccount } from './service-account.ts';

const sa = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'ServiceAccount',
  metadata: { name, namespace: 'default' },
  ...extra,
});

function run(pod: KubeObject, accounts: KubeObject[] = [sa('default')]) {
  let draws = 0;
  const result = admit(
    deepFreeze(pod),
    {
      operation: 'CREATE',
      oldObject: undefined,
      namespace: 'default',
      lookup: lookupFromObjects(accounts),
      randomSuffix: () => ['x7k2q', 'b4d9z'][draws++] ?? 'zzzzz',
    },
    [serviceAccount],
  );
  return { result, draws };
}

const pod = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default', ...metadata },
  spec,
});

const TOKEN_MOUNT = {
  name: 'kube-api-access-x7k2q',
  readOnly: true,
  mountPath: '/var/run/secrets/kubernetes.io/serviceaccount',
};

describe('ServiceAccount admission', () => {
  it('defaults the account and mounts the projected API credentials into every container', () => {
    const { result, draws } = run(
      pod({
        initContainers: [{ name: 'init', image: 'busybox' }],
        containers: [{ name: 'app', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        volumes: [{ name: 'data', emptyDir: {} }],
      }),
    );
    expect(draws).toBe(1);
    expect((result as KubeObject).spec).toEqual({
      serviceAccountName: 'default',
      serviceAccount: 'default',
      initContainers: [{ name: 'init', image: 'busybox', volumeMounts: [TOKEN_MOUNT] }],
      containers: [
        { name: 'app', image: 'nginx', volumeMounts: [{ name: 'data', mountPath: '/data' }, TOKEN_MOUNT] },
      ],
      volumes: [
        { name: 'data', emptyDir: {} },
        {
          name: 'kube-api-access-x7k2q',
          projected: {
            defaultMode: 420,
            sources: [
              { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
              { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
              {
                downwardAPI: {
                  items: [
                    { path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
                  ],
                },
              },
            ],
          },
        },
      ],
    });
  });

  it('rejects a pod whose ServiceAccount does not exist', () => {
    expect(run(pod({ serviceAccountName: 'builder', containers: [] })).result).toEqual({
      reason: 'Forbidden',
      code: 403,
      message:
        'pods "web" is forbidden: error looking up service account default/builder: serviceaccount "builder" not found',
      details: { name: 'web', kind: 'pods' },
    });
  });

  it('honours automountServiceAccountToken on the pod first, then on the account', () => {
    const optedOut = run(pod({ containers: [{ name: 'a' }] }), [
      sa('default', { automountServiceAccountToken: false }),
    ]);
    expect((optedOut.result as KubeObject).spec).toEqual({
      serviceAccountName: 'default',
      serviceAccount: 'default',
      containers: [{ name: 'a' }],
    });
    const podWins = run(pod({ automountServiceAccountToken: true, containers: [{ name: 'a' }] }), [
      sa('default', { automountServiceAccountToken: false }),
    ]);
    expect((podWins.result as KubeObject).spec).toMatchObject({
      containers: [{ name: 'a', volumeMounts: [TOKEN_MOUNT] }],
    });
  });

  it('leaves containers that already mount the token path alone and copies pull secrets', () => {
    const own = { name: 'mine', mountPath: '/var/run/secrets/kubernetes.io/serviceaccount' };
    const { result } = run(pod({ containers: [{ name: 'a', volumeMounts: [own] }] }), [
      sa('default', { imagePullSecrets: [{ name: 'regcred' }] }),
    ]);
    const spec = (result as KubeObject).spec as Record<string, unknown>;
    expect(spec.containers).toEqual([{ name: 'a', volumeMounts: [own] }]);
    expect(spec.volumes).toBeUndefined();
    expect(spec.imagePullSecrets).toEqual([{ name: 'regcred' }]);
  });

  it('enforces mountable secrets when the account asks for it', () => {
    const strict = sa('default', {
      metadata: {
        name: 'default',
        namespace: 'default',
        annotations: { 'kubernetes.io/enforce-mountable-secrets': 'true' },
      },
      secrets: [{ name: 'allowed' }],
    });
    const ok = run(pod({ containers: [], volumes: [{ name: 's', secret: { secretName: 'allowed' } }] }), [
      strict,
    ]);
    expect((ok.result as KubeObject).kind).toBe('Pod');
    const denied = run(pod({ containers: [], volumes: [{ name: 's', secret: { secretName: 'other' } }] }), [
      strict,
    ]);
    expect(denied.result).toMatchObject({
      message:
        'pods "web" is forbidden: volume with secret.secretName="other" is not allowed because service account default does not reference that secret',
    });
  });

  it('does not touch mirror pods but refuses them credentials', () => {
    const mirror = { 'kubernetes.io/config.mirror': 'abc' };
    const plain = run(pod({ containers: [{ name: 'a' }] }, { annotations: mirror }));
    expect((plain.result as KubeObject).spec).toEqual({ containers: [{ name: 'a' }] });
    const withAccount = run(pod({ serviceAccountName: 'default', containers: [] }, { annotations: mirror }));
    expect(withAccount.result).toMatchObject({
      message: 'pods "web" is forbidden: a mirror pod may not reference service accounts',
    });
  });
});
