import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { deepFreeze } from '../../store/freeze.ts';
import { canConvert, convert } from './convert.ts';

const ref = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' };
const meta = { name: 'web', namespace: 'default', annotations: { team: 'a' } };

const cpu = (averageUtilization: number) => ({
  type: 'Resource',
  resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization } },
});

const v2 = (
  spec: Record<string, unknown>,
  status: Record<string, unknown> = { desiredReplicas: 1 },
): KubeObject =>
  deepFreeze({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: meta, spec, status });

describe('HorizontalPodAutoscaler v2 → v1', () => {
  it('maps a CPU utilization target to targetCPUUtilizationPercentage without annotations', () => {
    const out = convert(
      v2({ scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, metrics: [cpu(50)] }),
      'autoscaling/v1',
    );
    expect(out).toEqual({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: meta,
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 5, targetCPUUtilizationPercentage: 50 },
      status: { currentReplicas: 0, desiredReplicas: 1 },
    });
  });

  it('keeps what v1 cannot express in the round-trip annotations, as Go marshals them', () => {
    const memory = {
      type: 'Resource',
      resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 60 } },
    };
    const pods = {
      type: 'Pods',
      pods: { metric: { name: 'rps' }, target: { type: 'AverageValue', averageValue: '10' } },
    };
    const behavior = {
      scaleDown: {
        stabilizationWindowSeconds: 60,
        selectPolicy: 'Max',
        policies: [{ type: 'Pods', value: 1, periodSeconds: 30 }],
      },
    };
    const status = {
      currentReplicas: 2,
      desiredReplicas: 2,
      currentMetrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', current: { averageUtilization: 12, averageValue: '6m' } },
        },
      ],
      conditions: [
        {
          type: 'AbleToScale',
          status: 'True',
          lastTransitionTime: '2025-01-01T00:00:00Z',
          reason: 'ReadyForNewScale',
          message: 'recommended size matches current size',
        },
      ],
    };
    const out = convert(
      v2({ scaleTargetRef: ref, maxReplicas: 5, metrics: [memory, cpu(70), pods], behavior }, status),
      'autoscaling/v1',
    );
    expect(out.metadata.annotations).toEqual({
      team: 'a',
      'autoscaling.alpha.kubernetes.io/metrics':
        '[{"type":"Resource","resource":{"name":"memory","targetAverageUtilization":60}},{"type":"Pods","pods":{"metricName":"rps","targetAverageValue":"10"}}]',
      'autoscaling.alpha.kubernetes.io/current-metrics':
        '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":12,"currentAverageValue":"6m"}}]',
      'autoscaling.alpha.kubernetes.io/conditions':
        '[{"type":"AbleToScale","status":"True","lastTransitionTime":"2025-01-01T00:00:00Z","reason":"ReadyForNewScale","message":"recommended size matches current size"}]',
      'autoscaling.alpha.kubernetes.io/behavior':
        '{"ScaleUp":null,"ScaleDown":{"StabilizationWindowSeconds":60,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":1,"PeriodSeconds":30}],"Tolerance":null}}',
    });
    expect(out.spec).toEqual({ scaleTargetRef: ref, maxReplicas: 5, targetCPUUtilizationPercentage: 70 });
    expect(out.status).toEqual({
      currentReplicas: 2,
      desiredReplicas: 2,
      currentCPUUtilizationPercentage: 12,
    });
  });

  it('round-trips every metric kind, the behavior and the status back to the same v2 object', () => {
    const original = v2(
      {
        scaleTargetRef: ref,
        minReplicas: 2,
        maxReplicas: 10,
        // v1 → v2 appends the CPU target after the annotated metrics, so only this order survives.
        metrics: [
          {
            type: 'Resource',
            resource: { name: 'memory', target: { type: 'AverageValue', averageValue: '500Mi' } },
          },
          {
            type: 'ContainerResource',
            containerResource: {
              name: 'cpu',
              container: 'app',
              target: { type: 'Utilization', averageUtilization: 60 },
            },
          },
          {
            type: 'Object',
            object: {
              describedObject: { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', name: 'main' },
              metric: { name: 'requests-per-second' },
              target: { type: 'Value', value: '10k' },
            },
          },
          {
            type: 'External',
            external: {
              metric: { name: 'queue_messages', selector: { matchLabels: { queue: 'jobs' } } },
              target: { type: 'AverageValue', averageValue: '30' },
            },
          },
          cpu(80),
        ],
        behavior: {
          scaleUp: {
            stabilizationWindowSeconds: 0,
            selectPolicy: 'Max',
            policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }],
          },
          scaleDown: {
            selectPolicy: 'Min',
            policies: [{ type: 'Percent', value: 10, periodSeconds: 60 }],
            tolerance: '50m',
          },
        },
      },
      {
        observedGeneration: 3,
        lastScaleTime: '2025-01-01T00:00:00Z',
        currentReplicas: 4,
        desiredReplicas: 5,
        currentMetrics: [
          {
            type: 'External',
            external: { metric: { name: 'queue_messages' }, current: { value: '0', averageValue: '31' } },
          },
        ],
        conditions: [
          { type: 'ScalingActive', status: 'False', lastTransitionTime: '2025-01-01T00:00:00Z', reason: 'X' },
        ],
      },
    );
    const v1 = convert(original, 'autoscaling/v1');
    expect(convert(deepFreeze(v1), 'autoscaling/v2')).toEqual(original);
  });
});

