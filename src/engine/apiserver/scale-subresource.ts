/**
 * The `/scale` subresource of Deployments, ReplicaSets, StatefulSets and
 * ReplicationControllers: an `autoscaling/v1` Scale view of the parent's replicas, which
 * `kubectl scale` and autoscalers read and write instead of the whole object.
 */
import type { ResourceInfo } from '../api/resources.ts';
import type { FieldError } from '../api/field-errors.ts';
import type { KubeObject } from '../api/types.ts';
import { PatchError, type PatchType } from './ports.ts';
import { isFailure, type Outcome, type Registry, type WriteOptions, type WriteResult } from './registry.ts';
import { statusErrors } from './status.ts';

interface ScaleSource {
  spec?: { replicas?: number; selector?: unknown };
  status?: { replicas?: number };
}

/** The label selector as `metav1.FormatLabelSelector` writes it into `status.selector`. */
function selectorString(selector: unknown): string {
  const s = (selector ?? {}) as {
    matchLabels?: Record<string, string>;
    matchExpressions?: { key: string; operator: string; values?: string[] }[];
  };
  // ReplicationControllers keep a plain map as their selector.
  const labels = s.matchLabels ?? (s.matchExpressions === undefined ? (s as Record<string, string>) : {});
  const parts = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${labels[k]!}`);
  for (const e of s.matchExpressions ?? []) {
    const values = [...(e.values ?? [])].sort().join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

export function scaleOf(object: KubeObject): KubeObject {
  const source = object as ScaleSource;
  const m = object.metadata;
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: m.name,
      ...(m.namespace !== undefined ? { namespace: m.namespace } : {}),
      uid: m.uid,
      resourceVersion: m.resourceVersion,
      creationTimestamp: m.creationTimestamp,
    },
    spec: { replicas: source.spec?.replicas ?? 0 },
    status: { replicas: source.status?.replicas ?? 0, selector: selectorString(source.spec?.selector) },
  } as KubeObject;
}

function invalidReplicas(value: unknown): FieldError[] {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return [];
  return [
    {
      type: 'FieldValueInvalid',
      field: 'spec.replicas',
      badValue: value,
      detail: 'must be greater than or equal to 0',
    },
  ];
}

export type ScaleRequest =
  | { readonly method: 'GET' }
  | { readonly method: 'PUT'; readonly body: unknown }
  | { readonly method: 'PATCH'; readonly type: PatchType; readonly patch: unknown };

/** Serves one `/scale` request; the write goes to the parent object's `spec.replicas`. */
export function serveScale(
  registry: Registry,
  info: ResourceInfo,
  ns: string | undefined,
  name: string,
  request: ScaleRequest,
  options: WriteOptions,
): Outcome<WriteResult> {
  const current = registry.get(info, ns, name);
  if (isFailure(current)) return current;
  if (request.method === 'GET')
    return { object: scaleOf(current), warnings: [], written: false } as WriteResult;
  let wanted: KubeObject;
  if (request.method === 'PUT') {
    wanted = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as KubeObject;
  } else {
    const patched = registry.applyPatch(request.type, scaleOf(current), request.patch);
    if (patched instanceof PatchError) {
      return request.type === 'json' || patched.code === 400
        ? statusErrors.badRequest(patched.message)
        : statusErrors.invalid('autoscaling', 'Scale', name, []);
    }
    wanted = patched as KubeObject;
  }
  const replicas = (wanted as ScaleSource).spec?.replicas;
  const errors = invalidReplicas(replicas);
  if (errors.length > 0) return statusErrors.invalid('autoscaling', 'Scale', name, errors);
  const rv = wanted.metadata?.resourceVersion;
  if (rv !== undefined && rv !== '' && rv !== current.metadata.resourceVersion) {
    return statusErrors.staleConflict({ group: info.group, resource: info.plural }, name);
  }
  const result = registry.patch(info, ns, name, 'merge', { spec: { replicas: replicas! } }, options);
  if (isFailure(result)) return result;
  return { ...result, object: scaleOf(result.object) };
}
