/**
 * A StatefulSet's pod and claim identities (`stateful_set_utils.go`): pods are named
 * `<set>-<ordinal>`, claims `<template>-<set>-<ordinal>`; a pod carries its name and index
 * as labels and the revision it was made from as `controller-revision-hash`.
 */
import type { KubeObject } from '../../api/types.ts';
import { controllerRefFor } from '../replicaset/controller-ref.ts';
import { podCondition, podPhase } from '../replicaset/pod-status.ts';
import { parseTimestamp } from '../../time/clock.ts';

export const REVISION_LABEL = 'controller-revision-hash';
export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';

interface Template {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string>; finalizers?: string[] };
  spec?: Record<string, unknown> & { volumes?: Volume[] };
}
interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName: string };
  [k: string]: unknown;
}
export interface ClaimTemplate {
  metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: unknown;
}

export interface StatefulSetSpec {
  replicas?: number;
  serviceName?: string;
  selector?: { matchLabels?: Record<string, string> };
  template?: Template;
  volumeClaimTemplates?: ClaimTemplate[];
  podManagementPolicy?: string;
  updateStrategy?: { type?: string; rollingUpdate?: { partition?: number } };
  revisionHistoryLimit?: number;
  minReadySeconds?: number;
  ordinals?: { start?: number };
  persistentVolumeClaimRetentionPolicy?: { whenDeleted?: string; whenScaled?: string };
}

export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas: number;
  currentReplicas: number;
  updatedReplicas: number;
  availableReplicas: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
}

export function stsSpec(set: KubeObject): StatefulSetSpec {
  return (set.spec ?? {}) as StatefulSetSpec;
}

export function stsStatus(set: KubeObject): Partial<StatefulSetStatus> {
  return (set.status ?? {}) as Partial<StatefulSetStatus>;
}

export function startOrdinal(set: KubeObject): number {
  return stsSpec(set).ordinals?.start ?? 0;
}

/** Ordinals `[start, start+replicas)` are the set's; any other ordinal is condemned. */
export function endOrdinal(set: KubeObject): number {
  return startOrdinal(set) + (stsSpec(set).replicas ?? 1);
}

/** `getParentNameAndOrdinal`: `(.*)-([0-9]+)$`, ordinal -1 when the name has none. */
export function parentAndOrdinal(pod: KubeObject): { parent: string; ordinal: number } {
  const m = /^(.*)-([0-9]+)$/.exec(pod.metadata.name ?? '');
  if (!m) return { parent: '', ordinal: -1 };
  const ordinal = Number(m[2]);
  // Go parses into 32 bits; anything larger is no ordinal.
  return { parent: m[1] ?? '', ordinal: ordinal <= 0x7fffffff ? ordinal : -1 };
}

export function ordinalOf(pod: KubeObject): number {
  return parentAndOrdinal(pod).ordinal;
}

/** `isMemberOf`: the pod's name says it belongs to this set. */
export function isMemberOf(set: KubeObject, pod: KubeObject): boolean {
  return parentAndOrdinal(pod).parent === set.metadata.name;
}

export function podName(set: KubeObject, ordinal: number): string {
  return `${set.metadata.name ?? ''}-${ordinal}`;
}

export function claimName(set: KubeObject, template: ClaimTemplate, ordinal: number): string {
  return `${template.metadata?.name ?? ''}-${set.metadata.name ?? ''}-${ordinal}`;
}

export function podRevision(pod: KubeObject): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

/** `isCreated`: the API server gave it a phase, so it exists. */
export const isCreated = (pod: KubeObject) => podPhase(pod) !== '';
export const isTerminating = (pod: KubeObject) => !!pod.metadata.deletionTimestamp;
export const isFailed = (pod: KubeObject) => podPhase(pod) === 'Failed';
export const isSucceeded = (pod: KubeObject) => podPhase(pod) === 'Succeeded';
export const isPending = (pod: KubeObject) => podPhase(pod) === 'Pending';

/** `isRunningAndReady`. */
export function isRunningAndReady(pod: KubeObject): boolean {
  return podPhase(pod) === 'Running' && podCondition(pod, 'Ready')?.status === 'True';
}

/** `isRunningAndAvailable`: Running, and Ready for minReadySeconds. */
export function isRunningAndAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  if (!isRunningAndReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podCondition(pod, 'Ready')?.lastTransitionTime;
  return !!since && parseTimestamp(since) + minReadySeconds * 1000 <= nowMs;
}

export function isHealthy(pod: KubeObject): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}

/**
 * `getPersistentVolumeClaims`: each template named for the ordinal, in the set's namespace,
 * labelled with the template's labels overlaid by the selector's matchLabels.
 */
