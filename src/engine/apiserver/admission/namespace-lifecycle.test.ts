import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import type { AdmissionOperation } from '../pipeline.ts';
import { admitMutating } from './admission-chain.ts';
import { namespaceLifecycle } from './namespace-lifecycle.ts';
import { lookupFromObjects } from './object-lookup.ts';

const active: KubeObject = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'team' },
  status: { phase: 'Active' },
};
const terminating: KubeObject = {
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name: 'doomed' },
  status: { phase: 'Terminating' },
};

function run(object: KubeObject, operation: AdmissionOperation, namespace?: string) {
  return admitMutating(
    object,
    {
      operation,
      oldObject: undefined,
      namespace,
      lookup: lookupFromObjects([active, terminating]),
      randomSuffix: () => 'x7k2q',
    },
    [namespaceLifecycle],
  );
}

const pod = (name: string, namespace: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace },
  spec: {},
});

describe('NamespaceLifecycle', () => {
  it('admits objects in an active namespace', () => {
    expect(run(pod('x', 'team'), 'CREATE', 'team')).toEqual(pod('x', 'team'));
  });

  it('rejects writes into a namespace that does not exist with NotFound', () => {
    expect(run(pod('x', 'nope'), 'CREATE', 'nope')).toEqual({
      reason: 'NotFound',
      code: 404,
      message: 'namespaces "nope" not found',
      details: { name: 'nope', kind: 'namespaces' },
    });
    expect(run(pod('x', 'nope'), 'UPDATE', 'nope')).toMatchObject({ reason: 'NotFound' });
  });

  it('refuses new content in a terminating namespace, naming the object', () => {
    expect(run(pod('x', 'doomed'), 'CREATE', 'doomed')).toEqual({
      reason: 'Forbidden',
      code: 403,
      message:
        'pods "x" is forbidden: unable to create new content in namespace doomed because it is being terminated',
      details: {
        name: 'x',
        kind: 'pods',
        causes: [
          {
            reason: 'NamespaceTerminating',
            message: 'namespace doomed is being terminated',
            field: 'metadata.namespace',
          },
        ],
      },
    });
    const deployment: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { generateName: 'web-', namespace: 'doomed' },
    };
    expect(run(deployment, 'CREATE', 'doomed')).toMatchObject({
      message:
        'deployments.apps "web-" is forbidden: unable to create new content in namespace doomed because it is being terminated',
      details: { name: 'web-', group: 'apps', kind: 'deployments' },
    });
  });

  it('still allows updates and deletions inside a terminating namespace', () => {
    expect(run(pod('x', 'doomed'), 'UPDATE', 'doomed')).toEqual(pod('x', 'doomed'));
    expect(run(pod('x', 'doomed'), 'DELETE', 'doomed')).toEqual(pod('x', 'doomed'));
  });

  it('never lets the system namespaces be deleted', () => {
    for (const name of ['default', 'kube-system', 'kube-public']) {
      const ns: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
      expect(run(ns, 'DELETE')).toEqual({
        reason: 'Forbidden',
        code: 403,
        message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
        details: { name, kind: 'namespaces' },
      });
    }
    expect(run({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } }, 'DELETE')).toMatchObject({
      metadata: { name: 'team' },
    });
  });

  it('ignores cluster-scoped objects', () => {
    const node: KubeObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } };
    expect(run(node, 'CREATE')).toEqual(node);
  });
});
