/**
 * Checks for each pod volume source (core/validation validateXxxVolumeSource). The common
 * sources are checked in full; rarely used cloud sources only for their required fields.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { isDNS1123Subdomain } from '../../validation/names.ts';
import { arr, child, index, isObj, num, objArr, str } from './access.ts';
import { forbidden, invalid, notSupported, required, tooLong } from './errors.ts';
import {
  validateDownwardAPIVolumeFile,
  validateFileMode,
  validateLocalDescendingPath,
  validateLocalNonReservedPath,
  validatePathNoBacksteps,
} from './downward-api.ts';
import { named } from './values.ts';

type Obj = Record<string, unknown>;
export type SourceCheck = (source: Obj, path: string) => FieldError[];

const hostPathTypes = [
  '',
  'BlockDevice',
  'CharDevice',
  'Directory',
  'DirectoryOrCreate',
  'File',
  'FileOrCreate',
  'Socket',
];

export function validateHostPath(source: Obj, path: string): FieldError[] {
  const p = str(source.path);
  if (p === '') return [required(child(path, 'path'))];
  const errs = validatePathNoBacksteps(p, child(path, 'path'));
  if (typeof source.type === 'string' && !hostPathTypes.includes(source.type)) {
    errs.push(notSupported(child(path, 'type'), named(source.type), hostPathTypes));
  }
  return errs;
}

function validateKeyToPath(item: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (str(item.key) === '') errs.push(required(child(path, 'key')));
  if (str(item.path) === '') errs.push(required(child(path, 'path')));
  errs.push(...validateLocalNonReservedPath(str(item.path), child(path, 'path')));
  errs.push(...validateFileMode(item.mode, child(path, 'mode')));
  return errs;
}

function validateItems(source: Obj, path: string): FieldError[] {
  return objArr(source.items).flatMap((item, i) => validateKeyToPath(item, index(child(path, 'items'), i)));
}

const secret: SourceCheck = (source, path) => [
  ...(str(source.secretName) === '' ? [required(child(path, 'secretName'))] : []),
  ...validateFileMode(source.defaultMode, child(path, 'defaultMode')),
  ...validateItems(source, path),
];

const configMap: SourceCheck = (source, path) => [
  ...(str(source.name) === '' ? [required(child(path, 'name'))] : []),
  ...validateFileMode(source.defaultMode, child(path, 'defaultMode')),
  ...validateItems(source, path),
];

const gitRepo: SourceCheck = (source, path) => [
  ...(str(source.repository) === '' ? [required(child(path, 'repository'))] : []),
  ...validateLocalDescendingPath(str(source.directory), child(path, 'directory')),
];

const nfs: SourceCheck = (source, path) => {
  const errs: FieldError[] = [];
  if (str(source.server) === '') errs.push(required(child(path, 'server')));
  if (str(source.path) === '') errs.push(required(child(path, 'path')));
  if (!str(source.path).startsWith('/'))
    errs.push(invalid(child(path, 'path'), str(source.path), 'must be an absolute path'));
  return errs;
};

const pvc: SourceCheck = (source, path) =>
  str(source.claimName) === '' ? [required(child(path, 'claimName'))] : [];

const emptyDir: SourceCheck = (source, path) => {
  const limit = source.sizeLimit;
  const negative =
    typeof limit === 'string' ? limit.trim().startsWith('-') : typeof limit === 'number' && limit < 0;
  return negative
    ? [forbidden(child(path, 'sizeLimit'), 'SizeLimit field must be a valid resource quantity')]
    : [];
};

const downwardAPI: SourceCheck = (source, path) => [
  ...validateFileMode(source.defaultMode, child(path, 'defaultMode')),
  ...objArr(source.items).flatMap((file) => validateDownwardAPIVolumeFile(file, path)),
];

const projected: SourceCheck = (source, path) => {
  const errs = validateFileMode(source.defaultMode, child(path, 'defaultMode'));
  const allPaths = new Set<string>();
  const note = (p: string, value: unknown) => {
    if (p.length === 0) return;
    if (allPaths.has(p)) errs.push(invalid(path, value, 'conflicting duplicate paths'));
    else allPaths.add(p);
  };
  objArr(source.sources).forEach((src, i) => {
    let count = 0;
    const srcPath = index(child(path, 'sources'), i);
    for (const kind of ['secret', 'configMap'] as const) {
      const s = src[kind];
      if (!isObj(s)) continue;
      count++;
      const projPath = child(srcPath, kind);
      if (str(s.name) === '') errs.push(required(child(projPath, 'name')));
      objArr(s.items).forEach((item, j) => {
        errs.push(...validateKeyToPath(item, index(child(projPath, 'items'), j)));
        note(str(item.path), str(s.name));
      });
    }
    if (isObj(src.downwardAPI)) {
      count++;
      for (const file of objArr(src.downwardAPI.items)) {
        errs.push(...validateDownwardAPIVolumeFile(file, child(srcPath, 'downwardAPI')));
        note(str(file.path), str(file.path));
      }
    }
    if (isObj(src.serviceAccountToken)) {
      count++;
      const token = src.serviceAccountToken;
      const tokenPath = child(srcPath, 'serviceAccountToken');
      const seconds = num(token.expirationSeconds);
      if (seconds < 600) {
        errs.push(
          invalid(
            child(tokenPath, 'expirationSeconds'),
            seconds,
            'may not specify a duration less than 10 minutes',
          ),
        );
      }
      if (seconds > 2 ** 32) {
        errs.push(
          invalid(
            child(tokenPath, 'expirationSeconds'),
            seconds,
            'may not specify a duration larger than 2^32 seconds',
          ),
        );
      }
      if (str(token.path) === '') errs.push(required(child(path, 'path')));
      else errs.push(...validateLocalNonReservedPath(str(token.path), child(path, 'path')));
    }
    if (isObj(src.clusterTrustBundle)) {
      count++;
      const bundlePath = child(srcPath, 'clusterTrustBundle');
      if (str(src.clusterTrustBundle.path) === '') errs.push(required(child(bundlePath, 'path')));
      errs.push(...validateLocalNonReservedPath(str(src.clusterTrustBundle.path), child(bundlePath, 'path')));
      note(str(src.clusterTrustBundle.path), str(src.clusterTrustBundle.path));
    }
    if (count > 1) errs.push(forbidden(srcPath, 'may not specify more than 1 volume type per source'));
  });
  return errs;
};

const csi: SourceCheck = (source, path) => {
  const errs: FieldError[] = [];
  const driver = str(source.driver);
  const driverPath = child(path, 'driver');
  if (driver === '') errs.push(required(driverPath));
  if (driver.length > 63) errs.push(tooLong(driverPath, 63));
  for (const msg of isDNS1123Subdomain(driver.toLowerCase())) errs.push(invalid(driverPath, driver, msg));
  if (isObj(source.nodePublishSecretRef)) {
    const name = str(source.nodePublishSecretRef.name);
    if (name === '') errs.push(required(child(path, 'nodePublishSecretRef', 'name')));
    else for (const msg of isDNS1123Subdomain(name)) errs.push(invalid(child(path, 'name'), name, msg));
  }
  return errs;
};

export function validateImageSource(source: Obj, path: string, resourceIsPod: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (resourceIsPod && str(source.reference) === '') errs.push(required(child(path, 'reference')));
  const policy = str(source.pullPolicy);
  if (policy === '') errs.push(required(child(path, 'pullPolicy')));
  else if (!['Always', 'IfNotPresent', 'Never'].includes(policy)) {
    errs.push(notSupported(child(path, 'pullPolicy'), named(policy), ['Always', 'IfNotPresent', 'Never']));
  }
  return errs;
}

/** Sources only checked for the fields they cannot do without. */
function requiredFields(...fields: string[]): SourceCheck {
  return (source, path) =>
    fields
      .filter((f) => (Array.isArray(source[f]) ? arr(source[f]).length === 0 : str(source[f]) === ''))
      .map((f) => required(child(path, f)));
}

