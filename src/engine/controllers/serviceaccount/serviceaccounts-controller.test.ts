import { describe, expect, it } from 'vitest';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { startControllerManager } from '../index.ts';
import { writesFrom } from '../test-support.ts';
import { planServiceAccounts } from './serviceaccounts-controller.ts';

const namespaces = resourceOf('Namespace');
const serviceAccounts = resourceOf('ServiceAccount');

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 5, workers: 1 });
  const manager = startControllerManager(cluster);
  cluster.settle();
  return { cluster, controller: manager.serviceAccounts, api: cluster.client('test') };
}

describe('planServiceAccounts', () => {
  const ns = (phase: string) => ({
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: 'team' },
    status: { phase },
  });

  it('creates the missing default accounts of an active namespace', () => {
    expect(planServiceAccounts(ns('Active'), () => false)).toEqual([
      { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace: 'team' } },
    ]);
    expect(planServiceAccounts(ns('Active'), (name) => name === 'default')).toEqual([]);
  });

  it('creates nothing in a terminating namespace', () => {
    expect(planServiceAccounts(ns('Terminating'), () => false)).toEqual([]);
  });
});

describe('ServiceAccountsController', () => {
  it('has given every built-in namespace its default ServiceAccount', () => {
    const { api } = setup();
    expect(
      api.list(serviceAccounts).items.map((sa) => `${sa.metadata.namespace}/${sa.metadata.name}`),
    ).toEqual(['default/default', 'kube-node-lease/default', 'kube-public/default', 'kube-system/default']);
  });

  it('creates the default ServiceAccount in a new namespace, once', () => {
    const { cluster, controller, api } = setup();
    const since = cluster.trace.lastSeq;
    api.create(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    cluster.settle();
    expect(api.get(serviceAccounts, 'team', 'default').metadata.namespace).toBe('team');
    expect(writesFrom(cluster.trace, controller.id, since)).toEqual(['create serviceaccounts/team']);

    const again = cluster.trace.lastSeq;
    controller.sync('team');
    controller.queue.add('team');
    cluster.settle();
    expect(writesFrom(cluster.trace, controller.id, again)).toEqual([]);
  });

  it('re-creates the default ServiceAccount when it is deleted', () => {
    const { cluster, controller, api } = setup();
    const before = api.get(serviceAccounts, 'default', 'default');
    const since = cluster.trace.lastSeq;
    api.delete(serviceAccounts, 'default', 'default');
    cluster.settle();
    const after = api.get(serviceAccounts, 'default', 'default');
    expect(after.metadata.uid).not.toBe(before.metadata.uid);
    expect(writesFrom(cluster.trace, controller.id, since)).toEqual(['create serviceaccounts/default']);
  });

  it('leaves a terminating namespace alone', () => {
    const { cluster, controller, api } = setup();
    api.create(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'doomed' } });
    cluster.settle();
    api.delete(serviceAccounts, 'doomed', 'default');
    api.delete(namespaces, undefined, 'doomed');
    const since = cluster.trace.lastSeq;
    cluster.advance(1000);
    expect(writesFrom(cluster.trace, controller.id, since)).toEqual([]);
  });
});
