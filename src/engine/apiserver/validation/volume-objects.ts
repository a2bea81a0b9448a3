/**
 * PersistentVolumes and PersistentVolumeClaims (core/validation ValidatePersistentVolume,
 * ValidatePersistentVolumeClaim and their update rules).
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { child, clone, deepEqual, isObj, objOr, str, strArr } from './access.ts';
import { fieldImmutableErrorMsg, forbidden, invalid, notSupported, required } from './errors.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { supportedAccessModes, supportedVolumeModes, validatePersistentVolumeClaimSpec } from './pvc-spec.ts';
import { compareQuantity, formatQuantity, parseQuantity } from './quantity.ts';
import { validateResourceQuantityValue } from './resources.ts';
import { validateNodeSelector } from './scheduling-constraints.ts';
import { validateHostPath, volumeSources } from './volume-sources.ts';
import { validateNameWith } from './core-names.ts';
import { named } from './values.ts';

type Obj = Record<string, unknown>;

/** The persistent volume sources, in Go's check order. */
const pvSources = [
  'hostPath',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'glusterfs',
  'flocker',
  'nfs',
  'rbd',
  'quobyte',
  'cephfs',
  'iscsi',
  'cinder',
  'fc',
  'flexVolume',
  'azureFile',
  'vsphereVolume',
  'photonPersistentDisk',
  'portworxVolume',
  'azureDisk',
  'scaleIO',
  'local',
  'storageos',
  'csi',
];

function validatePVSource(spec: Obj, nodeAffinitySet: boolean): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const name of pvSources) {
    const source = spec[name];
    if (!isObj(source)) continue;
    if (count > 0 && name !== 'flexVolume') {
      errs.push(
        forbidden(
          child('spec', name === 'cephfs' ? 'cephFS' : name),
          'may not specify more than 1 volume type',
        ),
      );
      continue;
    }
    count++;
    const path = child('spec', name);
    if (name === 'hostPath') errs.push(...validateHostPath(source, path));
    else if (name === 'local') {
      const p = str(source.path);
      if (p === '') errs.push(required(child(path, 'path')));
      else if (p.split('/').includes('..'))
        errs.push(invalid(child(path, 'path'), p, "must not contain '..'"));
      if (!nodeAffinitySet) errs.push(required('spec.nodeAffinity', 'Local volume requires node affinity'));
    } else if (name === 'csi') {
      if (str(source.driver) === '') errs.push(required(child(path, 'driver')));
      if (str(source.volumeHandle) === '') errs.push(required(child(path, 'volumeHandle')));
    } else {
      const check = volumeSources.find(([field]) => field === name);
      if (check) errs.push(...check[2](source, child('spec', check[1])));
    }
  }
  if (count === 0) errs.push(required('spec', 'must specify a volume type'));
  return errs;
}

export function validatePersistentVolume(pv: KubeObject): FieldError[] {
  const errs = validateMeta(pv.metadata, false, nameIsDNSSubdomain);
  const spec = objOr(pv.spec);
  const modes = strArr(spec.accessModes);
  if (modes.length === 0) errs.push(required('spec.accessModes'));
  let rwop = false;
  let other = false;
  for (const mode of modes) {
    if (!supportedAccessModes.includes(mode))
      errs.push(notSupported('spec.accessModes', named(mode), supportedAccessModes));
    if (mode === 'ReadWriteOncePod') rwop = true;
    else if (supportedAccessModes.includes(mode)) other = true;
  }
  if (rwop && other)
    errs.push(forbidden('spec.accessModes', 'may not use ReadWriteOncePod with other access modes'));
  const capacity = objOr(spec.capacity);
  const keys = Object.keys(capacity);
  if (keys.length === 0) errs.push(required('spec.capacity'));
  if (!('storage' in capacity) || keys.length > 1)
    errs.push(notSupported('spec.capacity', capacity, ['storage']));
  for (const [k, v] of Object.entries(capacity)) {
    const q = parseQuantity(v);
    const p = `spec.capacity[${k}]`;
    if (q && q.mantissa < 0n) errs.push(invalid(p, Number(q.mantissa), 'must be a valid resource quantity'));
    if (q && q.mantissa <= 0n) errs.push(invalid(p, formatQuantity(q), 'must be greater than zero'));
  }
  const policy = str(spec.persistentVolumeReclaimPolicy);
  if (policy !== '' && !['Delete', 'Recycle', 'Retain'].includes(policy)) {
    errs.push(
      notSupported('spec.persistentVolumeReclaimPolicy', named(policy), ['Delete', 'Recycle', 'Retain']),
    );
  }
  let affinitySet = false;
  if (isObj(spec.nodeAffinity)) {
    affinitySet = true;
    if (isObj(spec.nodeAffinity.required))
      errs.push(...validateNodeSelector(spec.nodeAffinity.required, false, 'spec.nodeAffinity.required'));
    else errs.push(required('spec.nodeAffinity.required', 'must specify required node constraints'));
  }
  errs.push(...validatePVSource(spec, affinitySet));
  if (isObj(spec.hostPath) && str(spec.hostPath.path).replace(/\/+$/, '') === '' && policy === 'Recycle') {
    errs.push(
      forbidden('spec.persistentVolumeReclaimPolicy', "may not be 'recycle' for a hostPath mount of '/'"),
    );
  }
  if (str(spec.storageClassName) !== '')
    errs.push(...validateNameWith(nameIsDNSSubdomain, str(spec.storageClassName), 'spec.storageClassName'));
  if (typeof spec.volumeMode === 'string' && !supportedVolumeModes.includes(spec.volumeMode)) {
    errs.push(notSupported('spec.volumeMode', named(spec.volumeMode), supportedVolumeModes));
  }
  if (typeof spec.volumeAttributesClassName === 'string') {
    if (spec.volumeAttributesClassName === '')
      errs.push(required('spec.volumeAttributesClassName', 'an empty string is disallowed'));
    else
      errs.push(
        ...validateNameWith(
          nameIsDNSSubdomain,
          spec.volumeAttributesClassName,
          'spec.volumeAttributesClassName',
        ),
      );
    if (!isObj(spec.csi))
      errs.push(required('spec.csi', 'has to be specified when using volumeAttributesClassName'));
  }
  return errs;
}

