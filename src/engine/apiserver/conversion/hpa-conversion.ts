/**
 * HorizontalPodAutoscaler between autoscaling/v2 (the storage version) and autoscaling/v1.
 * v1 has one field for all metrics, `targetCPUUtilizationPercentage`; everything else it
 * cannot express round-trips through annotations, exactly as kube-apiserver does it.
 */
import type { KubeObject } from '../../api/types.ts';
import { defaultCpuMetric } from '../defaults/autoscaling-defaults.ts';
import type { Obj } from '../defaults/json.ts';
import { child, children, cloneJson, isObj } from '../defaults/json.ts';
import {
  behaviorAnnotation,
  behaviorFromAnnotation,
  conditionFromV1,
  conditionToV1,
  parseJson,
} from './hpa-behavior.ts';
import {
  metricSpecFromV1,
  metricSpecToV1,
  metricStatusFromV1,
  metricStatusToV1,
  objectReference,
} from './hpa-metrics.ts';

export const METRIC_SPECS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/metrics';
export const METRIC_STATUSES_ANNOTATION = 'autoscaling.alpha.kubernetes.io/current-metrics';
export const CONDITIONS_ANNOTATION = 'autoscaling.alpha.kubernetes.io/conditions';
export const BEHAVIOR_ANNOTATION = 'autoscaling.alpha.kubernetes.io/behavior';
const ROUND_TRIP_ANNOTATIONS = [
  METRIC_SPECS_ANNOTATION,
  BEHAVIOR_ANNOTATION,
  METRIC_STATUSES_ANNOTATION,
  CONDITIONS_ANNOTATION,
];

function isCpu(metric: Obj): boolean {
  return metric.type === 'Resource' && child(metric, 'resource')?.name === 'cpu';
}

function cpuUtilizationTarget(metric: Obj): unknown {
  return isCpu(metric) ? child(child(metric, 'resource') ?? {}, 'target')?.averageUtilization : undefined;
}

function withoutRoundTripAnnotations(
  annotations: Record<string, string> | undefined,
): Record<string, string> {
  const out = { ...(annotations ?? {}) };
  for (const key of ROUND_TRIP_ANNOTATIONS) delete out[key];
  return out;
}

function metadataWith(object: KubeObject, annotations: Record<string, string>): KubeObject['metadata'] {
  const metadata = cloneJson(object.metadata);
  if (Object.keys(annotations).length > 0) metadata.annotations = annotations;
  else delete metadata.annotations;
  return metadata;
}

export function hpaV2ToV1(hpa: KubeObject): KubeObject {
  const spec = child(hpa, 'spec') ?? {};
  const status = child(hpa, 'status') ?? {};
  const metrics = children(spec, 'metrics');
  const annotations = withoutRoundTripAnnotations(hpa.metadata.annotations);
  const other = metrics.filter((m) => cpuUtilizationTarget(m) == null).map(metricSpecToV1);
  if (other.length > 0) annotations[METRIC_SPECS_ANNOTATION] = JSON.stringify(other);
  const currentMetrics = children(status, 'currentMetrics');
  // Kept even for CPU: the annotation also carries the raw values v1 has no field for.
  if (currentMetrics.length > 0)
    annotations[METRIC_STATUSES_ANNOTATION] = JSON.stringify(currentMetrics.map(metricStatusToV1));
  const conditions = children(status, 'conditions');
  if (conditions.length > 0)
    annotations[CONDITIONS_ANNOTATION] = JSON.stringify(conditions.map(conditionToV1));
  const behavior = child(spec, 'behavior');
  if (behavior) annotations[BEHAVIOR_ANNOTATION] = behaviorAnnotation(behavior);

  const v1Spec: Obj = { scaleTargetRef: objectReference(child(spec, 'scaleTargetRef')) };
  if (spec.minReplicas != null) v1Spec.minReplicas = spec.minReplicas;
  v1Spec.maxReplicas = spec.maxReplicas ?? 0;
  const cpuTarget = metrics.map(cpuUtilizationTarget).find((t) => t != null);
  if (cpuTarget != null) v1Spec.targetCPUUtilizationPercentage = cpuTarget;

  const v1Status: Obj = {};
  if (status.observedGeneration != null) v1Status.observedGeneration = status.observedGeneration;
  if (status.lastScaleTime != null) v1Status.lastScaleTime = status.lastScaleTime;
  v1Status.currentReplicas = status.currentReplicas ?? 0;
  v1Status.desiredReplicas = status.desiredReplicas ?? 0;
  // The last CPU resource status wins (the Go loop does not stop at the first).
  for (const metric of currentMetrics) {
    const utilization = isCpu(metric)
      ? child(child(metric, 'resource') ?? {}, 'current')?.averageUtilization
      : undefined;
    if (utilization != null) v1Status.currentCPUUtilizationPercentage = utilization;
  }
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadataWith(hpa, annotations),
    spec: v1Spec,
    status: v1Status,
  };
}

