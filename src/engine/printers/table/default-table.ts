/**
 * The API server's fallback table (apiserver `rest.NewDefaultTableConvertor`) for kinds
 * without a printer, such as Role, ClusterRole and LimitRange: NAME and CREATED AT, the
 * creation time in RFC 3339 rather than an age.
 */
import { parseTimestamp } from '../duration/human-duration.ts';
import { column, nameColumn } from './columns.ts';
import { nameOf, type KindPrinter } from './printer.ts';

/** Go's time.Format(time.RFC3339) of a UTC time; the zero time when unset. */
function rfc3339(timestamp: unknown): string {
  const ms = parseTimestamp(timestamp);
  if (ms === undefined) return '0001-01-01T00:00:00Z';
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

export const defaultPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column(
      'Created At',
      'date',
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
    ),
  ],
  row(o) {
    return [nameOf(o), rfc3339(o.metadata.creationTimestamp)];
  },
};
