/**
 * Storage kinds (printers.go printPersistentVolume, printPersistentVolumeClaim,
 * printStorageClass, printCSIDriver, printCSINode, printVolumeAttachment).
 */
import type { KubeObject } from '../../api/types.ts';
import { list, obj, objList, optBool, optStr, path, str } from './access.ts';
import { accessModes, quantity } from './cells.ts';
import { ageColumn, column, nameColumn, wide } from './columns.ts';
import { age, nameOf, type KindPrinter } from './printer.ts';

const betaStorageClassAnnotation = 'volume.beta.kubernetes.io/storage-class';

/** The beta annotation still wins over spec.storageClassName. */
function storageClassOf(o: KubeObject): string {
  const annotated = o.metadata.annotations?.[betaStorageClassAnnotation];
  return annotated ?? str(path(o, 'spec', 'storageClassName'));
}

function phaseOf(o: KubeObject): string {
  return o.metadata.deletionTimestamp !== undefined ? 'Terminating' : str(path(o, 'status', 'phase'));
}

export const persistentVolumePrinter: KindPrinter = {
  columns: [
    nameColumn,
    column(
      'Capacity',
      'string',
      "capacity is the description of the persistent volume's resources and capacity.",
    ),
    column('Access Modes', 'string', 'accessModes contains all ways the volume can be mounted.'),
    column(
      'Reclaim Policy',
      'string',
      'persistentVolumeReclaimPolicy defines what happens to a persistent volume when released from its claim.',
    ),
    column(
      'Status',
      'string',
      'phase indicates if a volume is available, bound to a claim, or released by a claim.',
    ),
    column(
      'Claim',
      'string',
      'claimRef is part of a bi-directional binding between PersistentVolume and PersistentVolumeClaim.',
    ),
    column('StorageClass', 'string', 'StorageClass of the pv'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    column(
      'Reason',
      'string',
      'reason is a brief CamelCase string that describes any failure and is meant for machine parsing and tidy display in the CLI.',
    ),
    ageColumn,
    wide(
      'VolumeMode',
      'string',
      'volumeMode defines if a volume is intended to be used with a formatted filesystem or to remain in raw block state.',
    ),
  ],
  row(pv, ctx) {
    const spec = obj(pv['spec']);
    const claimRef = spec['claimRef'];
    const claim =
      claimRef === undefined || claimRef === null
        ? ''
        : `${str(obj(claimRef)['namespace'])}/${str(obj(claimRef)['name'])}`;
    return [
      nameOf(pv),
      quantity(obj(spec['capacity'])['storage']),
      accessModes(spec['accessModes']),
      str(spec['persistentVolumeReclaimPolicy']),
      phaseOf(pv),
      claim,
      storageClassOf(pv),
      optStr(spec['volumeAttributesClassName']) ?? '<unset>',
      str(path(pv, 'status', 'reason')),
      age(pv, ctx),
      optStr(spec['volumeMode']) ?? '<unset>',
    ];
  },
};

export const persistentVolumeClaimPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Status', 'string', 'phase represents the current phase of PersistentVolumeClaim.'),
    column(
      'Volume',
      'string',
      'volumeName is the binding reference to the PersistentVolume backing this claim.',
    ),
    column('Capacity', 'string', 'capacity represents the actual resources of the underlying volume.'),
    column(
      'Access Modes',
      'string',
      'accessModes contains the actual access modes the volume backing the PVC has.',
    ),
    column('StorageClass', 'string', 'StorageClass of the pvc'),
    column('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    ageColumn,
    wide('VolumeMode', 'string', 'volumeMode defines what type of volume is required by the claim.'),
  ],
  row(pvc, ctx) {
    const spec = obj(pvc['spec']);
    const status = obj(pvc['status']);
    const volumeName = str(spec['volumeName']);
    // Capacity and access modes are only shown once the claim names its volume.
    const bound = volumeName !== '';
    const annotated = pvc.metadata.annotations?.[betaStorageClassAnnotation];
    return [
      nameOf(pvc),
      phaseOf(pvc),
      volumeName,
      bound ? quantity(obj(status['capacity'])['storage']) : '',
      bound ? accessModes(status['accessModes']) : '',
      annotated ?? optStr(spec['storageClassName']) ?? '',
      optStr(spec['volumeAttributesClassName']) ?? '<unset>',
      age(pvc, ctx),
      optStr(spec['volumeMode']) ?? '<unset>',
    ];
  },
};

