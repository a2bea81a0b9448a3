/**
 * client-go's event recorder (tools/record): components report what happened to an object
 * as core/v1 Events that `kubectl describe` and `kubectl get events` show. A repeat of the
 * same event (same source, object, type, reason and message) within ten minutes bumps the
 * existing Event's `count` and `lastTimestamp` instead of creating a new one, as the
 * recorder's EventCorrelator does.
 */
import { fnv1a32 } from '../time/rng.ts';
import { builtinResources } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { formatTimestamp } from '../time/clock.ts';
import { ApiError, type ApiClient } from './api-client.ts';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  /** `deployment-controller`, `default-scheduler`, `kubelet`, … */
  readonly component: string;
  /** The node, for kubelet events. */
  readonly host?: string;
}

export interface EventOptions {
  /** A part of the object, e.g. `spec.containers{nginx}` for container events. */
  readonly fieldPath?: string;
}

interface Seen {
  readonly name: string;
  readonly namespace: string;
  count: number;
  readonly firstTimestamp: string;
  lastMs: number;
}

const DEDUP_WINDOW_MS = 10 * 60 * 1000;
const EVENTS = builtinResources.find((r) => r.group === '' && r.plural === 'events')!;

export class EventRecorder {
  readonly #seen = new Map<string, Seen>();
  #sequence = 0;
  /** A recorder's own slice of each millisecond's nanoseconds. */
  readonly #recorderNanos: number;

  constructor(
    private readonly api: ApiClient,
    private readonly source: EventSource,
    private readonly now: () => number,
  ) {
    this.#recorderNanos = (fnv1a32(`${source.component}/${source.host ?? ''}`) % 1_000) * 1_000;
  }

  event(
    object: KubeObject,
    type: EventType,
    reason: string,
    message: string,
    options: EventOptions = {},
  ): void {
    const meta = object.metadata;
    const namespace = meta.namespace || 'default';
    const key = [meta.uid, options.fieldPath ?? '', type, reason, message].join('\u0000');
    const nowMs = this.now();
    const timestamp = formatTimestamp(nowMs);
    const seen = this.#seen.get(key);
    try {
      if (seen && nowMs - seen.lastMs <= DEDUP_WINDOW_MS) {
        seen.count++;
        seen.lastMs = nowMs;
        this.api.patch(EVENTS, seen.namespace, seen.name, 'merge', {
          count: seen.count,
          lastTimestamp: timestamp,
        });
        return;
      }
      // Event names are `<object>.<creation time in hex nanoseconds>`. Virtual time has
      // milliseconds only, so the nanoseconds say which recorder wrote it (as real clocks
      // keep components apart) and its sequence keeps one recorder's events apart.
      const nanos = BigInt(nowMs) * 1_000_000n + BigInt(this.#recorderNanos + (this.#sequence++ % 1_000));
      const name = `${meta.name ?? ''}.${nanos.toString(16)}`;
      const involvedObject: Record<string, string> = {
        apiVersion: object.apiVersion,
        kind: object.kind,
        name: meta.name ?? '',
      };
      if (meta.namespace) involvedObject.namespace = meta.namespace;
      if (meta.uid) involvedObject.uid = meta.uid;
      if (meta.resourceVersion) involvedObject.resourceVersion = meta.resourceVersion;
      if (options.fieldPath) involvedObject.fieldPath = options.fieldPath;
      this.api.create(EVENTS, {
        apiVersion: 'v1',
        kind: 'Event',
        metadata: { name, namespace },
        involvedObject,
        reason,
        message,
        type,
        source: { component: this.source.component, ...(this.source.host ? { host: this.source.host } : {}) },
        firstTimestamp: timestamp,
        lastTimestamp: timestamp,
        count: 1,
        eventTime: null,
        reportingComponent: this.source.component,
        reportingInstance: this.source.host ?? '',
      });
      this.#seen.set(key, { name, namespace, count: 1, firstTimestamp: timestamp, lastMs: nowMs });
    } catch (e) {
      // Like client-go, a failed event write is dropped: events are best effort.
      if (!(e instanceof ApiError)) throw e;
    }
  }
}
