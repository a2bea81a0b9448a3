/**
 * The shapes built-in admission plugins share. A plugin sees one request (its object, the
 * resource it targets, the operation) and read-only lookups of other objects; it mutates the
 * working copy it is given, or rejects the request with an error the API server turns into
 * a metav1.Status.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import type { AdmissionContext, AdmissionFailure, AdmissionOperation } from '../pipeline.ts';

export interface AdmissionStatusCause {
  /** StatusCause.Type, which serialises as `reason`. */
  readonly reason?: string;
  readonly message?: string;
  readonly field?: string;
}

/** Status.details of the rejection, as apierrors fills them for the same error. */
export interface AdmissionErrorDetails {
  readonly name?: string;
  readonly group?: string;
  /** The resource (plural), as apierrors puts it in `kind`. */
  readonly kind?: string;
  readonly causes?: readonly AdmissionStatusCause[];
}

/**
 * A rejection. `message` is the whole Status message (for example
 * `pods "x" is forbidden: no PriorityClass with name high was found`); kubectl prints it as
 * `Error from server (<reason>): [error when creating "<file>": ]<message>`.
 */
export interface AdmissionError extends AdmissionFailure {
  readonly details?: AdmissionErrorDetails;
}

/** The admission context, plus the subresource of the request ('' for the main resource). */
export type AdmissionAttributes = AdmissionContext & { readonly subresource?: string };

export interface AdmissionRequest {
  /** The working copy: plugins mutate it in place. For DELETE, the object being deleted. */
  readonly object: KubeObject;
  readonly resource: ResourceInfo;
  readonly operation: AdmissionOperation;
  /** The request's namespace ('' or undefined for cluster-scoped resources). */
  readonly namespace: string | undefined;
  readonly subresource: string;
  readonly attributes: AdmissionAttributes;
}

/** Mutating phase: change `request.object` in place, or return an error. */
export type MutatingAdmission = (request: AdmissionRequest) => AdmissionError | undefined;

/** Validating phase: accept (undefined) or reject; the object must not be changed. */
export type ValidatingAdmission = (request: AdmissionRequest) => AdmissionError | undefined;

export interface AdmissionPlugin {
  /** The plugin name kube-apiserver knows it by (`--enable-admission-plugins`). */
  readonly name: string;
  readonly admit?: MutatingAdmission;
  readonly validate?: ValidatingAdmission;
}