export function claimsFor(set: KubeObject, ordinal: number): KubeObject[] {
  const spec = stsSpec(set);
  return (spec.volumeClaimTemplates ?? []).map((t) => {
    const copy = JSON.parse(JSON.stringify(t)) as ClaimTemplate & Record<string, unknown>;
    const labels = { ...(copy.metadata?.labels ?? {}), ...(spec.selector?.matchLabels ?? {}) };
    return {
      ...copy,
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        ...(copy.metadata ?? {}),
        name: claimName(set, t, ordinal),
        namespace: set.metadata.namespace ?? '',
        ...(Object.keys(labels).length ? { labels } : {}),
      },
    } as KubeObject;
  });
}

/** `updateStorage`: the claim volumes first (template order), then the pod's other volumes. */
function withStorage(set: KubeObject, ordinal: number, volumes: readonly Volume[]): Volume[] {
  const templates = stsSpec(set).volumeClaimTemplates ?? [];
  const names = new Set(templates.map((t) => t.metadata?.name ?? ''));
  const claimVolumes = templates.map((t) => ({
    name: t.metadata?.name ?? '',
    persistentVolumeClaim: { claimName: claimName(set, t, ordinal) },
  }));
  return [...claimVolumes, ...volumes.filter((v) => !names.has(v.name))];
}

/**
 * `newVersionedStatefulSetPod` for the set whose template is `template` (already the
 * current or the update revision's): the pod from the template with the set's controller
 * reference, its identity (`initIdentity`), its claims as volumes and its revision label.
 */
export function newStatefulSetPod(
  set: KubeObject,
  template: Template,
  ordinal: number,
  revision: string,
): KubeObject {
  const t = JSON.parse(JSON.stringify(template)) as Template;
  const name = podName(set, ordinal);
  const labels = {
    ...(t.metadata?.labels ?? {}),
    [POD_NAME_LABEL]: name,
    [POD_INDEX_LABEL]: String(ordinal),
    [REVISION_LABEL]: revision,
  };
  const spec: Record<string, unknown> = { ...(t.spec ?? {}) };
  const volumes = withStorage(set, ordinal, t.spec?.volumes ?? []);
  if (volumes.length) spec.volumes = volumes;
  spec.hostname = name;
  if (stsSpec(set).serviceName) spec.subdomain = stsSpec(set).serviceName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      // GetPodFromTemplate names pods after their parent too; the fixed name wins.
      generateName: `${set.metadata.name ?? ''}-`,
      namespace: set.metadata.namespace ?? '',
      labels,
      ...(t.metadata?.annotations ? { annotations: t.metadata.annotations } : {}),
      ...(t.metadata?.finalizers ? { finalizers: t.metadata.finalizers } : {}),
      ownerReferences: [controllerRefFor(set)],
    },
    spec,
  };
}

/** `identityMatches` and `storageMatches`: nothing to repair on this pod. */
export function podMatchesSet(set: KubeObject, pod: KubeObject): boolean {
  const { parent, ordinal } = parentAndOrdinal(pod);
  const labels = pod.metadata.labels ?? {};
  if (ordinal < 0 || parent !== set.metadata.name || pod.metadata.namespace !== set.metadata.namespace)
    return false;
  if (labels[POD_NAME_LABEL] !== pod.metadata.name || labels[POD_INDEX_LABEL] !== String(ordinal))
    return false;
  const volumes = ((pod.spec as { volumes?: Volume[] } | undefined)?.volumes ?? []).filter(
    (v) => v.persistentVolumeClaim,
  );
  return (stsSpec(set).volumeClaimTemplates ?? []).every((t) =>
    volumes.some(
      (v) => v.name === t.metadata?.name && v.persistentVolumeClaim?.claimName === claimName(set, t, ordinal),
    ),
  );
}

/** `updateIdentity` + `updateStorage` on an existing pod (what UpdateStatefulPod writes). */
export function repairedPod(set: KubeObject, pod: KubeObject): KubeObject {
  const ordinal = ordinalOf(pod);
  const name = podName(set, ordinal);
  const spec = { ...((pod.spec ?? {}) as Record<string, unknown>) };
  const volumes = withStorage(set, ordinal, (spec.volumes as Volume[] | undefined) ?? []);
  if (volumes.length) spec.volumes = volumes;
  return {
    ...pod,
    metadata: {
      ...pod.metadata,
      labels: { ...(pod.metadata.labels ?? {}), [POD_NAME_LABEL]: name, [POD_INDEX_LABEL]: String(ordinal) },
    },
    spec,
  };
}
