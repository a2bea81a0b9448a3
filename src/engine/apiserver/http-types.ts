/**
 * The API server speaks Kubernetes' own HTTP API. In process, a request is a plain value;
 * `kubesim serve` maps real HTTP onto the same shapes, so both paths run the same code.
 */
import type { KubeObject } from '../api/types.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  readonly method: HttpMethod;
  /** e.g. `/apis/apps/v1/namespaces/default/deployments/nginx` */
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  /** Lower-case header names (`accept`, `content-type`, `user-agent`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Parsed JSON for create/update/patch/delete bodies; a JSON or YAML string is accepted too. */
  readonly body?: unknown;
}

export interface ApiResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Who is calling, for the trace and for field managers. */
export interface RequestContext {
  /** Stable component id: `kubectl`, `controller-manager/garbagecollector`, `kubelet/<node>`, … */
  readonly client: string;
}

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

export interface WatchEvent {
  readonly type: WatchEventType;
  readonly object: KubeObject;
}

export interface WatchSink {
  onEvent(event: WatchEvent): void;
}

export interface WatchHandle {
  /** Stops deliveries; events already scheduled are dropped. */
  stop(): void;
}