describe('HorizontalPodAutoscaler v1 → v2', () => {
  const v1 = (spec: Record<string, unknown>, annotations?: Record<string, string>): KubeObject =>
    deepFreeze({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web', ...(annotations ? { annotations } : {}) },
      spec: { scaleTargetRef: ref, maxReplicas: 3, ...spec },
      status: { currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 40 },
    });

  it('turns the CPU percentage into a Resource metric and the status into currentMetrics', () => {
    expect(convert(v1({ targetCPUUtilizationPercentage: 50 }), 'autoscaling/v2')).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'web' },
      spec: { scaleTargetRef: ref, maxReplicas: 3, metrics: [cpu(50)] },
      status: {
        currentReplicas: 1,
        desiredReplicas: 1,
        currentMetrics: [
          { type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: 40 } } },
        ],
      },
    });
  });

  it('applies the implicit 80% CPU target when no metric is given at all', () => {
    expect(convert(v1({}), 'autoscaling/v2').spec).toMatchObject({ metrics: [cpu(80)] });
  });

  it('puts annotated metrics first, then the CPU target, and drops the annotations', () => {
    const out = convert(
      v1(
        { targetCPUUtilizationPercentage: 70 },
        {
          keep: 'me',
          'autoscaling.alpha.kubernetes.io/metrics':
            '[{"type":"Resource","resource":{"name":"memory","targetAverageUtilization":60}}]',
        },
      ),
      'autoscaling/v2',
    );
    expect(out.metadata.annotations).toEqual({ keep: 'me' });
    expect(out.spec).toMatchObject({
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 60 } },
        },
        cpu(70),
      ],
    });
  });
});

describe('HorizontalPodAutoscaler v1 → v2 → v1', () => {
  it('gives back the same v1 object, annotations included', () => {
    const v1: KubeObject = deepFreeze({
      apiVersion: 'autoscaling/v1',
      kind: 'HorizontalPodAutoscaler',
      metadata: {
        name: 'web',
        annotations: {
          'autoscaling.alpha.kubernetes.io/metrics':
            '[{"type":"External","external":{"metricName":"queue","metricSelector":{"matchLabels":{"q":"jobs"}},"targetAverageValue":"30"}}]',
          'autoscaling.alpha.kubernetes.io/current-metrics':
            '[{"type":"Resource","resource":{"name":"cpu","currentAverageUtilization":12,"currentAverageValue":"6m"}}]',
          'autoscaling.alpha.kubernetes.io/behavior':
            '{"ScaleUp":{"StabilizationWindowSeconds":0,"SelectPolicy":"Max","Policies":[{"Type":"Pods","Value":4,"PeriodSeconds":15}],"Tolerance":null},"ScaleDown":null}',
        },
      },
      spec: { scaleTargetRef: ref, minReplicas: 1, maxReplicas: 4, targetCPUUtilizationPercentage: 75 },
      status: { currentReplicas: 2, desiredReplicas: 2, currentCPUUtilizationPercentage: 12 },
    });
    expect(convert(deepFreeze(convert(v1, 'autoscaling/v2')), 'autoscaling/v1')).toEqual(v1);
  });
});

describe('Event and single-version conversion', () => {
  it('converts core Events to events.k8s.io and back', () => {
    const core: KubeObject = deepFreeze({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default' },
      involvedObject: { kind: 'Pod', name: 'web', namespace: 'default' },
      reason: 'Scheduled',
      message: 'Successfully assigned default/web to node-1',
      source: { component: 'default-scheduler' },
      firstTimestamp: '2025-01-01T00:00:00Z',
      lastTimestamp: '2025-01-01T00:00:00Z',
      count: 1,
      type: 'Normal',
      eventTime: null,
      reportingComponent: 'default-scheduler',
      reportingInstance: '',
    });
    const events = convert(core, 'events.k8s.io/v1');
    expect(events).toEqual({
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'web.1', namespace: 'default' },
      eventTime: null,
      reportingController: 'default-scheduler',
      reason: 'Scheduled',
      regarding: { kind: 'Pod', name: 'web', namespace: 'default' },
      note: 'Successfully assigned default/web to node-1',
      type: 'Normal',
      deprecatedSource: { component: 'default-scheduler' },
      deprecatedFirstTimestamp: '2025-01-01T00:00:00Z',
      deprecatedLastTimestamp: '2025-01-01T00:00:00Z',
      deprecatedCount: 1,
    });
    expect(convert(events, 'v1')).toEqual(core);
  });

  it('restamps single-version kinds and refuses unknown cross-group conversions', () => {
    const cm: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    expect(convert(cm, 'v1')).toBe(cm);
    expect(canConvert('Deployment', 'apps/v1', 'extensions/v1beta1')).toBe(false);
    expect(() =>
      convert({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: {} }, 'extensions/v1beta1'),
    ).toThrow('no conversion of Deployment from apps/v1 to extensions/v1beta1');
  });
});