function isDefaultClass(o: KubeObject): boolean {
  const annotations = o.metadata.annotations ?? {};
  return (
    annotations['storageclass.kubernetes.io/is-default-class'] === 'true' ||
    annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true'
  );
}

export const storageClassPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Provisioner', 'string', 'provisioner indicates the type of the provisioner.'),
    column(
      'ReclaimPolicy',
      'string',
      'reclaimPolicy controls the reclaimPolicy for dynamically provisioned PersistentVolumes of this storage class.',
    ),
    column(
      'VolumeBindingMode',
      'string',
      'volumeBindingMode indicates how PersistentVolumeClaims should be provisioned and bound.',
    ),
    column(
      'AllowVolumeExpansion',
      'string',
      'allowVolumeExpansion shows whether the storage class allow volume expand.',
    ),
    ageColumn,
  ],
  row(sc, ctx) {
    return [
      isDefaultClass(sc) ? `${nameOf(sc)} (default)` : nameOf(sc),
      str(sc['provisioner']),
      optStr(sc['reclaimPolicy']) ?? 'Delete',
      optStr(sc['volumeBindingMode']) ?? 'Immediate',
      optBool(sc['allowVolumeExpansion']) ?? false,
      age(sc, ctx),
    ];
  },
};

export const csiDriverPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column(
      'AttachRequired',
      'boolean',
      'attachRequired indicates this CSI volume driver requires an attach operation.',
    ),
    column(
      'PodInfoOnMount',
      'boolean',
      'podInfoOnMount indicates this CSI volume driver requires additional pod information during mount operations.',
    ),
    column(
      'StorageCapacity',
      'boolean',
      'storageCapacity indicates that the CSI volume driver wants pod scheduling to consider the storage capacity.',
    ),
    column(
      'TokenRequests',
      'string',
      "tokenRequests indicates the CSI driver needs pods' service account tokens it is mounting volume for.",
    ),
    column(
      'RequiresRepublish',
      'boolean',
      'requiresRepublish indicates the CSI driver wants NodePublishVolume being periodically called.',
    ),
    column(
      'Modes',
      'string',
      'volumeLifecycleModes defines what kind of volumes this CSI volume driver supports.',
    ),
    ageColumn,
  ],
  row(driver, ctx) {
    const spec = obj(driver['spec']);
    const tokenRequests = spec['tokenRequests'];
    const modes = list(spec['volumeLifecycleModes']).map(String).join(',');
    return [
      nameOf(driver),
      optBool(spec['attachRequired']) ?? true,
      optBool(spec['podInfoOnMount']) ?? false,
      optBool(spec['storageCapacity']) ?? false,
      Array.isArray(tokenRequests)
        ? objList(tokenRequests)
            .map((t) => str(t['audience']))
            .join(',')
        : '<unset>',
      optBool(spec['requiresRepublish']) ?? false,
      modes === '' ? '<none>' : modes,
      age(driver, ctx),
    ];
  },
};

export const csiNodePrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Drivers', 'integer', 'Drivers indicates the number of CSI drivers registered on the node'),
    ageColumn,
  ],
  row(node, ctx) {
    return [nameOf(node), list(path(node, 'spec', 'drivers')).length, age(node, ctx)];
  },
};

export const volumeAttachmentPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column(
      'Attacher',
      'string',
      'attacher indicates the name of the volume driver that MUST handle this request.',
      { format: 'name' },
    ),
    column('PV', 'string', 'persistentVolumeName represents the name of the persistent volume to attach.'),
    column('Node', 'string', 'nodeName represents the node that the volume should be attached to.'),
    column('Attached', 'boolean', 'attached indicates the volume is successfully attached.'),
    ageColumn,
  ],
  row(va, ctx) {
    const spec = obj(va['spec']);
    return [
      nameOf(va),
      str(spec['attacher']),
      str(path(spec, 'source', 'persistentVolumeName')),
      str(spec['nodeName']),
      optBool(path(va, 'status', 'attached')) ?? false,
      age(va, ctx),
    ];
  },
};
