/**
 * Per-resource rules of the generic registry (the `rest.RESTCreateStrategy` /
 * `RESTUpdateStrategy` of each kind in kube-apiserver): which kinds track
 * `metadata.generation`, what a create resets, and how status and spec writes are split
 * between the main resource and its `/status` subresource.
 */
import type { ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { podQosClass } from './pod-qos.ts';

/** Kinds whose strategy sets generation 1 on create and bumps it on spec changes. */
const tracksGeneration = new Set([
  'apps/deployments',
  'apps/replicasets',
  'apps/statefulsets',
  'apps/daemonsets',
  'batch/jobs',
  'batch/cronjobs',
  'core/pods',
  'core/replicationcontrollers',
  'networking.k8s.io/ingresses',
  'networking.k8s.io/networkpolicies',
  'policy/poddisruptionbudgets',
  'discovery.k8s.io/endpointslices',
  'networking.k8s.io/ingressclasses',
]);

/** Deployments also count annotation changes as a new generation (rollout triggers). */
const annotationsBumpGeneration = new Set(['apps/deployments']);

/** Kinds whose `/status` writes also carry metadata.annotations. */
const statusWritesAnnotations = new Set(['apps/deployments']);

function id(r: ResourceInfo): string {
  return `${r.group || 'core'}/${r.plural}`;
}

export function hasStatusSubresource(r: ResourceInfo): boolean {
  return r.subresources.includes('status');
}

/** What PrepareForCreate does: fresh status and generation 1 where the kind tracks it. */
export function prepareForCreate(r: ResourceInfo, object: KubeObject): KubeObject {
  const out: KubeObject = { ...object, metadata: { ...object.metadata } };
  if (tracksGeneration.has(id(r))) out.metadata.generation = 1;
  else delete out.metadata.generation;
  switch (id(r)) {
    case 'core/pods':
      out.status = { phase: 'Pending', qosClass: podQosClass(out) };
      break;
    case 'core/namespaces': {
      const spec = (out.spec as { finalizers?: string[] } | undefined) ?? {};
      out.spec = { ...spec, finalizers: spec.finalizers ?? ['kubernetes'] };
      out.status = { phase: 'Active' };
      break;
    }
    case 'core/nodes':
      // Kubelets register their node with its status in the create, so it is kept.
      break;
    case 'core/persistentvolumeclaims':
      out.status = { phase: 'Pending' };
      break;
    case 'core/persistentvolumes':
      out.status = { phase: 'Pending' };
      break;
    case 'core/services':
      out.status = { loadBalancer: {} };
      break;
    case 'batch/jobs':
      out.spec = withGeneratedJobSelector(out);
      // SetDefaults_Job gives a Job without labels its template's; the API server defaults
      // again when it reads the Job back, so the generated selector labels appear too.
      if (Object.keys(out.metadata.labels ?? {}).length === 0) {
        const labels = templateLabelsOf(out);
        if (labels) out.metadata.labels = labels;
      }
      out.status = {};
      break;
    case 'apps/daemonsets':
      out.metadata.annotations = withTemplateGeneration(out, templateGenerationOf(out) ?? 1);
      out.status = defaultEmptyStatus(id(r));
      break;
    case 'apps/deployments':
    case 'apps/replicasets':
    case 'apps/statefulsets':
    case 'batch/cronjobs':
    case 'autoscaling/horizontalpodautoscalers':
    case 'policy/poddisruptionbudgets':
    case 'networking.k8s.io/ingresses':
      out.status = defaultEmptyStatus(id(r));
      break;
    default:
      break;
  }
  return out;
}

/**
 * A Job without `manualSelector` gets a selector on its own UID, and its pod template the
 * matching labels (the job strategy's generateSelector), so its pods can never be
 * confused with another Job's.
 */
function withGeneratedJobSelector(job: KubeObject): Record<string, unknown> {
  const spec = { ...((job.spec ?? {}) as Record<string, unknown>) };
  if (spec.manualSelector === true) return spec;
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  const template = (spec.template ?? {}) as { metadata?: { labels?: Record<string, string> } };
  spec.selector = { matchLabels: { 'batch.kubernetes.io/controller-uid': uid } };
  spec.template = {
    ...template,
    metadata: {
      ...(template.metadata ?? {}),
      labels: {
        ...(template.metadata?.labels ?? {}),
        'batch.kubernetes.io/controller-uid': uid,
        'batch.kubernetes.io/job-name': name,
        'controller-uid': uid,
        'job-name': name,
      },
    },
  };
  return spec;
}

function templateLabelsOf(job: KubeObject): Record<string, string> | undefined {
  const labels = (job.spec as { template?: { metadata?: { labels?: Record<string, string> } } } | undefined)
    ?.template?.metadata?.labels;
  return labels && Object.keys(labels).length ? { ...labels } : undefined;
}

function defaultEmptyStatus(resourceId: string): Record<string, unknown> {
  switch (resourceId) {
    case 'apps/statefulsets':
    case 'apps/replicasets':
      return { replicas: 0, availableReplicas: 0 };
    case 'apps/daemonsets':
      return { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 };
    case 'autoscaling/horizontalpodautoscalers':
      return { currentReplicas: 0, desiredReplicas: 0 };
    case 'policy/poddisruptionbudgets':
      return { currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0 };
    case 'networking.k8s.io/ingresses':
      return { loadBalancer: {} };
    default:
      return {};
  }
}

/**
 * What PrepareForUpdate does on the main resource: a kind with a status subresource keeps
 * its old status, and generation moves when the spec (or, for some kinds, annotations) changed;
 * for an EndpointSlice, when anything but its metadata, or its labels, changed.
 */
export function prepareForUpdate(r: ResourceInfo, object: KubeObject, old: KubeObject): KubeObject {
  const out: KubeObject = { ...object, metadata: { ...object.metadata } };
  if (hasStatusSubresource(r)) {
    if (old.status === undefined) delete out.status;
    else out.status = old.status;
  }
  if (id(r) === 'apps/daemonsets') {
    // A DaemonSet's template generation is the server's: updates cannot set it, and it
    // moves by one whenever the pod template changes.
    const previous = templateGenerationOf(old) ?? 1;
    const templateChanged = !sameJson(
      (out.spec as { template?: unknown } | undefined)?.template,
      (old.spec as { template?: unknown } | undefined)?.template,
    );
    out.metadata.annotations = withTemplateGeneration(out, templateChanged ? previous + 1 : previous);
  }
  return withGeneration(r, out, old);
}

/**
 * apps/v1 has no `spec.templateGeneration`: the internal field travels in this annotation
 * (pkg/apis/apps/v1 conversion), which the daemonset controller reads for the
 * `pod-template-generation` label.
 */
export const DAEMONSET_TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

function templateGenerationOf(object: KubeObject): number | undefined {
  const value = object.metadata.annotations?.[DAEMONSET_TEMPLATE_GENERATION];
  if (value === undefined || !/^\d+$/.test(value) || Number(value) < 1) return undefined;
  return Number(value);
}

function withTemplateGeneration(object: KubeObject, generation: number): Record<string, string> {
  return { ...(object.metadata.annotations ?? {}), [DAEMONSET_TEMPLATE_GENERATION]: String(generation) };
}

/** A `/status` write changes only status; spec and metadata stay as stored. */
export function prepareForStatusUpdate(r: ResourceInfo, object: KubeObject, old: KubeObject): KubeObject {
  const out: KubeObject = { ...old, metadata: { ...old.metadata } };
  if (object.status === undefined) delete out.status;
  else out.status = object.status;
  // Controllers write status with the object's current resourceVersion for concurrency.
  if (object.metadata.resourceVersion !== undefined)
    out.metadata.resourceVersion = object.metadata.resourceVersion;
  // deploymentStatusStrategy resets only spec and labels: the deployment controller records
  // the rollout revision annotation through its status writes.
  if (statusWritesAnnotations.has(id(r))) {
    if (object.metadata.annotations === undefined) delete out.metadata.annotations;
    else out.metadata.annotations = object.metadata.annotations;
  }
  return out;
}

function withGeneration(r: ResourceInfo, object: KubeObject, old: KubeObject): KubeObject {
  if (!tracksGeneration.has(id(r))) {
    delete object.metadata.generation;
    return object;
  }
  const oldGeneration = old.metadata.generation ?? 1;
  if (id(r) === 'discovery.k8s.io/endpointslices') {
    object.metadata.generation = endpointSliceChanged(object, old) ? oldGeneration + 1 : oldGeneration;
    return object;
  }
  const specChanged = !sameJson(object.spec, old.spec);
  const annotationsChanged =
    annotationsBumpGeneration.has(id(r)) && !sameJson(object.metadata.annotations, old.metadata.annotations);
  object.metadata.generation = specChanged || annotationsChanged ? oldGeneration + 1 : oldGeneration;
  return object;
}

/**
 * The EndpointSlice strategy's test: an EndpointSlice has no spec, so anything outside its
 * metadata (address type, endpoints, ports) counts, and of the metadata only its labels.
 * The comparison is apimachinery's semantic one, where an empty list or map is the same as
 * none; the kind and apiVersion are not part of it (the internal objects carry neither).
 * Annotations, owner references and the rest of the metadata never move it.
 */
function endpointSliceChanged(object: KubeObject, old: KubeObject): boolean {
  const body = (o: KubeObject) => {
    const { apiVersion: _v, kind: _k, metadata: _m, ...rest } = o;
    void [_v, _k, _m];
    return rest;
  };
  return (
    !sameJson(withoutEmpty(body(object)), withoutEmpty(body(old))) ||
    !sameJson(object.metadata.labels ?? {}, old.metadata.labels ?? {})
  );
}

/** A JSON value with its empty lists and nulls left out, at any depth. */
function withoutEmpty(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutEmpty);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = withoutEmpty(v);
  }
  return out;
}

/** Structural equality of JSON values, ignoring key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => sameJson(v, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => sameJson(ao[k], bo[k]));
}

/**
 * The grace period a delete gets when the request names none: scheduled pods wait for
 * their kubelet (spec.terminationGracePeriodSeconds); everything else goes at once.
 */
export function defaultGracePeriodSeconds(r: ResourceInfo, object: KubeObject): number {
  if (id(r) !== 'core/pods') return 0;
  const spec = object.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  // An unscheduled pod has no kubelet to wait for, so the API server deletes it at once.
  if (!spec?.nodeName) return 0;
  return spec.terminationGracePeriodSeconds ?? 30;
}

export function isGracefullyDeleted(r: ResourceInfo): boolean {
  return id(r) === 'core/pods';
}
