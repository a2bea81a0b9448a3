/**
 * `kubectl events [--for TYPE/NAME] [--types T,…] [-A]`: the namespace's events, oldest first,
 * as kubectl's event printer writes them (its own LAST SEEN column, `(xN over …)` for
 * repeats, and OBJECT as `Kind/name`).
 */
import type { KubeObject } from '../../api/types.ts';
import type { Status } from '../../apiserver/status.ts';
import { TabWriter, translateTimestampSince } from '../../printers/index.ts';
import { parseTimestamp } from '../../printers/duration/human-duration.ts';
import { bool, str, stringSlice, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';
import { resolveTargets } from '../targets.ts';
import { goSort } from '../../patch/go-sort.ts';

export const eventsFlags: FlagSpec[] = [
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'for', type: 'string', default: '' },
  { name: 'types', type: 'stringArray' },
  { name: 'no-headers', type: 'bool', default: false },
];

interface Event extends KubeObject {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  series?: { count?: number; lastObservedTime?: string };
  involvedObject?: { kind?: string; name?: string };
}

/** When the event last happened, for sorting (SortableEvents). */
function lastSeen(e: Event): number {
  return (
    parseTimestamp(e.series?.lastObservedTime) ??
    parseTimestamp(e.lastTimestamp) ??
    parseTimestamp(e.eventTime) ??
    0
  );
}

/** The LAST SEEN cell: the age, and for a repeated event how often over how long. */
function interval(e: Event, now: number): string {
  const first =
    parseTimestamp(e.eventTime) !== undefined
      ? translateTimestampSince(e.eventTime, now)
      : translateTimestampSince(e.firstTimestamp, now);
  if (e.series)
    return `${translateTimestampSince(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
  if ((e.count ?? 0) > 1)
    return `${translateTimestampSince(e.lastTimestamp, now)} (x${e.count ?? 0} over ${first})`;
  return first;
}

export function runEvents(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const all = bool(flags, 'all-namespaces');
  const query: Record<string, string> = {};
  const target = str(flags, 'for');
  if (target) {
    const resolved = resolveTargets(ctx, [target]);
    if (typeof resolved === 'string') return out.fail(resolved);
    const [t] = resolved;
    if (!t || t.names.length !== 1) return out.fail(`error: --for must be in resource/name form`);
    query.fieldSelector = `involvedObject.kind=${t.resource.kind},involvedObject.name=${t.names[0] ?? ''}`;
  }
  const res = ctx.host.client.request({
    method: 'GET',
    path: all ? '/api/v1/events' : `/api/v1/namespaces/${ctx.namespace}/events`,
    query,
  });
  if (res.status >= 400) return out.fail(apiErrorMessage(res.body as Status));
  const types = stringSlice(flags, 'types');
  for (const t of types) {
    if (t !== 'Normal' && t !== 'Warning') return out.fail(`error: valid --types are Normal or Warning`);
  }
  const events = ((res.body as { items: Event[] }).items ?? []).filter(
    (e) => types.length === 0 || types.includes(e.type ?? ''),
  );
  // kubectl's sort.Sort is not stable: events of the same second come out in Go's order.
  goSort(events, (i, j) => lastSeen(events[i]!) < lastSeen(events[j]!));
  if (events.length === 0) {
    out.err(all ? 'No events found.\n' : `No events found in ${ctx.namespace} namespace.\n`);
    return;
  }
  const now = ctx.host.now();
  const writer = new TabWriter();
  if (!bool(flags, 'no-headers'))
    writer.write(`${all ? 'NAMESPACE\t' : ''}LAST SEEN\tTYPE\tREASON\tOBJECT\tMESSAGE\n`);
  for (const e of events) {
    const object = `${e.involvedObject?.kind ?? ''}/${e.involvedObject?.name ?? ''}`;
    writer.write(
      `${all ? `${e.metadata.namespace ?? ''}\t` : ''}${interval(e, now)}\t${e.type ?? ''}\t${e.reason ?? ''}\t${object}\t${(e.message ?? '').trim()}\n`,
    );
  }
  writer.flush();
  out.out(writer.take());
}
