/** The outcome of a parse or conversion that can fail with a Go-formatted error message. */
export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

export function success<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T>(error: string): Result<T> {
  return { ok: false, error };
}

/**
 * The text of Go's `utilerrors.NewAggregate(errs).Error()`: one message alone, several as
 * `[a, b]`, duplicates dropped.
 */
export function aggregateMessage(messages: readonly string[]): string {
  const unique = [...new Set(messages)];
  if (unique.length === 1) return unique[0] ?? '';
  return `[${unique.join(', ')}]`;
}
