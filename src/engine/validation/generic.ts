/**
 * Name validation functions (apimachinery `pkg/api/validation/generic.go`). A
 * `ValidateNameFunc` gets `prefix = true` when checking a generateName, whose trailing dash
 * is allowed because random characters will follow it.
 */
import type { FieldError } from '../api/field-errors.ts';
import { invalid } from './field.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain } from './names.ts';

export type ValidateNameFunc = (name: string, prefix: boolean) => string[];

export const isNegativeErrorMsg = 'must be greater than or equal to 0';

/** Go drops the last *two* characters before appending 'a'; harmless, and kept for fidelity. */
function maskTrailingDash(name: string): string {
  if (!name.endsWith('-')) return name;
  return name.length >= 2 ? `${name.slice(0, name.length - 2)}a` : 'a';
}

export const nameIsDNSSubdomain: ValidateNameFunc = (name, prefix) =>
  isDNS1123Subdomain(prefix ? maskTrailingDash(name) : name);

export const nameIsDNSLabel: ValidateNameFunc = (name, prefix) =>
  isDNS1123Label(prefix ? maskTrailingDash(name) : name);

export const nameIsDNS1035Label: ValidateNameFunc = (name, prefix) =>
  isDNS1035Label(prefix ? maskTrailingDash(name) : name);

export const validateNamespaceName: ValidateNameFunc = nameIsDNSLabel;
export const validateServiceAccountName: ValidateNameFunc = nameIsDNSSubdomain;

export function validateNonnegativeField(value: number, field: string): FieldError[] {
  return value < 0 ? [invalid(field, value, isNegativeErrorMsg)] : [];
}
