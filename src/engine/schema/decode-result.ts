/**
 * What strict decoding reports, and the texts the API server builds from it
 * (k8s.io/apiserver endpoints/handlers transformDecodeError, k8s.io/apimachinery
 * runtime.NewStrictDecodingError).
 */
import type { GroupVersionKind, JsonValue } from '../api/types.ts';

/** One strict decoding problem, as sigs.k8s.io/json reports it. */
export interface StrictError {
  readonly type: 'unknown' | 'duplicate';
  /** Field path with list indices, e.g. `spec.template.spec.containers[0].imagePullPolicyy`. */
  readonly path: string;
  /** `unknown field "<path>"` or `duplicate field "<path>"`. */
  readonly message: string;
}

export type DecodeResult =
  | {
      readonly ok: true;
      /** Unknown and duplicate fields in the order the decoder met them (deduplicated, at most 100). */
      readonly strictErrors: readonly StrictError[];
      /** Paths of the unknown fields only, in the same order. */
      readonly unknownFields: readonly string[];
      /** The object with unknown fields dropped and duplicates resolved (last one wins). */
      readonly object: JsonValue;
    }
  | {
      readonly ok: false;
      /** The decoder's error text, e.g. `json: cannot unmarshal string into Go struct field ...`. */
      readonly error: string;
    };

/** `strict decoding error: unknown field "spec.replicase", ...` */
export function strictDecodingErrorMessage(errors: readonly StrictError[]): string {
  return `strict decoding error: ${errors.map((e) => e.message).join(', ')}`;
}

/**
 * The BadRequest message for a body that did not decode:
 * `Deployment in version "v1" cannot be handled as a Deployment: <cause>`.
 */
export function cannotBeHandledMessage(gvk: GroupVersionKind, cause: string): string {
  return `${gvk.kind} in version "${gvk.version}" cannot be handled as a ${gvk.kind}: ${cause}`;
}

/** The server message for a decode result that fails under `fieldValidation=Strict`, or undefined. */
export function strictDecodeFailure(gvk: GroupVersionKind, result: DecodeResult): string | undefined {
  if (!result.ok) return cannotBeHandledMessage(gvk, result.error);
  if (result.strictErrors.length)
    return cannotBeHandledMessage(gvk, strictDecodingErrorMessage(result.strictErrors));
  return undefined;
}
