/**
 * Defaults of pod volumes and persistent-volume sources (core/v1 SetDefaults_Volume and the
 * per-source defaulters the generated code calls).
 */
import { defaultObjectFieldSelector } from './container-defaults.ts';
import { parseImageReference } from './image-reference.ts';
import type { Obj } from './json.ts';
import { child, children, defaultPointer, defaultString, ensureChild } from './json.ts';
import { defaultPvcSpec } from './pvc-defaults.ts';

/** Go's `0644`: the file mode every projected/secret/configMap/downwardAPI volume defaults to. */
export const DEFAULT_VOLUME_MODE = 420;

/** Every volume source a v1 Volume can carry; a volume with none of them becomes an emptyDir. */
const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'secret',
  'nfs',
  'iscsi',
  'glusterfs',
  'persistentVolumeClaim',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'downwardAPI',
  'fc',
  'azureFile',
  'configMap',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'photonPersistentDisk',
  'projected',
  'portworxVolume',
  'scaleIO',
  'storageos',
  'csi',
  'ephemeral',
  'image',
];

export function defaultVolume(volume: Obj): void {
  if (!VOLUME_SOURCES.some((key) => volume[key] !== undefined && volume[key] !== null)) volume.emptyDir = {};
  const image = child(volume, 'image');
  if (image && (image.pullPolicy === undefined || image.pullPolicy === '')) {
    const reference = typeof image.reference === 'string' ? image.reference : '';
    image.pullPolicy = parseImageReference(reference)?.tag === 'latest' ? 'Always' : 'IfNotPresent';
  }
  defaultSharedSources(volume);
  for (const key of ['secret', 'configMap'] as const) {
    const source = child(volume, key);
    if (source) defaultPointer(source, 'defaultMode', DEFAULT_VOLUME_MODE);
  }
  const downwardAPI = child(volume, 'downwardAPI');
  if (downwardAPI) {
    defaultPointer(downwardAPI, 'defaultMode', DEFAULT_VOLUME_MODE);
    defaultDownwardItems(downwardAPI);
  }
  const projected = child(volume, 'projected');
  if (projected) {
    defaultPointer(projected, 'defaultMode', DEFAULT_VOLUME_MODE);
    for (const source of children(projected, 'sources')) {
      const items = child(source, 'downwardAPI');
      if (items) defaultDownwardItems(items);
      const token = child(source, 'serviceAccountToken');
      if (token) defaultPointer(token, 'expirationSeconds', 3600);
    }
  }
  const template = child(child(volume, 'ephemeral') ?? {}, 'volumeClaimTemplate');
  if (template) defaultPvcSpec(ensureChild(template, 'spec'));
}

/** The sources a PersistentVolume shares with pod volumes, with the same defaults. */
export function defaultSharedSources(source: Obj): void {
  const hostPath = child(source, 'hostPath');
  if (hostPath) defaultPointer(hostPath, 'type', '');
  const iscsi = child(source, 'iscsi');
  if (iscsi) defaultString(iscsi, 'iscsiInterface', 'default');
  const rbd = child(source, 'rbd');
  if (rbd) {
    defaultString(rbd, 'pool', 'rbd');
    defaultString(rbd, 'user', 'admin');
    defaultString(rbd, 'keyring', '/etc/ceph/keyring');
  }
  const azureDisk = child(source, 'azureDisk');
  if (azureDisk) {
    defaultPointer(azureDisk, 'cachingMode', 'ReadWrite');
    defaultPointer(azureDisk, 'kind', 'Shared');
    defaultPointer(azureDisk, 'fsType', 'ext4');
    defaultPointer(azureDisk, 'readOnly', false);
  }
  const scaleIO = child(source, 'scaleIO');
  if (scaleIO) {
    defaultString(scaleIO, 'storageMode', 'ThinProvisioned');
    defaultString(scaleIO, 'fsType', 'xfs');
  }
}

function defaultDownwardItems(source: Obj): void {
  for (const item of children(source, 'items')) {
    const fieldRef = child(item, 'fieldRef');
    if (fieldRef) defaultObjectFieldSelector(fieldRef);
  }
}