function annotationList(annotations: Record<string, string> | undefined, key: string): Obj[] | undefined {
  const text = annotations?.[key];
  if (text === undefined) return undefined;
  const parsed = parseJson(text);
  return Array.isArray(parsed) ? parsed.filter(isObj) : undefined;
}

export function hpaV1ToV2(hpa: KubeObject): KubeObject {
  const spec = child(hpa, 'spec') ?? {};
  const status = child(hpa, 'status') ?? {};
  const annotations = hpa.metadata.annotations;

  const metrics = (annotationList(annotations, METRIC_SPECS_ANNOTATION) ?? []).map(metricSpecFromV1);
  if (spec.targetCPUUtilizationPercentage != null) {
    metrics.push({
      type: 'Resource',
      resource: {
        name: 'cpu',
        target: { type: 'Utilization', averageUtilization: spec.targetCPUUtilizationPercentage },
      },
    });
  }
  // v1 always meant "80% CPU" when nothing else was said.
  if (metrics.length === 0) metrics.push(defaultCpuMetric());
  const v2Spec: Obj = { scaleTargetRef: objectReference(child(spec, 'scaleTargetRef')) };
  if (spec.minReplicas != null) v2Spec.minReplicas = spec.minReplicas;
  v2Spec.maxReplicas = spec.maxReplicas ?? 0;
  v2Spec.metrics = metrics;
  const behaviorText = annotations?.[BEHAVIOR_ANNOTATION];
  const behavior = behaviorText === undefined ? undefined : behaviorFromAnnotation(behaviorText);
  if (behavior) v2Spec.behavior = behavior;

  const v2Status: Obj = {};
  if (status.observedGeneration != null) v2Status.observedGeneration = status.observedGeneration;
  if (status.lastScaleTime != null) v2Status.lastScaleTime = status.lastScaleTime;
  if (typeof status.currentReplicas === 'number' && status.currentReplicas !== 0) {
    v2Status.currentReplicas = status.currentReplicas;
  }
  v2Status.desiredReplicas = status.desiredReplicas ?? 0;
  const currentMetrics = annotationList(annotations, METRIC_STATUSES_ANNOTATION)?.map(metricStatusFromV1);
  if (currentMetrics) v2Status.currentMetrics = currentMetrics;
  else if (status.currentCPUUtilizationPercentage != null) {
    v2Status.currentMetrics = [
      {
        type: 'Resource',
        resource: { name: 'cpu', current: { averageUtilization: status.currentCPUUtilizationPercentage } },
      },
    ];
  }
  const conditions = annotationList(annotations, CONDITIONS_ANNOTATION)?.map(conditionFromV1);
  if (conditions) v2Status.conditions = conditions;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadataWith(hpa, withoutRoundTripAnnotations(annotations)),
    spec: v2Spec,
    status: v2Status,
  };
}
