import { describe, expect, it } from 'vitest';
import { NOW } from '../testdata/meta.ts';
import * as w from '../testdata/workloads.ts';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  podTemplatePrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './workloads.ts';

const ctx = { now: NOW };

describe('workload rows', () => {
  it('deployment: READY ready/desired, counts, wide containers/images/selector', () => {
    expect(deploymentPrinter.columns.map((c) => c.name)).toEqual([
      'Name', 'Ready', 'Up-to-date', 'Available', 'Age', 'Containers', 'Images', 'Selector',
    ]); // prettier-ignore
    expect(deploymentPrinter.row(w.deployment, ctx)).toEqual([
      'web',
      '2/3',
      3,
      2,
      '3h2m',
      'web',
      'nginx:1.27',
      'app=web',
    ]);
    expect(deploymentPrinter.row(w.scaledDownDeployment, ctx)).toEqual([
      'api', '0/0', 0, 0, '3d', 'api,log', 'api:2,fluentbit', 'app=api,env in (dev,prod),tier=backend',
    ]); // prettier-ignore
  });

  it('deployment: a missing selector prints empty, an invalid one <invalid>', () => {
    const noSelector = { ...w.deployment, spec: { replicas: 1 } };
    const bad = {
      ...w.deployment,
      spec: { selector: { matchExpressions: [{ key: 'a', operator: 'In', values: [] }] } },
    };
    expect(deploymentPrinter.row(noSelector, ctx)[7]).toBe('');
    expect(deploymentPrinter.row(bad, ctx)[7]).toBe('<invalid>');
  });

  it('replica set and replication controller: desired, current, ready', () => {
    expect(replicaSetPrinter.row(w.replicaSet, ctx)).toEqual([
      'web-7c5ddbdf54', 3, 3, 2, '3h2m', 'web', 'nginx:1.27', 'app=web,pod-template-hash=7c5ddbdf54',
    ]); // prettier-ignore
    const rc = {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: w.replicaSet.metadata,
      spec: { replicas: 2, selector: { b: '2', a: '1' } },
      status: { replicas: 1 },
    };
    expect(replicationControllerPrinter.row(rc, ctx)).toEqual([
      'web-7c5ddbdf54',
      2,
      1,
      0,
      '3h2m',
      '',
      '',
      'a=1,b=2',
    ]);
  });

  it('stateful set: READY ready/desired', () => {
    expect(statefulSetPrinter.row(w.statefulSet, ctx)).toEqual(['db', '1/3', '8m20s', 'web', 'postgres:16']);
  });

  it('daemon set: five counts and NODE SELECTOR', () => {
    expect(daemonSetPrinter.row(w.daemonSet, ctx)).toEqual([
      'kube-proxy', 3, 3, 3, 3, 3, 'kubernetes.io/os=linux', '40d', 'kube-proxy', 'registry.k8s.io/kube-proxy:v1.34.0', 'k8s-app=kube-proxy',
    ]); // prettier-ignore
    const noSelector = { ...w.daemonSet, spec: { template: { spec: { containers: [] } } } };
    expect(daemonSetPrinter.row(noSelector, ctx).slice(6, 7)).toEqual(['<none>']);
    expect(daemonSetPrinter.row(noSelector, ctx)[10]).toBe('<none>');
  });

  it('controller revision: owner as kind.group/name', () => {
    expect(controllerRevisionPrinter.row(w.controllerRevision, ctx)).toEqual([
      'db-5d8f7c9b6',
      'statefulset.apps/db',
      1,
      '8m20s',
    ]);
    const orphan = {
      ...w.controllerRevision,
      metadata: { name: 'x', creationTimestamp: w.controllerRevision.metadata.creationTimestamp },
    };
    expect(controllerRevisionPrinter.row(orphan, ctx)[1]).toBe('<none>');
  });

  it('pod template: containers, images, pod labels, no age', () => {
    const pt = {
      apiVersion: 'v1',
      kind: 'PodTemplate',
      metadata: { name: 'tpl' },
      template: { metadata: { labels: { app: 'x' } }, spec: { containers: [{ name: 'a', image: 'b' }] } },
    };
    expect(podTemplatePrinter.row(pt, ctx)).toEqual(['tpl', 'a', 'b', 'app=x']);
  });
});
