/**
 * The stages an object passes between the request body and etcd: strict decoding,
 * version conversion, defaulting, admission and validation. Each stage is a pure function
 * owned by its own module; this file only names them so the registry can run them in
 * Kubernetes' order.
 */
import type { FieldError } from '../api/field-errors.ts';
import type { GroupVersionKind, KubeObject } from '../api/types.ts';

export interface DecodeOutcome {
  /** A type error that makes the object undecodable (Go's json error text). */
  readonly fatal?: string;
  /** `unknown field "spec.x"` / `duplicate field "y"`, in the order the real decoder reports them. */
  readonly strictErrors: readonly string[];
  /** The object with unknown fields dropped. */
  readonly object: KubeObject;
}

export type AdmissionOperation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionFailure {
  readonly reason: 'Forbidden' | 'NotFound' | 'Invalid' | 'BadRequest';
  readonly code: number;
  readonly message: string;
  /** Status details as the plugin reports them (resource, name, causes). */
  readonly details?: {
    readonly name?: string;
    readonly group?: string;
    readonly kind?: string;
    readonly causes?: readonly { reason?: string; message?: string; field?: string }[];
  };
}

/** Read-only views admission plugins may consult (namespaces, service accounts, limit ranges…). */
export interface AdmissionLookup {
  get(group: string, resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(group: string, resource: string, namespace: string | undefined): readonly KubeObject[];
}

export interface AdmissionContext {
  readonly operation: AdmissionOperation;
  readonly oldObject: KubeObject | undefined;
  readonly lookup: AdmissionLookup;
  readonly namespace: string | undefined;
  /** Five characters from the generateName alphabet, drawn from the API server's seeded stream. */
  readonly randomSuffix: () => string;
}

export interface ObjectPipeline {
  hasSchema(gvk: GroupVersionKind): boolean;
  decode(gvk: GroupVersionKind, object: KubeObject): DecodeOutcome;
  convert(object: KubeObject, toApiVersion: string): KubeObject;
  applyDefaults(object: KubeObject): KubeObject;
  /** Mutating admission, before field validation. */
  admit(object: KubeObject, context: AdmissionContext): KubeObject | AdmissionFailure;
  /** Validating admission, after field validation. */
  validateAdmission(object: KubeObject, context: AdmissionContext): AdmissionFailure | undefined;
  validateCreate(object: KubeObject): FieldError[];
  validateUpdate(object: KubeObject, old: KubeObject): FieldError[];
}

export function isAdmissionFailure(value: KubeObject | AdmissionFailure): value is AdmissionFailure {
  return (value as AdmissionFailure).reason !== undefined && (value as KubeObject).metadata === undefined;
}

/** A pipeline that accepts everything unchanged: the base the real stages are wired into. */
export const passThroughPipeline: ObjectPipeline = {
  hasSchema: () => true,
  decode: (_gvk, object) => ({ strictErrors: [], object }),
  convert: (object, toApiVersion) =>
    object.apiVersion === toApiVersion ? object : { ...object, apiVersion: toApiVersion },
  applyDefaults: (object) => object,
  admit: (object) => object,
  validateAdmission: () => undefined,
  validateCreate: () => [],
  validateUpdate: () => [],
};
