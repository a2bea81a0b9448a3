/**
 * PersistentVolumeClaimSpec validation, shared by PVCs, generic ephemeral volumes and
 * (through the template rules) StatefulSet claim templates.
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { ObjectMeta } from '../../api/types.ts';
import { nameIsDNSSubdomain, validateNamespaceName } from '../../validation/generic.ts';
import { isDNS1123Subdomain } from '../../validation/names.ts';
import { validateAnnotations, validateLabels } from '../../validation/object-meta.ts';
import { child, has, isObj, objOr, str, strArr, strMap } from './access.ts';
import { forbidden, invalid, notSupported, required } from './errors.ts';
import { validateNameWith } from './core-names.ts';
import { formatQuantity, parseQuantity } from './quantity.ts';
import { validateResourceQuantityValue } from './resources.ts';
import { validateLabelSelector } from './selector.ts';
import { named } from './values.ts';

export const supportedAccessModes = ['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod'];
export const supportedVolumeModes = ['Block', 'Filesystem'];

/** Go's ObjectMeta field names, lower-cased the way validateFieldAllowList does it. */
const templateMetaFields: readonly (readonly [string, string])[] = [
  ['name', 'name'],
  ['generateName', 'generateName'],
  ['namespace', 'namespace'],
  ['selfLink', 'selfLink'],
  ['uid', 'uID'],
  ['resourceVersion', 'resourceVersion'],
  ['generation', 'generation'],
  ['creationTimestamp', 'creationTimestamp'],
  ['deletionTimestamp', 'deletionTimestamp'],
  ['deletionGracePeriodSeconds', 'deletionGracePeriodSeconds'],
  ['ownerReferences', 'ownerReferences'],
  ['finalizers', 'finalizers'],
  ['managedFields', 'managedFields'],
];

/** ValidateTemplateObjectMeta: only labels and annotations may be set. */
export function validateTemplateObjectMeta(meta: unknown, path: string): FieldError[] {
  const m = objOr(meta) as ObjectMeta & Record<string, unknown>;
  const errs = validateAnnotations(strMap(m.annotations), child(path, 'annotations'));
  errs.push(...validateLabels(strMap(m.labels), child(path, 'labels')));
  for (const [jsonName, goName] of templateMetaFields) {
    const value = m[jsonName];
    const set = Array.isArray(value) ? value.length > 0 : has(value) && value !== '' && value !== 0;
    if (set) errs.push(forbidden(child(path, goName), 'cannot be set'));
  }
  return errs;
}

function validateDataSource(source: Record<string, unknown>, path: string, isRef: boolean): FieldError[] {
  const errs: FieldError[] = [];
  if (str(source.name) === '') errs.push(required(child(path, 'name')));
  if (str(source.kind) === '') errs.push(required(child(path, 'kind')));
  const apiGroup = str(source.apiGroup);
  if (apiGroup === '' && str(source.kind) !== 'PersistentVolumeClaim') {
    errs.push(
      invalid(
        path,
        str(source.kind),
        "must be 'PersistentVolumeClaim' when referencing the default apiGroup",
      ),
    );
  }
  if (apiGroup !== '')
    for (const msg of isDNS1123Subdomain(apiGroup))
      errs.push(invalid(child(path, 'apiGroup'), apiGroup, msg));
  if (isRef && str(source.namespace) !== '') {
    errs.push(...validateNameWith(validateNamespaceName, str(source.namespace), child(path, 'namespace')));
  }
  return errs;
}

export function validatePersistentVolumeClaimSpec(spec: unknown, path: string): FieldError[] {
  const s = objOr(spec);
  const errs: FieldError[] = [];
  const modes = strArr(s.accessModes);
  if (modes.length === 0)
    errs.push(required(child(path, 'accessModes'), 'at least 1 access mode is required'));
  if (isObj(s.selector)) errs.push(...validateLabelSelector(s.selector, {}, child(path, 'selector')));
  let rwop = false;
  let other = false;
  for (const mode of modes) {
    if (!supportedAccessModes.includes(mode))
      errs.push(notSupported(child(path, 'accessModes'), named(mode), supportedAccessModes));
    if (mode === 'ReadWriteOncePod') rwop = true;
    else if (supportedAccessModes.includes(mode)) other = true;
  }
  if (rwop && other)
    errs.push(forbidden(child(path, 'accessModes'), 'may not use ReadWriteOncePod with other access modes'));
  const storagePath = `${child(path, 'resources')}[storage]`;
  const requests = objOr(objOr(s.resources).requests);
  if (requests.storage === undefined) errs.push(required(storagePath));
  else {
    const q = parseQuantity(requests.storage);
    if (q && q.mantissa <= 0n)
      errs.push(invalid(storagePath, formatQuantity(q), 'must be greater than zero'));
    else errs.push(...validateResourceQuantityValue('storage', requests.storage, storagePath));
  }
  const className = str(s.storageClassName);
  if (className !== '')
    errs.push(...validateNameWith(nameIsDNSSubdomain, className, child(path, 'storageClassName')));
  if (typeof s.volumeMode === 'string' && !supportedVolumeModes.includes(s.volumeMode)) {
    errs.push(notSupported(child(path, 'volumeMode'), named(s.volumeMode), supportedVolumeModes));
  }
  if (isObj(s.dataSource)) errs.push(...validateDataSource(s.dataSource, child(path, 'dataSource'), false));
  if (isObj(s.dataSourceRef))
    errs.push(...validateDataSource(s.dataSourceRef, child(path, 'dataSourceRef'), true));
  if (isObj(s.dataSourceRef) && str(s.dataSourceRef.namespace) !== '') {
    if (isObj(s.dataSource))
      // Go passes a *field.Path as the value; it has no exported fields, so JSON prints {}.
      errs.push(invalid(path, {}, 'may not be specified when dataSourceRef.namespace is specified'));
  } else if (isObj(s.dataSource) && isObj(s.dataSourceRef)) {
    const a = s.dataSource;
    const b = s.dataSourceRef;
    if (str(a.apiGroup) !== str(b.apiGroup) || str(a.kind) !== str(b.kind) || str(a.name) !== str(b.name)) {
      errs.push(invalid(path, {}, 'must match dataSourceRef'));
    }
  }
  const vac = str(s.volumeAttributesClassName);
  if (vac !== '')
    errs.push(...validateNameWith(nameIsDNSSubdomain, vac, child(path, 'volumeAttributesClassName')));
  return errs;
}

export function validatePersistentVolumeClaimTemplate(
  template: Record<string, unknown>,
  path: string,
): FieldError[] {
  return [
    ...validateTemplateObjectMeta(template.metadata, child(path, 'metadata')),
    ...validatePersistentVolumeClaimSpec(template.spec, child(path, 'spec')),
  ];
}
