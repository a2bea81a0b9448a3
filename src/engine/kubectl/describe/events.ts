/**
 * The Events section of describe: events about the object, found with kubectl's field
 * selector, sorted by last timestamp, with ages from the virtual clock.
 */
import type { KubeObject } from '../../api/types.ts';
import { translateTimestampSince } from '../../printers/index.ts';
import type { CommandContext } from '../context.ts';
import type { DescribeWriter } from './describe-writer.ts';
import { arr, num, obj, s, type Obj } from './format.ts';

/** Lists the events about an object (kubectl's event search, with or without the kind). */
export function searchEvents(ctx: CommandContext, object: KubeObject, withKind: boolean): Obj[] {
  const meta = object.metadata;
  const ns = meta.namespace ?? '';
  const terms = [`involvedObject.name=${meta.name ?? ''}`, `involvedObject.namespace=${ns}`];
  if (withKind) terms.push(`involvedObject.kind=${object.kind}`);
  terms.push(`involvedObject.uid=${meta.uid ?? ''}`);
  const path = ns ? `/api/v1/namespaces/${ns}/events` : '/api/v1/events';
  const res = ctx.host.client.request({
    method: 'GET',
    path,
    query: { fieldSelector: terms.join(','), limit: '500' },
  });
  if (res.status !== 200) return [];
  return arr(obj(res.body as never).items).map(obj);
}

function eventTime(e: Obj, field: string): number {
  const v = e[field];
  return typeof v === 'string' ? Date.parse(v) : 0;
}

export function writeEvents(w: DescribeWriter, events: readonly Obj[], now: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = [...events].sort((a, b) => eventTime(a, 'lastTimestamp') - eventTime(b, 'lastTimestamp'));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first =
      typeof e.eventTime === 'string' && e.eventTime !== ''
        ? translateTimestampSince(e.eventTime, now)
        : translateTimestampSince(e.firstTimestamp, now);
    const series = obj(e.series);
    let interval = first;
    if (e.series !== undefined && e.series !== null) {
      interval = `${translateTimestampSince(series.lastObservedTime, now)} (x${num(series.count)} over ${first})`;
    } else if (num(e.count) > 1) {
      interval = `${translateTimestampSince(e.lastTimestamp, now)} (x${num(e.count)} over ${first})`;
    }
    const source = s(obj(e.source).component) || s(e.reportingComponent);
    w.write(1, `${s(e.type)}\t${s(e.reason)}\t${interval}\t${source}\t${s(e.message).trim()}\n`);
  }
}
