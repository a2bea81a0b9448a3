/**
 * The field-error wrappers core/validation puts around the name checks
 * (ValidateDNS1123Label, ValidateQualifiedName, …) and the name function of each kind.
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { ValidateNameFunc } from '../../validation/generic.ts';
import { nameIsDNS1035Label, nameIsDNSLabel, nameIsDNSSubdomain } from '../../validation/generic.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName } from '../../validation/names.ts';
import { invalid } from './errors.ts';

export function validateDNS1123Label(value: string, path: string): FieldError[] {
  return isDNS1123Label(value).map((msg) => invalid(path, value, msg));
}

export function validateDNS1123Subdomain(value: string, path: string): FieldError[] {
  return isDNS1123Subdomain(value).map((msg) => invalid(path, value, msg));
}

export function validateQualifiedName(value: string, path: string): FieldError[] {
  return isQualifiedName(value).map((msg) => invalid(path, value, msg));
}

/** Runs a ValidateNameFunc (not as a prefix) and wraps each message. */
export function validateNameWith(fn: ValidateNameFunc, value: string, path: string): FieldError[] {
  return fn(value, false).map((msg) => invalid(path, value, msg));
}

export const validateServiceName: ValidateNameFunc = nameIsDNS1035Label;
export const validateSubdomainName: ValidateNameFunc = nameIsDNSSubdomain;
export const validateLabelName: ValidateNameFunc = nameIsDNSLabel;
