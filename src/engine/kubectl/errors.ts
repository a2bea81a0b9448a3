/**
 * How kubectl turns API errors into text (cmd/util/helpers.go: checkErr,
 * StandardErrorMessage, AddSourceToErr, MultilineError).
 */
import type { Status } from '../apiserver/status.ts';

export interface ErrorSource {
  /** `creating`, `retrieving current configuration of`, `applying patch`, … */
  readonly verb: string;
  /** The file the object came from (`STDIN` for -f -). */
  readonly source: string;
}

export function apiErrorMessage(status: Status, source?: ErrorSource): string {
  const details = status.details;
  if (status.reason === 'Invalid') {
    const causes = details?.causes ?? [];
    const head =
      details && (details.kind || details.name)
        ? `The ${details.kind ?? ''} "${details.name ?? ''}" is invalid`
        : 'The request is invalid';
    // Without causes or a named object, kubectl adds the server's message.
    if (causes.length === 0)
      return !details?.kind && !details?.name && status.message ? `${head}: ${status.message}` : head;
    const lines = causes.map((c) => (c.field ? `${c.field}: ${c.message ?? ''}` : (c.message ?? '')));
    if (lines.length === 1) return `${head}: ${lines[0]}`;
    return `${head}: \n${lines.map((l) => `* ${l}`).join('\n')}`;
  }
  let message = status.message ?? '';
  if (source) message = `error when ${source.verb} "${source.source}": ${message}`;
  if (status.reason === 'Unauthorized') return `error: You must be logged in to the server (${message})`;
  return status.reason ? `Error from server (${status.reason}): ${message}` : `Error from server: ${message}`;
}
