/**
 * ownerReferences validation (apimachinery `pkg/api/validation/objectmeta.go`): each
 * reference needs apiVersion, kind, name and uid; at most one may be the controller; Events
 * may never own anything.
 */
import type { FieldError } from '../api/field-errors.ts';
import type { OwnerReference } from '../api/types.ts';
import { parseApiVersion } from '../api/types.ts';
import { childPath, invalid } from './field.ts';

/** Kinds that may never own objects (apimachinery BannedOwners). */
const bannedOwners = new Set(['/v1/Event']);

export function validateOwnerReferences(
  refs: readonly OwnerReference[] | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!refs) return errs;
  let firstController = '';
  for (const ref of refs) {
    errs.push(...validateOwnerReference(ref, field));
    if (ref.controller === true) {
      const current = `${ref.kind}/${ref.name}`;
      if (firstController !== '') {
        errs.push(
          invalid(
            field,
            refs,
            `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${current}`,
          ),
        );
      } else firstController = current;
    }
  }
  return errs;
}

function validateOwnerReference(ref: OwnerReference, field: string): FieldError[] {
  const errs: FieldError[] = [];
  const apiVersion = ref.apiVersion ?? '';
  const parsed = parseApiVersion(apiVersion);
  // More than one slash does not parse in Go, which then sees no version at all.
  const { group, version } = parsed.version.includes('/') ? { group: '', version: '' } : parsed;
  if (version.length === 0)
    errs.push(invalid(childPath(field, 'apiVersion'), apiVersion, 'version must not be empty'));
  if ((ref.kind ?? '').length === 0)
    errs.push(invalid(childPath(field, 'kind'), ref.kind ?? '', 'must not be empty'));
  if ((ref.name ?? '').length === 0)
    errs.push(invalid(childPath(field, 'name'), ref.name ?? '', 'must not be empty'));
  if ((ref.uid ?? '').length === 0)
    errs.push(invalid(childPath(field, 'uid'), ref.uid ?? '', 'must not be empty'));
  if (bannedOwners.has(`${group}/${version}/${ref.kind}`)) {
    // Go prints the GroupVersionKind with its String(): "/v1, Kind=Event".
    errs.push(invalid(field, ref, `${group}/${version}, Kind=${ref.kind} is disallowed from being an owner`));
  }
  return errs;
}
