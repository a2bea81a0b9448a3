/**
 * Admission plugins that fill a class name from the cluster default: DefaultStorageClass
 * (PVCs) and DefaultIngressClass (Ingresses). When several classes are marked default, the
 * newest wins, then the alphabetically first name.
 */
import type { KubeObject } from '../../api/types.ts';
import { ensureChild } from '../defaults/json.ts';
import { isResource } from './admission-errors.ts';
import type { AdmissionError, AdmissionPlugin, AdmissionRequest } from './admission-types.ts';

export const DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
export const BETA_DEFAULT_STORAGE_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';
export const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
export const DEFAULT_INGRESS_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';

/** The default among `classes` (those whose annotation `isDefault` accepts), or undefined. */
export function newestDefault(
  classes: readonly KubeObject[],
  isDefault: (annotations: Record<string, string>) => boolean,
): KubeObject | undefined {
  const defaults = classes.filter((c) => isDefault(c.metadata.annotations ?? {}));
  defaults.sort((a, b) => {
    const ta = a.metadata.creationTimestamp ?? '';
    const tb = b.metadata.creationTimestamp ?? '';
    if (ta !== tb) return ta < tb ? 1 : -1;
    const na = a.metadata.name ?? '';
    const nb = b.metadata.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
  return defaults[0];
}

function handlesCreate(request: AdmissionRequest, group: string, plural: string): boolean {
  return isResource(request, group, plural) && request.operation === 'CREATE' && request.subresource === '';
}

function admitStorageClass(request: AdmissionRequest): AdmissionError | undefined {
  if (!handlesCreate(request, '', 'persistentvolumeclaims')) return undefined;
  const spec = ensureChild(request.object, 'spec');
  // An explicit class, even "" (no class at all), or the beta annotation is kept as given.
  if (typeof spec.storageClassName === 'string') return undefined;
  if (request.object.metadata.annotations?.[BETA_STORAGE_CLASS_ANNOTATION] !== undefined) return undefined;
  const classes = request.attributes.lookup.list('storage.k8s.io', 'storageclasses', undefined);
  const chosen = newestDefault(
    classes,
    (a) =>
      a[DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true' || a[BETA_DEFAULT_STORAGE_CLASS_ANNOTATION] === 'true',
  );
  if (chosen?.metadata.name) spec.storageClassName = chosen.metadata.name;
  return undefined;
}

function admitIngressClass(request: AdmissionRequest): AdmissionError | undefined {
  if (!handlesCreate(request, 'networking.k8s.io', 'ingresses')) return undefined;
  const spec = ensureChild(request.object, 'spec');
  if (typeof spec.ingressClassName === 'string') return undefined;
  if (request.object.metadata.annotations?.[INGRESS_CLASS_ANNOTATION] !== undefined) return undefined;
  const classes = request.attributes.lookup.list('networking.k8s.io', 'ingressclasses', undefined);
  const chosen = newestDefault(classes, (a) => a[DEFAULT_INGRESS_CLASS_ANNOTATION] === 'true');
  if (chosen?.metadata.name) spec.ingressClassName = chosen.metadata.name;
  return undefined;
}

export const defaultStorageClass: AdmissionPlugin = { name: 'DefaultStorageClass', admit: admitStorageClass };
export const defaultIngressClass: AdmissionPlugin = { name: 'DefaultIngressClass', admit: admitIngressClass };
