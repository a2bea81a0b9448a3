/**
 * The secret rules of ServiceAccount admission: mirror pods (static pods the kubelet
 * reflects into the API) may reference no credentials at all, and a ServiceAccount
 * annotated `kubernetes.io/enforce-mountable-secrets: "true"` limits its pods to the
 * secrets it lists.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Obj } from '../defaults/json.ts';
import { child, children, isObj } from '../defaults/json.ts';

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'];

/** Why a mirror pod is refused, or undefined when it may be admitted. */
export function mirrorPodError(pod: KubeObject): string | undefined {
  const spec = child(pod, 'spec') ?? {};
  if (typeof spec.serviceAccountName === 'string' && spec.serviceAccountName !== '') {
    return 'a mirror pod may not reference service accounts';
  }
  if (referencesSecrets(spec)) return 'a mirror pod may not reference secrets';
  for (const volume of children(spec, 'volumes')) {
    for (const source of children(child(volume, 'projected') ?? {}, 'sources')) {
      if (isObj(source.serviceAccountToken))
        return 'a mirror pod may not use ServiceAccountToken volume projections';
    }
  }
  return undefined;
}

function referencesSecrets(spec: Obj): boolean {
  if (children(spec, 'imagePullSecrets').length > 0) return true;
  for (const list of CONTAINER_LISTS) {
    for (const container of children(spec, list)) {
      if (children(container, 'envFrom').some((e) => isObj(e.secretRef))) return true;
      if (children(container, 'env').some((e) => isObj(child(e, 'valueFrom')?.secretKeyRef))) return true;
    }
  }
  return children(spec, 'volumes').some((volume) =>
    Object.values(volume).some(
      (source) =>
        isObj(source) &&
        (source.secretName !== undefined ||
          isObj(source.secretRef) ||
          isObj(source.nodePublishSecretRef) ||
          children(source, 'sources').some((s) => isObj(s.secret))),
    ),
  );
}

/** Why the pod references a secret its ServiceAccount does not list, or undefined. */
export function limitSecretReferences(account: KubeObject, spec: Obj): string | undefined {
  const accountName = account.metadata.name ?? '';
  const mountable = new Set(children(account, 'secrets').map((s) => s.name));
  for (const volume of children(spec, 'volumes')) {
    const secret = child(volume, 'secret');
    if (secret && !mountable.has(secret.secretName)) {
      return `volume with secret.secretName="${String(secret.secretName ?? '')}" is not allowed because service account ${accountName} does not reference that secret`;
    }
  }
  for (const [list, label] of [
    ['initContainers', 'init container'],
    ['containers', 'container'],
  ] as const) {
    for (const container of children(spec, list)) {
      for (const env of children(container, 'env')) {
        const ref = child(child(env, 'valueFrom') ?? {}, 'secretKeyRef');
        if (ref && !mountable.has(ref.name)) {
          return `${label} ${String(container.name ?? '')} with envVar ${String(env.name ?? '')} referencing secret.secretName="${String(ref.name ?? '')}" is not allowed because service account ${accountName} does not reference that secret`;
        }
      }
    }
  }
  const pullSecrets = new Set(children(account, 'imagePullSecrets').map((s) => s.name));
  for (const [i, ref] of children(spec, 'imagePullSecrets').entries()) {
    if (!pullSecrets.has(ref.name)) {
      return `imagePullSecrets[${i}].name="${String(ref.name ?? '')}" is not allowed because service account ${accountName} does not reference that imagePullSecret`;
    }
  }
  return undefined;
}
