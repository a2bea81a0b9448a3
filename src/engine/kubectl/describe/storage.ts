/** Describers for storage: StorageClass, PersistentVolume and PersistentVolumeClaim. */
import type { KubeObject } from '../../api/types.ts';
import { DescribeWriter } from './describe-writer.ts';
import { partsOf, writeIdentity } from './preamble.ts';
import { writeEvents } from './events.ts';
import {
  arr,
  formatLabels,
  goList,
  goBoolPointer,
  obj,
  s,
  writeAnnotations,
  writeLabels,
  writeMultiline,
  type Obj,
} from './format.ts';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';

/** `RWO,ROX`: the access modes in kubectl's fixed order. */
export function accessModes(modes: unknown): string {
  const list = arr(modes as never).map(s);
  const short: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return short
    .filter(([mode]) => list.includes(mode))
    .map(([, abbreviation]) => abbreviation)
    .join(',');
}

export function describeStorageClass(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const o = object as unknown as Obj;
  const meta = obj(o.metadata);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `IsDefaultClass:\t${s(obj(meta.annotations)[DEFAULT_CLASS]) === 'true' ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatLabels(meta.annotations)}\n`);
  w.write(0, `Provisioner:\t${s(o.provisioner)}\n`);
  w.write(0, `Parameters:\t${formatLabels(o.parameters)}\n`);
  w.write(0, `AllowVolumeExpansion:\t${goBoolPointer(o.allowVolumeExpansion)}\n`);
  const mountOptions = arr(o.mountOptions).map(s);
  if (mountOptions.length === 0) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const option of mountOptions) w.write(1, `${option}\n`);
  }
  if (o.reclaimPolicy !== undefined) w.write(0, `ReclaimPolicy:\t${s(o.reclaimPolicy)}\n`);
  if (o.volumeBindingMode !== undefined) w.write(0, `VolumeBindingMode:\t${s(o.volumeBindingMode)}\n`);
  if (events) writeEvents(w, events, now);
  return w.text();
}

function writeVolumeSource(w: DescribeWriter, spec: Obj): void {
  if (spec.hostPath) {
    const h = obj(spec.hostPath);
    w.write(
      2,
      `Type:\tHostPath (bare host directory volume)\n    Path:\t${s(h.path)}\n    HostPathType:\t${s(h.type)}\n`,
    );
  } else if (spec.local) {
    const l = obj(spec.local);
    w.write(
      2,
      `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${s(l.path)}\n`,
    );
  } else if (spec.nfs) {
    const n = obj(spec.nfs);
    w.write(
      2,
      `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${s(n.server)}\n    Path:\t${s(n.path)}\n    ReadOnly:\t${n.readOnly === true}\n`,
    );
  } else if (spec.csi) {
    const c = obj(spec.csi);
    w.write(
      2,
      `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${s(c.driver)}\n`,
    );
    w.write(
      2,
      `FSType:\t${s(c.fsType)}\n    VolumeHandle:\t${s(c.volumeHandle)}\n    ReadOnly:\t${c.readOnly === true}\n`,
    );
  }
}

export function describePersistentVolume(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const { meta, spec, status } = partsOf(object);
  const w = new DescribeWriter();
  writeIdentity(w, meta, false);
  w.write(0, `Finalizers:\t${goList(meta.finalizers)}\n`);
  w.write(0, `StorageClass:\t${s(spec.storageClassName)}\n`);
  w.write(0, `Status:\t${meta.deletionTimestamp ? 'Terminating' : s(status.phase)}\n`);
  const claim = obj(spec.claimRef);
  w.write(0, `Claim:\t${spec.claimRef ? `${s(claim.namespace)}/${s(claim.name)}` : ''}\n`);
  w.write(0, `Reclaim Policy:\t${s(spec.persistentVolumeReclaimPolicy)}\n`);
  w.write(0, `Access Modes:\t${accessModes(spec.accessModes)}\n`);
  if (spec.volumeMode !== undefined) w.write(0, `VolumeMode:\t${s(spec.volumeMode)}\n`);
  w.write(0, `Capacity:\t${s(obj(spec.capacity).storage)}\n`);
  w.write(0, 'Node Affinity:\t<none>\n');
  w.write(0, `Message:\t${s(status.message)}\n`);
  w.write(0, 'Source:\n');
  writeVolumeSource(w, spec);
  if (events) writeEvents(w, events, now);
  return w.text();
}

export function describePersistentVolumeClaim(
  object: KubeObject,
  related: { usedBy: readonly string[]; events: readonly Obj[] | undefined },
  now: number,
): string {
  const { meta, spec, status } = partsOf(object);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  w.write(0, `StorageClass:\t${s(spec.storageClassName)}\n`);
  w.write(0, `Status:\t${meta.deletionTimestamp ? 'Terminating' : s(status.phase)}\n`);
  w.write(0, `Volume:\t${s(spec.volumeName)}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  w.write(0, `Finalizers:\t${goList(meta.finalizers)}\n`);
  const bound = s(spec.volumeName) !== '';
  w.write(0, `Capacity:\t${bound ? s(obj(status.capacity).storage) : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModes(status.accessModes) : ''}\n`);
  if (spec.volumeMode !== undefined) w.write(0, `VolumeMode:\t${s(spec.volumeMode)}\n`);
  writeMultiline(w, 0, 'Used By', related.usedBy);
  if (related.events) writeEvents(w, related.events, now);
  return w.text();
}
