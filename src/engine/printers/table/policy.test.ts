import { describe, expect, it } from 'vitest';
import * as c from '../testdata/cluster.ts';
import { NOW } from '../testdata/meta.ts';
import * as w from '../testdata/workloads.ts';
import {
  formatHpaTargets,
  horizontalPodAutoscalerPrinter,
  podDisruptionBudgetPrinter,
  resourceQuotaPrinter,
  roleBindingPrinter,
} from './policy.ts';

const ctx = { now: NOW };

describe('policy rows', () => {
  it('hpa: reference, at most two targets, <unknown> current values', () => {
    expect(horizontalPodAutoscalerPrinter.row(w.hpa, ctx)).toEqual([
      'web', 'Deployment/web', 'cpu: 42%/50%, memory: <unknown>/512Mi + 1 more...', '1', 10, 3, '60m',
    ]); // prettier-ignore
  });

  it('hpa: <none> without metrics, <auto> without a utilization target, v1 CPU target', () => {
    expect(formatHpaTargets({ ...w.hpa, spec: { maxReplicas: 3 } })).toBe('<none>');
    const noTarget = {
      ...w.hpa,
      spec: { metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization' } } }] },
      status: {},
    };
    expect(formatHpaTargets(noTarget)).toBe('cpu: <unknown>/<auto>');
    const v1 = {
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'h' },
      spec: { targetCPUUtilizationPercentage: 80 },
      status: { currentCPUUtilizationPercentage: 12 },
    };
    expect(formatHpaTargets(v1)).toBe('cpu: 12%/80%');
  });

  it('pdb: N/A for the unset bound', () => {
    expect(podDisruptionBudgetPrinter.row(w.pdb, ctx)).toEqual(['web', '50%', 'N/A', 1, '60m']);
  });

  it('resource quota: sorted used/hard, limits.* in LIMIT', () => {
    expect(resourceQuotaPrinter.row(c.resourceQuota, ctx)).toEqual([
      'compute', 'pods: 5/20, requests.cpu: 1500m/4, requests.memory: 1536Mi/8Gi', 'limits.cpu: 3/8', '60m',
    ]); // prettier-ignore
  });

  it('role binding: Kind/name role and wide subjects', () => {
    expect(roleBindingPrinter.row(c.roleBinding, ctx)).toEqual([
      'read-pods',
      'Role/pod-reader',
      '5m',
      'jane, joe',
      '',
      'default/ci',
    ]);
  });
});
