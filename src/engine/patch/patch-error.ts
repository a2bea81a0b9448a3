/**
 * Errors of the patch algorithms. `GoError` carries the exact text of the Go error the
 * ported code returns; `PatchError` is what callers see: the text plus, for patches the API
 * server applies, the HTTP status it answers with.
 */
import type { JsonObject, JsonValue } from '../api/types.ts';
import { goFormatS, goFormatV, goTypeName } from './go-values.ts';

/** The sentinel errors of k8s.io/apimachinery/pkg/util/mergepatch, by variable name. */
export const mergePatchSentinels = {
  ErrBadJSONDoc: 'invalid JSON document',
  ErrNoListOfLists: 'lists of lists are not supported',
  ErrBadPatchFormatForPrimitiveList: 'invalid patch format of primitive list',
  ErrBadPatchFormatForRetainKeys: 'invalid patch format of retainKeys',
  ErrBadPatchFormatForSetElementOrderList: 'invalid patch format of setElementOrder list',
  ErrPatchContentNotMatchRetainKeys: "patch content doesn't match retainKeys list",
  ErrUnsupportedStrategicMergePatchFormat: 'strategic merge patch format is not supported',
} as const;

export type MergePatchSentinel = keyof typeof mergePatchSentinels;

export class GoError extends Error {
  constructor(
    message: string,
    readonly sentinel?: MergePatchSentinel,
  ) {
    super(message);
    this.name = 'GoError';
  }
}

export function sentinel(name: MergePatchSentinel): GoError {
  return new GoError(mergePatchSentinels[name], name);
}

export function errNoMergeKey(map: JsonObject, key: string): GoError {
  return new GoError(`map: ${goFormatV(map)} does not contain declared merge key: ${key}`);
}

/** `mergepatch.ErrBadArgType(expected, actual)`; `expected` names the Go type wanted. */
export function errBadArgType(expected: 'map' | 'slice', actual: JsonValue | undefined): GoError {
  const wanted = expected === 'map' ? 'map[string]interface {}' : '[]interface {}';
  return new GoError(`expected a ${wanted}, but received a ${goTypeName(actual)}`);
}

export function errBadPatchType(directive: JsonValue | undefined, map: JsonObject): GoError {
  return new GoError(`unknown patch type: ${goFormatS(directive)} in map: ${goFormatV(map)}`);
}

export type PatchErrorKind = 'request' | 'conflict' | 'precondition' | 'internal';

/**
 * A failed patch. For patches applied by the API server, `code` and `reason` are the HTTP
 * status and metav1 StatusReason it answers with and `message` is the Status message
 * (kubectl prints it); `detail` is the underlying library error, which the server does not
 * always pass on (a failed JSON patch answers only with a generic 422 message).
 */
export class PatchError extends Error {
  constructor(
    readonly kind: PatchErrorKind,
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly detail: string = message,
  ) {
    super(message);
    this.name = 'PatchError';
  }
}

/** The message of `NewGenericServerResponse(422, ...)`, which drops the server's own text. */
export const GENERIC_UNPROCESSABLE = 'the server rejected our request due to an error in our request';

export function badRequest(message: string): PatchError {
  return new PatchError('request', 400, 'BadRequest', message);
}

export function unprocessable(detail: string): PatchError {
  return new PatchError('request', 422, 'Invalid', GENERIC_UNPROCESSABLE, detail);
}

/** An error that is not a metav1.Status: the server answers 500 with an empty reason. */
export function internalError(message: string): PatchError {
  return new PatchError('internal', 500, '', message);
}

/** The HTTP mapping of apiserver's `interpretStrategicMergePatchError`. */
export function interpretStrategicMergePatchError(error: unknown): PatchError {
  if (error instanceof PatchError) return error;
  if (!(error instanceof GoError)) throw error;
  switch (error.sentinel) {
    case 'ErrBadJSONDoc':
    case 'ErrBadPatchFormatForPrimitiveList':
    case 'ErrBadPatchFormatForRetainKeys':
    case 'ErrBadPatchFormatForSetElementOrderList':
    case 'ErrUnsupportedStrategicMergePatchFormat':
      return badRequest(error.message);
    case 'ErrNoListOfLists':
    case 'ErrPatchContentNotMatchRetainKeys':
      return unprocessable(error.message);
    default:
      return internalError(error.message);
  }
}

/** Client-side failures (computing a patch in kubectl) have no HTTP status. */
export function clientError(error: unknown): PatchError {
  if (error instanceof PatchError) return error;
  if (error instanceof GoError) return new PatchError('internal', 0, '', error.message);
  throw error;
}
