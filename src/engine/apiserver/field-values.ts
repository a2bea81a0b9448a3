/**
 * The fields each resource supports in `fieldSelector` (each kind's `GetAttrs` /
 * `SelectableFields` in kube-apiserver). Every kind supports metadata.name and
 * metadata.namespace; others add a few.
 */
import type { ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';

type Extractor = (o: KubeObject) => string | undefined;

const get =
  (...path: string[]): Extractor =>
  (o) => {
    let v: unknown = o;
    for (const p of path) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[p] : undefined;
    return v === undefined || v === null ? '' : String(v);
  };

const common: Record<string, Extractor> = {
  'metadata.name': get('metadata', 'name'),
  'metadata.namespace': get('metadata', 'namespace'),
};

const byResource: Record<string, Record<string, Extractor>> = {
  'core/pods': {
    'spec.nodeName': get('spec', 'nodeName'),
    'spec.restartPolicy': get('spec', 'restartPolicy'),
    'spec.schedulerName': get('spec', 'schedulerName'),
    'spec.serviceAccountName': get('spec', 'serviceAccountName'),
    'spec.hostNetwork': (o) =>
      String((o.spec as { hostNetwork?: boolean } | undefined)?.hostNetwork ?? false),
    'status.phase': get('status', 'phase'),
    'status.podIP': get('status', 'podIP'),
    'status.nominatedNodeName': get('status', 'nominatedNodeName'),
  },
  'core/nodes': {
    'spec.unschedulable': (o) =>
      String((o.spec as { unschedulable?: boolean } | undefined)?.unschedulable ?? false),
  },
  'core/namespaces': { 'status.phase': get('status', 'phase') },
  'core/secrets': { type: get('type') },
  'core/events': {
    'involvedObject.kind': get('involvedObject', 'kind'),
    'involvedObject.namespace': get('involvedObject', 'namespace'),
    'involvedObject.name': get('involvedObject', 'name'),
    'involvedObject.uid': get('involvedObject', 'uid'),
    'involvedObject.apiVersion': get('involvedObject', 'apiVersion'),
    'involvedObject.resourceVersion': get('involvedObject', 'resourceVersion'),
    'involvedObject.fieldPath': get('involvedObject', 'fieldPath'),
    reason: get('reason'),
    reportingComponent: get('reportingComponent'),
    source: get('source', 'component'),
    type: get('type'),
  },
  'apps/replicasets': { 'status.replicas': get('status', 'replicas') },
  'batch/jobs': { 'status.successful': get('status', 'successful') },
  'core/persistentvolumeclaims': {},
};

export function supportedFields(r: ResourceInfo): Record<string, Extractor> {
  return { ...common, ...(byResource[`${r.group || 'core'}/${r.plural}`] ?? {}) };
}
