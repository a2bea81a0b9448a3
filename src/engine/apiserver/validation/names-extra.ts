/**
 * Checks from apimachinery `pkg/util/validation` and `pkg/api/validation/path` that the
 * shared name checks (src/engine/validation/names.ts) do not cover yet.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { inclusiveRangeError, maxLenError, regexError } from '../../validation/messages.ts';
import { isDNS1123Subdomain } from '../../validation/names.ts';
import { invalid, required } from './errors.ts';

const maxUserID = 2147483647;

/** IsValidUserID / IsValidGroupID: 0 … 2^31-1. */
export function isValidUserID(uid: number): string[] {
  return uid >= 0 && uid <= maxUserID ? [] : [inclusiveRangeError(0, maxUserID)];
}

export const isValidGroupID = isValidUserID;

const httpPathFmt = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
const httpPathRegexp = new RegExp(`^${httpPathFmt}$`);

/** IsDomainPrefixedPath: `acme.io/foo`, used by managedBy and IngressClass controllers. */
export function isDomainPrefixedPath(field: string, value: string): FieldError[] {
  if (value.length === 0) return [required(field)];
  const slash = value.indexOf('/');
  const host = slash < 0 ? value : value.slice(0, slash);
  const path = slash < 0 ? '' : value.slice(slash + 1);
  if (slash < 0 || host.length === 0 || path.length === 0) {
    return [invalid(field, value, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  }
  const errs = isDNS1123Subdomain(host).map((msg) => invalid(field, host, msg));
  if (!httpPathRegexp.test(path)) errs.push(invalid(field, path, regexError('Invalid path', httpPathFmt)));
  return errs;
}

/** path.IsValidPathSegmentName: names that are safe as a URL path segment (RBAC names). */
export function isValidPathSegmentName(name: string): string[] {
  for (const illegal of ['.', '..']) if (name === illegal) return [`may not be '${illegal}'`];
  const errs: string[] = [];
  for (const illegal of ['/', '%']) if (name.includes(illegal)) errs.push(`may not contain '${illegal}'`);
  return errs;
}

/** ValidateNameFunc form of path-segment validation (prefix makes no difference). */
export function validatePathSegmentName(name: string, _prefix: boolean): string[] {
  return isValidPathSegmentName(name);
}

const labelWithUnderscoreFmt = '_?[a-z0-9]([-_a-z0-9]*[a-z0-9])?';
const subdomainWithUnderscoreFmt = `${labelWithUnderscoreFmt}(\\.${labelWithUnderscoreFmt})*`;
const subdomainWithUnderscoreRegexp = new RegExp(`^${subdomainWithUnderscoreFmt}$`);

/** IsDNS1123SubdomainWithUnderscore (DNS search domains under RelaxedDNSSearchValidation). */
export function isDNS1123SubdomainWithUnderscore(value: string): string[] {
  const errs: string[] = [];
  if (value.length > 253) errs.push(maxLenError(253));
  if (!subdomainWithUnderscoreRegexp.test(value)) {
    errs.push(
      regexError(
        "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '_', '-' or '.', and must start and end with an alphanumeric character",
        subdomainWithUnderscoreFmt,
        'example.com',
      ),
    );
  }
  return errs;
}
