/**
 * managedFields validation (apimachinery `pkg/apis/meta/v1/validation` ValidateManagedFields
 * and ValidateFieldManager).
 */
import type { FieldError } from '../api/field-errors.ts';
import type { ManagedFieldsEntry } from '../api/types.ts';
import { childPath, indexPath, invalid, tooLong } from './field.ts';
import { utf8Length } from './messages.ts';

export const fieldManagerMaxLength = 128;
export const maxSubresourceNameLength = 256;

export function validateManagedFields(
  entries: readonly ManagedFieldsEntry[] | undefined,
  field: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (!entries) return errs;
  entries.forEach((entry, i) => {
    const path = indexPath(field, i);
    if (entry.operation !== 'Apply' && entry.operation !== 'Update') {
      errs.push(invalid(childPath(path, 'operation'), entry.operation ?? '', 'must be `Apply` or `Update`'));
    }
    if (entry.fieldsType && entry.fieldsType !== 'FieldsV1') {
      errs.push(invalid(childPath(path, 'fieldsType'), entry.fieldsType, 'must be `FieldsV1`'));
    }
    const manager = entry.manager ?? '';
    if (utf8Length(manager) > fieldManagerMaxLength)
      errs.push(tooLong(childPath(path, 'manager'), fieldManagerMaxLength));
    let position = 0;
    for (const ch of manager) {
      if (!isPrint(ch)) {
        const unicode = `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
        errs.push(
          invalid(
            childPath(path, 'manager'),
            manager,
            `invalid character ${unicode} (at position ${position})`,
          ),
        );
      }
      position += utf8Length(ch);
    }
    if (utf8Length(entry.subresource ?? '') > maxSubresourceNameLength)
      errs.push(tooLong(childPath(path, 'subresource'), maxSubresourceNameLength));
  });
  return errs;
}

const graphic = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

/** Go's unicode.IsPrint: graphic characters and the ASCII space. */
function isPrint(ch: string): boolean {
  return ch === ' ' || graphic.test(ch);
}
