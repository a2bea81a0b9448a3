/**
 * `kubectl get events` (printers.go printEvent). Both core/v1 and events.k8s.io/v1 Events
 * are stored as one internal type, so an events.k8s.io object is read through its core
 * field names first (regarding → involvedObject, note → message, deprecated* → legacy fields).
 */
import type { KubeObject } from '../../api/types.ts';
import { parseTimestamp, translateTimestampSince } from '../duration/human-duration.ts';
import { int, obj, optObj, str, type Obj } from './access.ts';
import { column, nameColumn, wide } from './columns.ts';
import { nameOf, type KindPrinter, type RowContext } from './printer.ts';

interface CoreEvent {
  involvedObject: Obj;
  reason: string;
  message: string;
  type: string;
  source: Obj;
  firstTimestamp: unknown;
  lastTimestamp: unknown;
  eventTime: unknown;
  count: number;
  series: Obj | undefined;
  reportingController: string;
  reportingInstance: string;
}

function asCoreEvent(event: KubeObject): CoreEvent {
  if (event.apiVersion.startsWith('events.k8s.io/')) {
    return {
      involvedObject: obj(event['regarding']),
      reason: str(event['reason']),
      message: str(event['note']),
      type: str(event['type']),
      source: obj(event['deprecatedSource']),
      firstTimestamp: event['deprecatedFirstTimestamp'],
      lastTimestamp: event['deprecatedLastTimestamp'],
      eventTime: event['eventTime'],
      count: int(event['deprecatedCount']),
      series: optObj(event['series']),
      reportingController: str(event['reportingController']),
      reportingInstance: str(event['reportingInstance']),
    };
  }
  return {
    involvedObject: obj(event['involvedObject']),
    reason: str(event['reason']),
    message: str(event['message']),
    type: str(event['type']),
    source: obj(event['source']),
    firstTimestamp: event['firstTimestamp'],
    lastTimestamp: event['lastTimestamp'],
    eventTime: event['eventTime'],
    count: int(event['count']),
    series: optObj(event['series']),
    reportingController: str(event['reportingController']),
    reportingInstance: str(event['reportingInstance']),
  };
}

/** formatEventSource: `component, host`, falling back to the reporting controller/instance. */
function formatSource(e: CoreEvent): string {
  const component = str(e.source['component']) || e.reportingController;
  const host = str(e.source['host']) || e.reportingInstance;
  return host === '' ? component : `${component}, ${host}`;
}

function eventRow(event: KubeObject, ctx: RowContext) {
  const e = asCoreEvent(event);
  const firstSeen =
    parseTimestamp(e.firstTimestamp) !== undefined
      ? translateTimestampSince(e.firstTimestamp, ctx.now)
      : translateTimestampSince(e.eventTime, ctx.now);
  let lastSeen =
    parseTimestamp(e.lastTimestamp) !== undefined
      ? translateTimestampSince(e.lastTimestamp, ctx.now)
      : firstSeen;
  let count = e.count;
  if (e.series !== undefined) {
    lastSeen = translateTimestampSince(e.series['lastObservedTime'], ctx.now);
    count = int(e.series['count']);
  } else if (count === 0) {
    // Singleton events from the new API carry no count.
    count = 1;
  }
  const kind = str(e.involvedObject['kind']).toLowerCase();
  const name = str(e.involvedObject['name']);
  const target = name === '' ? kind : `${kind}/${name}`;
  return [
    lastSeen,
    e.type,
    e.reason,
    target,
    str(e.involvedObject['fieldPath']),
    formatSource(e),
    e.message.trim(),
    firstSeen,
    count,
    nameOf(event),
  ];
}

export const eventPrinter: KindPrinter = {
  columns: [
    column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column(
      'Reason',
      'string',
      "This should be a short, machine understandable string that gives the reason for the transition into the object's current status.",
    ),
    column('Object', 'string', 'The object that this event is about.'),
    wide(
      'Subobject',
      'string',
      'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.',
    ),
    wide(
      'Source',
      'string',
      'The component reporting this event. Should be a short machine understandable string.',
    ),
    column('Message', 'string', 'A human-readable description of the status of this operation.'),
    wide(
      'First Seen',
      'string',
      'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)',
    ),
    wide('Count', 'string', 'The number of times this event has occurred.'),
    { ...nameColumn, priority: 1 },
  ],
  row: eventRow,
};
