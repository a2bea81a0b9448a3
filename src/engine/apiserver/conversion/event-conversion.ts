/**
 * Event between core/v1 and events.k8s.io/v1: one stored object, two shapes
 * (pkg/apis/events/v1/conversion.go). Fields Go always serialises (no omitempty) are written
 * with their zero value so both shapes print as the real API server prints them.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Obj } from '../defaults/json.ts';
import { cloneJson, isObj } from '../defaults/json.ts';

function copyIf(from: Obj, fromKey: string, to: Obj, toKey: string): void {
  const value = from[fromKey];
  if (value !== undefined && value !== null && value !== '' && value !== 0) to[toKey] = cloneJson(value);
}

export function coreEventToEventsV1(event: KubeObject): KubeObject {
  const out: KubeObject = {
    apiVersion: 'events.k8s.io/v1',
    kind: 'Event',
    metadata: cloneJson(event.metadata),
  };
  out.eventTime = event.eventTime ?? null;
  copyIf(event, 'series', out, 'series');
  copyIf(event, 'reportingComponent', out, 'reportingController');
  copyIf(event, 'reportingInstance', out, 'reportingInstance');
  copyIf(event, 'action', out, 'action');
  copyIf(event, 'reason', out, 'reason');
  out.regarding = isObj(event.involvedObject) ? cloneJson(event.involvedObject) : {};
  copyIf(event, 'related', out, 'related');
  copyIf(event, 'message', out, 'note');
  copyIf(event, 'type', out, 'type');
  out.deprecatedSource = isObj(event.source) ? cloneJson(event.source) : {};
  copyIf(event, 'firstTimestamp', out, 'deprecatedFirstTimestamp');
  copyIf(event, 'lastTimestamp', out, 'deprecatedLastTimestamp');
  copyIf(event, 'count', out, 'deprecatedCount');
  return out;
}

export function eventsV1ToCoreEvent(event: KubeObject): KubeObject {
  const out: KubeObject = { apiVersion: 'v1', kind: 'Event', metadata: cloneJson(event.metadata) };
  out.involvedObject = isObj(event.regarding) ? cloneJson(event.regarding) : {};
  copyIf(event, 'reason', out, 'reason');
  copyIf(event, 'note', out, 'message');
  out.source = isObj(event.deprecatedSource) ? cloneJson(event.deprecatedSource) : {};
  out.firstTimestamp = event.deprecatedFirstTimestamp ?? null;
  out.lastTimestamp = event.deprecatedLastTimestamp ?? null;
  copyIf(event, 'deprecatedCount', out, 'count');
  copyIf(event, 'type', out, 'type');
  out.eventTime = event.eventTime ?? null;
  copyIf(event, 'series', out, 'series');
  copyIf(event, 'action', out, 'action');
  copyIf(event, 'related', out, 'related');
  out.reportingComponent = typeof event.reportingController === 'string' ? event.reportingController : '';
  out.reportingInstance = typeof event.reportingInstance === 'string' ? event.reportingInstance : '';
  return out;
}
