/**
 * The in-process REST client every component uses (client-go's role): it builds
 * Kubernetes paths from resource coordinates and calls the API server with the
 * component's identity, so each call appears in the trace under the caller's name.
 */
import { findKind, type ResourceInfo } from '../api/resources.ts';
import { parseApiVersion, type KubeObject, type KubeList } from '../api/types.ts';
import type { ApiRequest, ApiResponse, WatchHandle, WatchSink } from '../apiserver/http-types.ts';
import type { Status } from '../apiserver/status.ts';

export interface ApiTransport {
  handle(request: ApiRequest, context: { client: string }): ApiResponse;
  watch(request: ApiRequest, context: { client: string }, sink: WatchSink): WatchHandle | ApiResponse;
}

export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message ?? status.reason ?? 'unknown error');
  }
  get code(): number {
    return this.status.code;
  }
  get reason(): string | undefined {
    return this.status.reason;
  }
}

export interface ListOptions {
  labelSelector?: string;
  fieldSelector?: string;
  resourceVersion?: string;
}

/** The coordinates a REST path needs. */
export type ResourceCoordinates = Pick<ResourceInfo, 'group' | 'version' | 'plural' | 'namespaced'>;

export function resourcePath(
  r: ResourceCoordinates,
  namespace?: string,
  name?: string,
  subresource?: string,
): string {
  const root = r.group === '' ? `/api/${r.version}` : `/apis/${r.group}/${r.version}`;
  const ns = r.namespaced && namespace !== undefined ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  const tail = [name, subresource].filter((p): p is string => p !== undefined).map(encodeURIComponent);
  return [`${root}${ns}/${r.plural}`, ...tail].join('/');
}

export function resourceForObject(object: KubeObject): ResourceInfo | undefined {
  const { group, version } = parseApiVersion(object.apiVersion);
  return findKind(group, version, object.kind);
}

export class ApiClient {
  constructor(
    readonly transport: ApiTransport,
    /** The component id recorded in the trace: `controller-manager/garbagecollector`, … */
    readonly client: string,
  ) {}

  request(request: ApiRequest): ApiResponse {
    return this.transport.handle(request, { client: this.client });
  }

  get(r: ResourceInfo, namespace: string | undefined, name: string): KubeObject {
    return this.#object(this.request({ method: 'GET', path: resourcePath(r, namespace, name) }));
  }

  list(r: ResourceInfo, namespace?: string, options: ListOptions = {}): KubeList {
    const query: Record<string, string> = {};
    for (const [k, v] of Object.entries(options)) if (v !== undefined) query[k] = v;
    return this.#object(
      this.request({ method: 'GET', path: resourcePath(r, namespace), query }),
    ) as unknown as KubeList;
  }

  create(r: ResourceInfo, object: KubeObject): KubeObject {
    return this.#object(
      this.request({ method: 'POST', path: resourcePath(r, object.metadata.namespace), body: object }),
    );
  }

  update(r: ResourceInfo, object: KubeObject, subresource?: string): KubeObject {
    const path = resourcePath(r, object.metadata.namespace, object.metadata.name, subresource);
    return this.#object(this.request({ method: 'PUT', path, body: object }));
  }

  updateStatus(r: ResourceInfo, object: KubeObject): KubeObject {
    return this.update(r, object, 'status');
  }

  patch(
    r: ResourceInfo,
    namespace: string | undefined,
    name: string,
    type: 'merge' | 'strategic' | 'json',
    patch: unknown,
    subresource?: string,
  ): KubeObject {
    const contentType = {
      merge: 'application/merge-patch+json',
      strategic: 'application/strategic-merge-patch+json',
      json: 'application/json-patch+json',
    }[type];
    return this.#object(
      this.request({
        method: 'PATCH',
        path: resourcePath(r, namespace, name, subresource),
        headers: { 'content-type': contentType },
        body: patch,
      }),
    );
  }

  delete(
    r: ResourceInfo,
    namespace: string | undefined,
    name: string,
    options: {
      propagationPolicy?: string;
      gracePeriodSeconds?: number;
      preconditions?: { uid?: string; resourceVersion?: string };
    } = {},
  ): void {
    this.#object(
      this.request({
        method: 'DELETE',
        path: resourcePath(r, namespace, name),
        body: { kind: 'DeleteOptions', apiVersion: 'v1', ...options },
      }),
    );
  }

  /** DELETE on a collection (`deletecollection`): every object of the resource in the namespace. */
  deleteCollection(
    r: ResourceInfo,
    namespace: string | undefined,
    options: { propagationPolicy?: string; labelSelector?: string } = {},
  ): void {
    const { labelSelector, ...deleteOptions } = options;
    this.#object(
      this.request({
        method: 'DELETE',
        path: resourcePath(r, namespace),
        ...(labelSelector !== undefined ? { query: { labelSelector } } : {}),
        body: { kind: 'DeleteOptions', apiVersion: 'v1', ...deleteOptions },
      }),
    );
  }

  /** Opens a watch as given (headers included); a refusal comes back as the response. */
  watchRequest(request: ApiRequest, sink: WatchSink): WatchHandle | ApiResponse {
    return this.transport.watch(request, { client: this.client }, sink);
  }

  /** Opens a watch; throws ApiError when the server refuses it before the stream starts. */
  watch(r: ResourceInfo, namespace: string | undefined, options: ListOptions, sink: WatchSink): WatchHandle {
    const query: Record<string, string> = { watch: 'true', allowWatchBookmarks: 'true' };
    for (const [k, v] of Object.entries(options)) if (v !== undefined) query[k] = v;
    const handle = this.transport.watch(
      { method: 'GET', path: resourcePath(r, namespace), query },
      { client: this.client },
      sink,
    );
    if ('status' in handle && 'body' in handle) throw new ApiError(handle.body as Status);
    return handle as WatchHandle;
  }

  #object(response: ApiResponse): KubeObject {
    if (response.status >= 400) throw new ApiError(response.body as Status);
    return response.body as KubeObject;
  }
}

export function isNotFound(e: unknown): boolean {
  return e instanceof ApiError && e.code === 404;
}

export function isConflict(e: unknown): boolean {
  return e instanceof ApiError && e.code === 409;
}

export function isAlreadyExists(e: unknown): boolean {
  return e instanceof ApiError && e.reason === 'AlreadyExists';
}

/** HTTP 405: the resource does not serve this verb. */
export function isMethodNotSupported(e: unknown): boolean {
  return e instanceof ApiError && e.code === 405;
}

/** Whether a failure carries a cause of this type (`NamespaceTerminating`, …) in its details. */
export function hasStatusCause(e: unknown, cause: string): boolean {
  return e instanceof ApiError && (e.status.details?.causes ?? []).some((c) => c.reason === cause);
}
