import { describe, expect, it } from 'vitest';
import * as c from '../testdata/cluster.ts';
import { NOW } from '../testdata/meta.ts';
import {
  configMapPrinter,
  leasePrinter,
  namespacePrinter,
  nodePrinter,
  priorityClassPrinter,
  secretPrinter,
  serviceAccountPrinter,
} from './cluster.ts';

const ctx = { now: NOW };

describe('node rows', () => {
  it('shows Ready with roles from node-role labels', () => {
    expect(nodePrinter.row(c.controlPlaneNode, ctx)).toEqual([
      'control-plane', 'Ready', 'control-plane', '40d', 'v1.34.0',
      '172.18.0.2', '<none>', 'Debian GNU/Linux 12 (bookworm)', '6.1.0-28-amd64', 'containerd://1.7.24',
    ]); // prettier-ignore
  });

  it('adds SchedulingDisabled for a cordoned node', () => {
    expect(nodePrinter.row(c.cordonedNode, ctx).slice(0, 6)).toEqual([
      'worker-1',
      'Ready,SchedulingDisabled',
      '<none>',
      '39d',
      'v1.34.0',
      '172.18.0.3',
    ]);
    expect(nodePrinter.row(c.cordonedNode, ctx)[6]).toBe('203.0.113.7');
  });

  it('shows NotReady for Ready=Unknown, sorted roles, <unknown> for missing node info', () => {
    expect(nodePrinter.row(c.notReadyNode, ctx)).toEqual([
      'worker-2', 'NotReady', 'infra,worker', '5d7h', 'v1.33.4', '172.18.0.4', '<none>', '<unknown>', '<unknown>', '<unknown>',
    ]); // prettier-ignore
  });

  it('shows Unknown without a Ready condition', () => {
    const fresh = { ...c.cordonedNode, spec: {}, status: {} };
    expect(nodePrinter.row(fresh, ctx)[1]).toBe('Unknown');
  });
});

describe('configuration rows', () => {
  it('counts config map data and binaryData keys', () => {
    expect(configMapPrinter.row(c.configMap, ctx)).toEqual(['settings', 3, '90s']);
  });

  it('shows secret type and key count', () => {
    expect(secretPrinter.row(c.secret, ctx)).toEqual([
      'db-credentials',
      'kubernetes.io/basic-auth',
      2,
      '3d5h',
    ]);
  });

  it('counts service account secrets', () => {
    expect(serviceAccountPrinter.row(c.serviceAccount, ctx)).toEqual(['default', 0, '40d']);
  });

  it('shows namespace phase', () => {
    expect(c.namespaces.map((ns) => namespacePrinter.row(ns, ctx))).toEqual([
      ['default', 'Active', '40d'],
      ['old-team', 'Terminating', '2y70d'],
    ]);
  });

  it('shows the lease holder', () => {
    expect(leasePrinter.row(c.lease, ctx)).toEqual(['worker-1', 'worker-1', '40d']);
  });

  it('priority class: PREEMPTIONPOLICY is not a wide column', () => {
    expect(priorityClassPrinter.columns.every((col) => col.priority === 0)).toBe(true);
    expect(priorityClassPrinter.row(c.priorityClass, ctx)).toEqual([
      'system-cluster-critical',
      2000000000,
      false,
      '40d',
      'PreemptLowerPriority',
    ]);
  });
});