function sourceOf(spec: Obj): Obj {
  const out: Obj = {};
  for (const name of [...pvSources]) if (spec[name] !== undefined) out[name] = spec[name];
  return out;
}

export function validatePersistentVolumeUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validatePersistentVolume(next);
  errs.push(...validateMetaUpdate(next.metadata, old.metadata));
  const a = objOr(next.spec);
  const b = objOr(old.spec);
  if (!deepEqual(sourceOf(a), sourceOf(b))) {
    errs.push(
      forbidden('spec.persistentvolumesource', 'spec.persistentvolumesource is immutable after creation'),
    );
  }
  if (!deepEqual(a.volumeMode, b.volumeMode))
    errs.push(invalid('volumeMode', a.volumeMode ?? null, fieldImmutableErrorMsg));
  if (isObj(b.nodeAffinity) && !deepEqual(a.nodeAffinity, b.nodeAffinity)) {
    errs.push(
      invalid(
        'nodeAffinity',
        a.nodeAffinity ?? null,
        `${fieldImmutableErrorMsg}, except for updating from beta label to GA`,
      ),
    );
  }
  return errs;
}

export function validatePersistentVolumeClaim(pvc: KubeObject): FieldError[] {
  return [
    ...validateMeta(pvc.metadata, true, nameIsDNSSubdomain),
    ...validatePersistentVolumeClaimSpec(pvc.spec, 'spec'),
  ];
}

export function validatePersistentVolumeClaimUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  errs.push(...validatePersistentVolumeClaim(next));
  const a = clone(objOr(next.spec));
  const b = clone(objOr(old.spec));
  if (str(b.volumeName) === '') b.volumeName = a.volumeName;
  if (b.storageClassName === undefined && typeof a.storageClassName === 'string')
    b.storageClassName = a.storageClassName;
  const bound = str(objOr(next.status).phase) === 'Bound';
  const newSize = parseQuantity(objOr(objOr(a.resources).requests).storage);
  const oldSize = parseQuantity(objOr(objOr(b.resources).requests).storage);
  if (bound && isObj(objOr(a.resources).requests)) {
    objOr(objOr(a.resources).requests).storage = objOr(objOr(b.resources).requests).storage;
    if (typeof a.volumeAttributesClassName === 'string')
      a.volumeAttributesClassName = b.volumeAttributesClassName;
  }
  if (!deepEqual(a, b)) {
    errs.push(
      forbidden(
        'spec',
        'spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims',
      ),
    );
  }
  if (newSize && oldSize && compareQuantity(newSize, oldSize) < 0) {
    const statusSize = parseQuantity(objOr(objOr(old.status).capacity).storage);
    if (statusSize && compareQuantity(newSize, statusSize) <= 0) {
      errs.push(forbidden('spec.resources.requests.storage', 'field can not be less than status.capacity'));
    }
  }
  if (!deepEqual(objOr(next.spec).volumeMode, objOr(old.spec).volumeMode)) {
    errs.push(invalid('volumeMode', objOr(next.spec).volumeMode ?? null, fieldImmutableErrorMsg));
  }
  return errs;
}

export function validatePersistentVolumeClaimStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  if ((next.metadata.resourceVersion ?? '') === '') errs.push(required('resourceVersion'));
  if (strArr(objOr(next.spec).accessModes).length === 0) errs.push(required('Spec.accessModes'));
  for (const [k, v] of Object.entries(objOr(objOr(next.status).capacity))) {
    errs.push(...validateResourceQuantityValue(k, v, `status.capacity[${k}]`));
  }
  return errs;
}

export function validatePersistentVolumeStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  if ((next.metadata.resourceVersion ?? '') === '') errs.push(required('resourceVersion'));
  return errs;
}
