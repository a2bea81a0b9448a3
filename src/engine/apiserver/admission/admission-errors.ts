/**
 * The errors admission plugins return, with apierrors' message formats:
 * `admission.NewForbidden` names the object by its name, else its generateName, else
 * "Unknown"; `errors.NewNotFound` is `<resource>[.<group>] "<name>" not found`.
 */
import type { AdmissionError, AdmissionRequest, AdmissionStatusCause } from './admission-types.ts';

export function qualifiedResource(group: string, resource: string): string {
  return group ? `${resource}.${group}` : resource;
}

/** The name admission errors use for the request's object (generation has not happened yet). */
export function requestObjectName(request: AdmissionRequest): string {
  const { name, generateName } = request.object.metadata;
  if (name) return name;
  if (generateName) return generateName;
  return 'Unknown';
}

/** apierrors.NewForbidden for an explicit resource and name. */
export function forbiddenError(
  group: string,
  resource: string,
  name: string,
  reason: string,
  causes?: readonly AdmissionStatusCause[],
): AdmissionError {
  const what = name ? `${qualifiedResource(group, resource)} "${name}"` : qualifiedResource(group, resource);
  return {
    reason: 'Forbidden',
    code: 403,
    message: `${what} is forbidden: ${reason}`,
    details: { name, ...(group ? { group } : {}), kind: resource, ...(causes ? { causes } : {}) },
  };
}

/** admission.NewForbidden(a, err): Forbidden on the request's own resource and object. */
export function admissionForbidden(
  request: AdmissionRequest,
  reason: string,
  causes?: readonly AdmissionStatusCause[],
): AdmissionError {
  return forbiddenError(
    request.resource.group,
    request.resource.plural,
    requestObjectName(request),
    reason,
    causes,
  );
}

export function notFoundError(group: string, resource: string, name: string): AdmissionError {
  return {
    reason: 'NotFound',
    code: 404,
    message: `${qualifiedResource(group, resource)} "${name}" not found`,
    details: { name, ...(group ? { group } : {}), kind: resource },
  };
}

export function isResource(request: AdmissionRequest, group: string, plural: string): boolean {
  return request.resource.group === group && request.resource.plural === plural;
}
