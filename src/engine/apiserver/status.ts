/**
 * metav1.Status failures, with the reasons, codes and message texts of apimachinery's
 * `pkg/api/errors`. kubectl prints these messages verbatim, so they must match.
 */
import type { FieldError } from '../api/field-errors.ts';
import { fieldErrorReason, formatFieldError } from '../api/field-errors.ts';
import type { KubeObject } from '../api/types.ts';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  uid?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

export interface Status extends KubeObject {
  kind: 'Status';
  apiVersion: 'v1';
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: StatusDetails;
  code: number;
}

/** A group-qualified resource as errors print it: `pods`, `deployments.apps`. */
export interface QualifiedResource {
  readonly group: string;
  readonly resource: string;
}

export function qualifiedName(gr: QualifiedResource): string {
  return gr.group ? `${gr.resource}.${gr.group}` : gr.resource;
}

function failure(code: number, reason: string, message: string, details?: StatusDetails): Status {
  const status: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
  };
  if (details) status.details = details;
  return status;
}

function resourceDetails(gr: QualifiedResource, name: string): StatusDetails {
  const details: StatusDetails = { name, kind: gr.resource };
  if (gr.group) details.group = gr.group;
  return details;
}

export const statusErrors = {
  notFound(gr: QualifiedResource, name: string): Status {
    return failure(404, 'NotFound', `${qualifiedName(gr)} "${name}" not found`, resourceDetails(gr, name));
  },
  alreadyExists(gr: QualifiedResource, name: string): Status {
    return failure(
      409,
      'AlreadyExists',
      `${qualifiedName(gr)} "${name}" already exists`,
      resourceDetails(gr, name),
    );
  },
  conflict(gr: QualifiedResource, name: string, detail: string): Status {
    return failure(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${qualifiedName(gr)} "${name}": ${detail}`,
      resourceDetails(gr, name),
    );
  },
  /** The optimistic-concurrency conflict of a stale resourceVersion. */
  staleConflict(gr: QualifiedResource, name: string): Status {
    return statusErrors.conflict(
      gr,
      name,
      'the object has been modified; please apply your changes to the latest version and try again',
    );
  },
  invalid(group: string, kind: string, name: string, errors: readonly FieldError[]): Status {
    const qualifiedKind = group ? `${kind}.${group}` : kind;
    const texts = errors.map(formatFieldError);
    const joined = texts.length === 1 ? texts[0]! : `[${texts.join(', ')}]`;
    const details: StatusDetails = {
      name,
      kind,
      causes: errors.map((e) => ({ reason: fieldErrorReason[e.type], message: bodyOf(e), field: e.field })),
    };
    if (group) details.group = group;
    return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${joined}`, details);
  },
  badRequest(message: string): Status {
    return failure(400, 'BadRequest', message);
  },
  forbidden(gr: QualifiedResource, name: string, reason: string): Status {
    const what = name ? `${qualifiedName(gr)} "${name}"` : qualifiedName(gr);
    return failure(403, 'Forbidden', `${what} is forbidden: ${reason}`, resourceDetails(gr, name));
  },
  methodNotAllowed(message = 'the server does not allow this method on the requested resource'): Status {
    return failure(405, 'MethodNotAllowed', message);
  },
  notAcceptable(message: string): Status {
    return failure(406, 'NotAcceptable', message);
  },
  unsupportedMediaType(contentType: string): Status {
    return failure(
      415,
      'UnsupportedMediaType',
      `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`,
    );
  },
  /** HTTP 409 for a server-side apply that would change fields other managers own. */
  applyConflict(conflicts: readonly { manager: string; field: string }[], message: string): Status {
    return failure(409, 'Conflict', message, {
      causes: conflicts.map((c) => ({
        reason: 'FieldManagerConflict',
        message: `conflict with ${c.manager}`,
        field: c.field,
      })),
    });
  },
  /** HTTP 429: the request may succeed later (`retryAfterSeconds` 0 is left out, as Go's encoder does). */
  tooManyRequests(message: string, retryAfterSeconds: number, causes: StatusCause[] = []): Status {
    const details: StatusDetails = {};
    if (retryAfterSeconds > 0) details.retryAfterSeconds = retryAfterSeconds;
    if (causes.length) details.causes = causes;
    return failure(429, 'TooManyRequests', message, details);
  },
  /** A watch from a compacted revision: HTTP 410 Gone, reason Expired. */
  expired(message: string): Status {
    return failure(410, 'Expired', message);
  },
  /** A path no route serves: the plain 404 of the API server's mux. */
  pathNotFound(): Status {
    return failure(404, 'NotFound', 'the server could not find the requested resource', {});
  },
  internal(message: string): Status {
    return failure(500, 'InternalError', `Internal error occurred: ${message}`, {
      causes: [{ message }],
    });
  },
};

/** A Success status, as DELETE returns for some resources. */
export function successStatus(details: StatusDetails): Status {
  return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details, code: 200 };
}

function bodyOf(error: FieldError): string {
  const text = formatFieldError(error);
  return text.slice(error.field.length + 2);
}

export function isStatus(value: unknown): value is Status {
  return typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'Status';
}
