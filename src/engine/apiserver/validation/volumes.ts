/**
 * Pod volumes (core/validation ValidateVolumes): names, exactly one source each, and the map
 * of valid volumes that container mounts are checked against.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { child, index, isObj, objArr, str } from './access.ts';
import { duplicate, forbidden, invalid, required } from './errors.ts';
import { validateDNS1123Label } from './core-names.ts';
import { conflictPathName, validateEmptyDir, validateImageSource, volumeSources } from './volume-sources.ts';
import { validatePersistentVolumeClaimTemplate } from './pvc-spec.ts';
import { goQuote } from './values.ts';

export type VolumeMap = Map<string, Record<string, unknown>>;

export interface VolumeOptions {
  resourceIsPod: boolean;
}

function validateVolumeSource(
  volume: Record<string, unknown>,
  path: string,
  podName: string | undefined,
  options: VolumeOptions,
): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  if (isObj(volume.emptyDir)) {
    count++;
    errs.push(...validateEmptyDir(volume.emptyDir, child(path, 'emptyDir')));
  }
  const check = (field: string, validate: () => FieldError[]) => {
    if (!isObj(volume[field])) return;
    if (count > 0) {
      errs.push(
        forbidden(child(path, conflictPathName[field] ?? field), 'may not specify more than 1 volume type'),
      );
      return;
    }
    count++;
    errs.push(...validate());
  };
  for (const [field, checkPath, validate] of volumeSources) {
    check(field, () => validate(volume[field] as Record<string, unknown>, child(path, checkPath)));
  }
  check('ephemeral', () => {
    const source = volume.ephemeral as Record<string, unknown>;
    const sourcePath = child(path, 'ephemeral');
    const out: FieldError[] = [];
    if (!isObj(source.volumeClaimTemplate)) out.push(required(child(sourcePath, 'volumeClaimTemplate')));
    else
      out.push(
        ...validatePersistentVolumeClaimTemplate(
          source.volumeClaimTemplate,
          child(sourcePath, 'volumeClaimTemplate'),
        ),
      );
    const volName = str(volume.name);
    if (podName && volName) {
      const pvcName = `${podName}-${volName}`;
      for (const msg of nameIsDNSSubdomain(pvcName, false)) {
        out.push(invalid(child(path, 'name'), volName, `PVC name ${goQuote(pvcName)}: ${msg}`));
      }
    }
    return out;
  });
  check('image', () =>
    validateImageSource(volume.image as Record<string, unknown>, child(path, 'image'), options.resourceIsPod),
  );
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** Returns the valid volumes by name and the errors of the others. */
export function validateVolumes(
  volumes: unknown,
  podName: string | undefined,
  path: string,
  options: VolumeOptions,
): { volumes: VolumeMap; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const valid: VolumeMap = new Map();
  const names = new Set<string>();
  const list = objArr(volumes);
  const createdPVCs = new Set<string>();
  if (podName) {
    for (const v of list) if (isObj(v.ephemeral)) createdPVCs.add(`${podName}-${str(v.name)}`);
  }
  list.forEach((volume, i) => {
    const idxPath = index(path, i);
    const namePath = child(idxPath, 'name');
    const name = str(volume.name);
    const el = validateVolumeSource(volume, idxPath, podName, options);
    if (name === '') el.push(required(namePath));
    else el.push(...validateDNS1123Label(name, namePath));
    if (names.has(name)) el.push(duplicate(namePath, name));
    if (el.length === 0) {
      names.add(name);
      valid.set(name, volume);
    } else errors.push(...el);
    const claim = isObj(volume.persistentVolumeClaim)
      ? str(volume.persistentVolumeClaim.claimName)
      : undefined;
    if (claim !== undefined && createdPVCs.has(claim)) {
      errors.push(
        invalid(
          child(idxPath, 'persistentVolumeClaim', 'claimName'),
          claim,
          'must not reference a PVC that gets created for an ephemeral volume',
        ),
      );
    }
  });
  return { volumes: valid, errors };
}
