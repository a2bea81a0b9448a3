/**
 * StorageObjectInUseProtection (plugin/pkg/admission/storage/storageobjectinuseprotection):
 * new PVCs and PVs carry a finalizer, so deleting one that a pod (or claim) still uses only
 * marks it for deletion until the protection controller releases it.
 */
import { isResource } from './admission-errors.ts';
import type { AdmissionError, AdmissionPlugin, AdmissionRequest } from './admission-types.ts';

export const PVC_PROTECTION_FINALIZER = 'kubernetes.io/pvc-protection';
export const PV_PROTECTION_FINALIZER = 'kubernetes.io/pv-protection';

function admit(request: AdmissionRequest): AdmissionError | undefined {
  if (request.operation !== 'CREATE' || request.subresource !== '') return undefined;
  let finalizer: string;
  if (isResource(request, '', 'persistentvolumeclaims')) finalizer = PVC_PROTECTION_FINALIZER;
  else if (isResource(request, '', 'persistentvolumes')) finalizer = PV_PROTECTION_FINALIZER;
  else return undefined;
  const metadata = request.object.metadata;
  const finalizers = metadata.finalizers ?? [];
  if (!finalizers.includes(finalizer)) metadata.finalizers = [...finalizers, finalizer];
  return undefined;
}

export const storageObjectInUseProtection: AdmissionPlugin = { name: 'StorageObjectInUseProtection', admit };