/** In Go's check order; the second name is the path Go validates the source under. */
export const volumeSources: readonly (readonly [string, string, SourceCheck])[] = [
  ['hostPath', 'hostPath', validateHostPath],
  ['gitRepo', 'gitRepo', gitRepo],
  ['gcePersistentDisk', 'persistentDisk', requiredFields('pdName')],
  ['awsElasticBlockStore', 'awsElasticBlockStore', requiredFields('volumeID')],
  ['secret', 'secret', secret],
  ['nfs', 'nfs', nfs],
  ['iscsi', 'iscsi', requiredFields('targetPortal', 'iqn')],
  ['glusterfs', 'glusterfs', requiredFields('endpoints', 'path')],
  ['flocker', 'flocker', () => []],
  ['persistentVolumeClaim', 'persistentVolumeClaim', pvc],
  ['rbd', 'rbd', requiredFields('monitors', 'image')],
  ['cinder', 'cinder', requiredFields('volumeID')],
  ['cephfs', 'cephfs', requiredFields('monitors')],
  ['quobyte', 'quobyte', requiredFields('registry', 'volume')],
  ['downwardAPI', 'downwardAPI', downwardAPI],
  ['fc', 'fc', () => []],
  ['flexVolume', 'flexVolume', requiredFields('driver')],
  ['configMap', 'configMap', configMap],
  ['azureFile', 'azureFile', requiredFields('secretName', 'shareName')],
  ['vsphereVolume', 'vsphereVolume', requiredFields('volumePath')],
  ['photonPersistentDisk', 'photonPersistentDisk', requiredFields('pdID')],
  ['portworxVolume', 'portworxVolume', requiredFields('volumeID')],
  ['azureDisk', 'azureDisk', requiredFields('diskName', 'diskURI')],
  ['storageos', 'storageos', requiredFields('volumeName')],
  ['projected', 'projected', projected],
  ['scaleIO', 'scaleIO', requiredFields('gateway', 'system', 'volumeName')],
  ['csi', 'csi', csi],
];

/** Go checks emptyDir first and reports a second source under this (misspelt) name. */
export const conflictPathName: Record<string, string> = { downwardAPI: 'downwarAPI', cephfs: 'cephFS' };

export { emptyDir as validateEmptyDir };
