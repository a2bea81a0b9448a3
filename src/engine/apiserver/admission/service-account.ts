/**
 * ServiceAccount admission (plugin/pkg/admission/serviceaccount): a new Pod runs as the
 * `default` ServiceAccount unless it names one, the ServiceAccount must exist, its image
 * pull secrets are copied in, and the API credentials are mounted into every container as
 * the projected `kube-api-access-<5 chars>` volume.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Obj } from '../defaults/json.ts';
import { child, children, ensureChild } from '../defaults/json.ts';
import { admissionForbidden, isResource } from './admission-errors.ts';
import type { AdmissionError, AdmissionPlugin, AdmissionRequest } from './admission-types.ts';
import { limitSecretReferences, mirrorPodError } from './service-account-secrets.ts';

export const DEFAULT_SERVICE_ACCOUNT = 'default';
export const TOKEN_VOLUME_PREFIX = 'kube-api-access-';
export const TOKEN_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';
/** serviceaccount.WarnOnlyBoundTokenExpirationSeconds: 1h7s, recognisable in audit logs. */
const TOKEN_EXPIRATION_SECONDS = 3607;
const ENFORCE_MOUNTABLE_SECRETS = 'kubernetes.io/enforce-mountable-secrets';

function handles(request: AdmissionRequest): boolean {
  return isResource(request, '', 'pods') && request.operation === 'CREATE' && request.subresource === '';
}

function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.[MIRROR_POD_ANNOTATION] !== undefined;
}

function lookupServiceAccount(request: AdmissionRequest, name: string): KubeObject | undefined {
  return request.attributes.lookup.get('', 'serviceaccounts', request.namespace ?? '', name);
}

function missingServiceAccount(request: AdmissionRequest, name: string): AdmissionError {
  const namespace = request.namespace ?? '';
  return admissionForbidden(
    request,
    `error looking up service account ${namespace}/${name}: serviceaccount "${name}" not found`,
  );
}

function admit(request: AdmissionRequest): AdmissionError | undefined {
  if (!handles(request) || isMirrorPod(request.object)) return undefined;
  const spec = ensureChild(request.object, 'spec');
  if (typeof spec.serviceAccountName !== 'string' || spec.serviceAccountName === '') {
    spec.serviceAccountName = DEFAULT_SERVICE_ACCOUNT;
  }
  // The v1 alias always mirrors the name (see the pod defaults).
  spec.serviceAccount = spec.serviceAccountName;
  const accountName = spec.serviceAccountName as string;
  const account = lookupServiceAccount(request, accountName);
  if (!account) return missingServiceAccount(request, accountName);
  if (shouldAutomount(account, spec)) mountToken(spec, request.attributes.randomSuffix);
  const podSecrets = spec.imagePullSecrets;
  if (!Array.isArray(podSecrets) || podSecrets.length === 0) {
    const names = children(account, 'imagePullSecrets').map((s) => ({ name: s.name }));
    if (names.length > 0) spec.imagePullSecrets = names;
  }
  return undefined;
}

function validate(request: AdmissionRequest): AdmissionError | undefined {
  if (!handles(request)) return undefined;
  if (isMirrorPod(request.object)) {
    const reason = mirrorPodError(request.object);
    return reason === undefined ? undefined : admissionForbidden(request, reason);
  }
  const spec = child(request.object, 'spec') ?? {};
  const name = typeof spec.serviceAccountName === 'string' ? spec.serviceAccountName : '';
  const account = lookupServiceAccount(request, name);
  if (!account) return missingServiceAccount(request, name);
  if (parseGoBool(account.metadata.annotations?.[ENFORCE_MOUNTABLE_SECRETS])) {
    const reason = limitSecretReferences(account, spec);
    if (reason !== undefined) return admissionForbidden(request, reason);
  }
  return undefined;
}

function shouldAutomount(account: KubeObject, spec: Obj): boolean {
  if (typeof spec.automountServiceAccountToken === 'boolean') return spec.automountServiceAccountToken;
  if (typeof account.automountServiceAccountToken === 'boolean') return account.automountServiceAccountToken;
  return true;
}

function mountToken(spec: Obj, randomSuffix: () => string): void {
  const existing = children(spec, 'volumes').find(
    (v) => typeof v.name === 'string' && v.name.startsWith(TOKEN_VOLUME_PREFIX),
  );
  const volumeName =
    typeof existing?.name === 'string' ? existing.name : TOKEN_VOLUME_PREFIX + randomSuffix();
  let needsVolume = false;
  for (const list of ['initContainers', 'containers']) {
    for (const container of children(spec, list)) {
      const mounts = Array.isArray(container.volumeMounts) ? (container.volumeMounts as unknown[]) : [];
      // A container that already mounts something at the token path keeps its own mount.
      if (children(container, 'volumeMounts').some((m) => m.mountPath === TOKEN_MOUNT_PATH)) continue;
      container.volumeMounts = [...mounts, { name: volumeName, readOnly: true, mountPath: TOKEN_MOUNT_PATH }];
      needsVolume = true;
    }
  }
  if (existing || !needsVolume) return;
  const volumes = Array.isArray(spec.volumes) ? (spec.volumes as unknown[]) : [];
  spec.volumes = [...volumes, { name: volumeName, projected: tokenVolumeSource() }];
}

/** The projected volume holding the bound token, the cluster CA and the namespace. */
export function tokenVolumeSource(): Obj {
  return {
    defaultMode: 420,
    sources: [
      { serviceAccountToken: { expirationSeconds: TOKEN_EXPIRATION_SECONDS, path: 'token' } },
      { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
      {
        downwardAPI: {
          items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }],
        },
      },
    ],
  };
}

/** Go's strconv.ParseBool, with anything unparsable counting as false. */
function parseGoBool(value: string | undefined): boolean {
  return value !== undefined && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value);
}

export const serviceAccount: AdmissionPlugin = { name: 'ServiceAccount', admit, validate };
