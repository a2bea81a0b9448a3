/**
 * kube-apiserver in process: routes REST requests to discovery, the generic registry and
 * watches, negotiates Table output for `kubectl get`, and records every request, storage
 * write and response in the trace.
 */
import { findResource, type ResourceInfo } from '../api/resources.ts';
import { apiVersionOf, type KubeObject, type KubeList } from '../api/types.ts';
import type { MvccStore } from '../store/mvcc-store.ts';
import type { TraceLog } from '../trace/trace-log.ts';
import { coreVersions, group, groupList, resourceList, serverVersion } from './discovery.ts';
import type { ApiRequest, ApiResponse, RequestContext, WatchHandle, WatchSink } from './http-types.ts';
import { parsePath, type ResourceTarget } from './paths.ts';
import type { IncludeObject, OpenApiProvider, PatchType, SelectorParsers, TablePrinter } from './ports.ts';
import {
  isFailure,
  type DeleteOptions,
  type FieldValidation,
  type Registry,
  type WriteOptions,
} from './registry.ts';
import { isStatus, statusErrors, type Status } from './status.ts';
import { supportedFields } from './field-values.ts';
import { openWatch, type WatchScheduler } from './watch.ts';
import { parse as parseYaml } from 'yaml';
import { serveScale } from './scale-subresource.ts';
import { evictPod } from './eviction-subresource.ts';
import { METRICS_GROUP, METRICS_VERSION, serveMetrics } from './metrics-api.ts';
import type { KubeletApi } from '../node/kubelet-api.ts';
import { PodsByNodeWatchIndex, nodeNameSelector } from './pods-by-node.ts';

export interface ApiServerDeps {
  readonly store: MvccStore;
  readonly registry: Registry;
  readonly trace: TraceLog;
  readonly now: () => number;
  readonly selectors: SelectorParsers;
  readonly tablePrinter: TablePrinter;
  readonly scheduler: WatchScheduler;
  readonly openapi?: OpenApiProvider;
  /** The kubelet of a node, for pods/log and pods/exec. */
  readonly nodeProxy?: (nodeName: string) => KubeletApi | undefined;
  /** host:port the server advertises in discovery. */
  readonly serverAddress: string;
}

const COMPONENT = 'apiserver';

export class ApiServer {
  readonly #deps: ApiServerDeps;
  readonly #podsByNode: PodsByNodeWatchIndex;

  constructor(deps: ApiServerDeps) {
    this.#deps = deps;
    this.#podsByNode = new PodsByNodeWatchIndex(deps.store);
  }

  /** Serves one request. Watches go through `watch()`, which keeps a stream open. */
  handle(request: ApiRequest, context: RequestContext): ApiResponse {
    const trace = this.#deps.trace;
    const target = describeTarget(request);
    const sent = trace.record({
      from: context.client,
      to: COMPONENT,
      type: 'request',
      verb: verbOf(request),
      object: target,
      summary: `${request.method} ${request.path}${queryString(request.query)}`,
    });
    const response = trace.withCause(sent.seq, () => this.#route(request, context));
    trace.record({
      from: COMPONENT,
      to: context.client,
      type: 'response',
      verb: verbOf(request),
      object: target,
      summary: `${response.status} ${responseSummary(response)}`,
      causeSeq: sent.seq,
    });
    return response;
  }

  /** Opens a watch (`?watch=true`); errors that precede the stream come back as a response. */
  watch(request: ApiRequest, context: RequestContext, sink: WatchSink): WatchHandle | ApiResponse {
    const parsed = parsePath(request.path);
    if (parsed.type !== 'resource') return respond(statusErrors.pathNotFound());
    const resolved = this.#resolve(parsed.target);
    if (isStatus(resolved)) return respond(resolved);
    const query = request.query ?? {};
    const filter = this.#listFilter(resolved, query);
    if (typeof filter === 'string') return respond(statusErrors.badRequest(filter));
    const sent = this.#deps.trace.record({
      from: context.client,
      to: COMPONENT,
      type: 'request',
      verb: 'watch',
      object: describeTarget(request),
      summary: `GET ${request.path}${queryString(query)}`,
    });
    const nodeName =
      resolved.plural === 'pods' && resolved.group === '' ? nodeNameSelector(query.fieldSelector) : undefined;
    return openWatch({
      store: this.#deps.store,
      ...(nodeName !== undefined ? { subscribe: this.#podsByNode.subscriber(nodeName) } : {}),
      registry: this.#deps.registry,
      trace: this.#deps.trace,
      scheduler: this.#deps.scheduler,
      resource: resolved,
      namespace: parsed.target.namespace,
      name: parsed.target.name,
      resourceVersion: query.resourceVersion ?? '',
      filter,
      client: context.client,
      requestSeq: sent.seq,
      sink: this.#tableSink(request, resolved, sink),
      bookmarks: query.allowWatchBookmarks === 'true' || query.allowWatchBookmarks === '1',
    });
  }

  /** `kubectl get -w` asks for Tables: each event then carries a one-row Table. */
  #tableSink(request: ApiRequest, info: ResourceInfo, sink: WatchSink): WatchSink {
    const table = tableRequest(request);
    if (!table) return sink;
    return {
      onEvent: (event) => {
        if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED') {
          return sink.onEvent(event);
        }
        const t = this.#deps.tablePrinter(info, [event.object], this.#deps.now(), table);
        const object = { ...t, metadata: { resourceVersion: event.object.metadata.resourceVersion } };
        sink.onEvent({ type: event.type, object: object as unknown as KubeObject });
      },
    };
  }

  #route(request: ApiRequest, context: RequestContext): ApiResponse {
    const parsed = parsePath(request.path);
    switch (parsed.type) {
      case 'discovery-core':
        return ok(coreVersions(this.#deps.serverAddress));
      case 'discovery-groups':
        return ok(groupList());
      case 'discovery-group':
        return found(group(parsed.group));
      case 'discovery-resources':
        return found(resourceList(parsed.group, parsed.version));
      case 'version':
        return ok(serverVersion);
      case 'health':
        return { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'ok' };
      case 'openapi': {
        const doc = this.#deps.openapi?.(parsed.rest);
        return doc === undefined ? respond(statusErrors.pathNotFound()) : ok(doc);
      }
      case 'unknown':
        return respond(statusErrors.pathNotFound());
      case 'resource':
        if (parsed.target.group === METRICS_GROUP && parsed.target.version === METRICS_VERSION) {
          const metrics = serveMetrics(
            {
              registry: this.#deps.registry,
              selectors: this.#deps.selectors,
              now: this.#deps.now,
              kubelet: (node) => this.#deps.nodeProxy?.(node),
            },
            request,
            parsed.target,
          );
          return isStatus(metrics) ? respond(metrics) : ok(metrics);
        }
        return withDeprecationWarning(parsed.target, this.#resourceRequest(request, parsed.target, context));
    }
  }

  #resolve(target: ResourceTarget): ResourceInfo | Status {
    const info = findResource(target.group, target.version, target.resource);
    if (!info) return statusErrors.pathNotFound();
    if (target.subresource && !info.subresources.includes(target.subresource))
      return statusErrors.pathNotFound();
    if (!info.namespaced && target.namespace !== undefined) return statusErrors.pathNotFound();
    return info;
  }

  #resourceRequest(request: ApiRequest, target: ResourceTarget, context: RequestContext): ApiResponse {
    const info = this.#resolve(target);
    if (isStatus(info)) return respond(info);
    const registry = this.#deps.registry;
    const query = request.query ?? {};
    const ns = info.namespaced ? target.namespace : undefined;
    const options = writeOptions(query);
    const sub = target.subresource;
    const name = target.name;

    if (name === undefined) {
      switch (request.method) {
        case 'GET':
          return this.#list(info, ns, request);
        case 'POST': {
          const result = registry.create(info, ns ?? namespaceOf(request.body), request.body, options);
          return this.#written(result, 201, info);
        }
        case 'DELETE':
          return this.#deleteCollection(info, ns, request);
        default:
          return respond(statusErrors.methodNotAllowed());
      }
    }
    if (sub === 'log' || sub === 'exec') {
      return this.#nodeProxy(info, ns, name, sub, request);
    }
    if (sub === 'binding' && request.method === 'POST') {
      return this.#written(registry.bind(info, ns, name, request.body, options), 201, info);
    }
    if (sub === 'scale') return this.#scale(info, ns, name, request, options);
    if (sub === 'eviction') {
      if (request.method !== 'POST') return respond(statusErrors.methodNotAllowed());
      const result = evictPod(
        {
          registry,
          now: this.#deps.now,
          written: (verb, written, outcome) =>
            this.#recordStorage(outcome.written, verb, written, outcome.object),
        },
        { pods: info, namespace: ns ?? '', name, body: request.body, dryRun: options.dryRun },
      );
      return isFailure(result) ? respond(result) : { status: 201, headers: jsonHeaders, body: result };
    }
    if (sub !== undefined && sub !== 'status' && sub !== 'finalize') {
      return respond(
        statusErrors.methodNotAllowed(`the subresource ${sub} is not served by this simulator yet`),
      );
    }
    switch (request.method) {
      case 'GET': {
        const result = registry.get(info, ns, name);
        return isFailure(result) ? respond(result) : this.#object(result, info, request);
      }
      case 'PUT':
        return this.#written(registry.update(info, ns, name, request.body, options, sub), 200, info);
      case 'PATCH': {
        const type = patchTypeOf(request.headers?.['content-type'] ?? '');
        if (!type) return respond(statusErrors.unsupportedMediaType(request.headers?.['content-type'] ?? ''));
        let patch = request.body;
        if (typeof patch === 'string') {
          try {
            // An applied configuration may be YAML; JSON is YAML too.
            patch = type === 'apply' ? parseYaml(patch) : JSON.parse(patch);
          } catch (e) {
            return respond(statusErrors.badRequest(`error decoding patch: ${(e as Error).message}`));
          }
        }
        const result = registry.patch(info, ns, name, type, patch, options, sub);
        // Server-side apply creates what does not exist yet.
        if (type === 'apply' && sub === undefined && isFailure(result) && result.code === 404) {
          const created = registry.applied(info, undefined, patch, options);
          if (isFailure(created)) return respond(created);
          return this.#written(registry.create(info, ns, created, options), 201, info);
        }
        return this.#written(result, 200, info);
      }
      case 'DELETE': {
        const result = registry.delete(info, ns, name, deleteOptions(query, request.body));
        if (isFailure(result)) return respond(result);
        this.#recordStorage(result.written, 'delete', info, result.object);
        // Objects still present (finalizers, grace period) come back as the object; gone ones as Status.
        const stillThere =
          result.object.metadata.deletionTimestamp !== undefined &&
          !!this.#deps.store.get(registry.key(info, ns, name));
        const body =
          stillThere || info.plural === 'pods' ? result.object : registry.deletedStatus(info, result.object);
        return { status: 200, headers: jsonHeaders, body };
      }
      default:
        void context;
        return respond(statusErrors.methodNotAllowed());
    }
  }

  #scale(
    info: ResourceInfo,
    ns: string | undefined,
    name: string,
    request: ApiRequest,
    options: WriteOptions,
  ): ApiResponse {
    const registry = this.#deps.registry;
    if (request.method === 'GET')
      return this.#readResult(serveScale(registry, info, ns, name, { method: 'GET' }, options));
    if (request.method === 'PUT') {
      return this.#written(
        serveScale(registry, info, ns, name, { method: 'PUT', body: request.body }, options),
        200,
        info,
      );
    }
    if (request.method !== 'PATCH') return respond(statusErrors.methodNotAllowed());
    const type = patchTypeOf(request.headers?.['content-type'] ?? '');
    if (!type || type === 'apply') {
      return respond(statusErrors.unsupportedMediaType(request.headers?.['content-type'] ?? ''));
    }
    let patch = request.body;
    if (typeof patch === 'string') {
      try {
        patch = JSON.parse(patch);
      } catch (e) {
        return respond(statusErrors.badRequest(`error decoding patch: ${(e as Error).message}`));
      }
    }
    return this.#written(
      serveScale(registry, info, ns, name, { method: 'PATCH', type, patch }, options),
      200,
      info,
    );
  }

  #readResult(result: ReturnType<typeof serveScale>): ApiResponse {
    return isFailure(result) ? respond(result) : ok(result.object);
  }

  #written(result: ReturnType<Registry['create']>, successCode: number, info: ResourceInfo): ApiResponse {
    if (isFailure(result)) return respond(result);
    this.#recordStorage(result.written, successCode === 201 ? 'create' : 'update', info, result.object);
    const headers: Record<string, string> = { ...jsonHeaders };
    if (result.warnings.length)
      headers.warning = result.warnings.map((w) => `299 - ${JSON.stringify(w)}`).join(', ');
    return { status: successCode, headers, body: result.object };
  }

  /** pods/log and pods/exec: the API server forwards them to the pod's kubelet. */
  #nodeProxy(
    info: ResourceInfo,
    ns: string | undefined,
    name: string,
    sub: 'log' | 'exec',
    request: ApiRequest,
  ): ApiResponse {
    if (info.plural !== 'pods' || info.group !== '') return respond(statusErrors.pathNotFound());
    if (sub === 'log' && request.method !== 'GET') return respond(statusErrors.methodNotAllowed());
    if (sub === 'exec' && request.method !== 'POST' && request.method !== 'GET') {
      return respond(statusErrors.methodNotAllowed());
    }
    const pod = this.#deps.registry.get(info, ns, name);
    if (isFailure(pod)) return respond(pod);
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!nodeName) return respond(statusErrors.badRequest(`pod ${name} does not have a host assigned`));
    const kubelet = this.#deps.nodeProxy?.(nodeName);
    if (!kubelet) {
      return respond(statusErrors.internal(`dial tcp: lookup ${nodeName}: no such host`));
    }
    const query = request.query ?? {};
    if (sub === 'log') {
      const text = kubelet.logs(pod, {
        ...(query.container ? { container: query.container } : {}),
        previous: query.previous === 'true',
        ...(query.tailLines !== undefined ? { tailLines: Number(query.tailLines) } : {}),
        timestamps: query.timestamps === 'true',
      });
      if (typeof text !== 'string') return respond(text);
      return { status: 200, headers: { 'content-type': 'text/plain' }, body: text };
    }
    const command = (query.command ?? '').split('\u0000').filter((c) => c !== '');
    const result = kubelet.exec(pod, query.container, command);
    return 'code' in result ? respond(result) : ok(result);
  }

  #recordStorage(written: boolean, verb: string, info: ResourceInfo, object: KubeObject): void {
    if (!written) return;
    this.#deps.trace.record({
      from: COMPONENT,
      to: 'etcd',
      type: 'storage',
      verb,
      object: objectLabel(info, object),
      summary: `${verb} ${this.#deps.registry.key(info, object.metadata.namespace, object.metadata.name ?? '')} (revision ${this.#deps.store.revision})`,
    });
  }

  #list(info: ResourceInfo, ns: string | undefined, request: ApiRequest): ApiResponse {
    const query = request.query ?? {};
    const filter = this.#listFilter(info, query);
    if (typeof filter === 'string') return respond(statusErrors.badRequest(filter));
    const { items: all, revision } = this.#deps.registry.list(info, ns);
    let items = all.filter(filter);
    let continueToken: string | undefined;
    let remaining: number | undefined;
    const start = query.continue ? decodeContinue(query.continue) : 0;
    if (start === undefined)
      return respond(
        statusErrors.badRequest(
          'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)',
        ),
      );
    const limit = query.limit ? Number(query.limit) : 0;
    items = items.slice(start);
    if (limit > 0 && items.length > limit) {
      remaining = items.length - limit;
      items = items.slice(0, limit);
      continueToken = encodeContinue(start + limit);
    }
    const listMeta: KubeList['metadata'] = { resourceVersion: String(revision) };
    if (continueToken) {
      listMeta.continue = continueToken;
      listMeta.remainingItemCount = remaining;
    }
    const table = tableRequest(request);
    if (table) {
      const t = this.#deps.tablePrinter(info, items, this.#deps.now(), table);
      return ok({ ...t, metadata: listMeta });
    }
    const list: KubeList = {
      apiVersion: apiVersionOf(info.group, info.version),
      kind: `${info.kind}List`,
      metadata: listMeta,
      items,
    };
    return ok(list);
  }

  #object(object: KubeObject, info: ResourceInfo, request: ApiRequest): ApiResponse {
    const table = tableRequest(request);
    if (!table) return ok(object);
    const t = this.#deps.tablePrinter(info, [object], this.#deps.now(), table);
    return ok({ ...t, metadata: { resourceVersion: object.metadata.resourceVersion } });
  }

  #deleteCollection(info: ResourceInfo, ns: string | undefined, request: ApiRequest): ApiResponse {
    const query = request.query ?? {};
    const filter = this.#listFilter(info, query);
    if (typeof filter === 'string') return respond(statusErrors.badRequest(filter));
    const items = this.#deps.registry.list(info, ns).items.filter(filter);
    const deleted: KubeObject[] = [];
    for (const item of items) {
      const result = this.#deps.registry.delete(
        info,
        item.metadata.namespace,
        item.metadata.name!,
        deleteOptions(query, request.body),
      );
      if (isFailure(result)) continue;
      this.#recordStorage(result.written, 'delete', info, result.object);
      deleted.push(result.object);
    }
    return ok({
      apiVersion: apiVersionOf(info.group, info.version),
      kind: `${info.kind}List`,
      metadata: {},
      items: deleted,
    });
  }

  /** Returns a predicate for the request's label and field selectors, or an error message. */
  #listFilter(
    info: ResourceInfo,
    query: Readonly<Record<string, string>>,
  ): ((o: KubeObject) => boolean) | string {
    const checks: ((o: KubeObject) => boolean)[] = [];
    if (query.labelSelector) {
      const selector = this.#deps.selectors.labels(query.labelSelector);
      if (typeof selector === 'string') return selector;
      checks.push((o) => selector.matches(o.metadata.labels ?? {}));
    }
    if (query.fieldSelector) {
      const parsed = this.#deps.selectors.fields(query.fieldSelector);
      if (typeof parsed === 'string') return parsed;
      const extractors = supportedFields(info);
      const unsupported = parsed.fields.find((f) => !(f in extractors));
      if (unsupported) return `field label not supported: ${unsupported}`;
      checks.push((o) => parsed.matcher.matches((field) => extractors[field]?.(o)));
    }
    return (o) => checks.every((c) => c(o));
  }
}

const jsonHeaders = { 'content-type': 'application/json' };

function ok(body: unknown): ApiResponse {
  return { status: 200, headers: jsonHeaders, body };
}

function found(body: unknown): ApiResponse {
  return body === undefined ? respond(statusErrors.pathNotFound()) : ok(body);
}

export function respond(status: Status): ApiResponse {
  return { status: status.code, headers: jsonHeaders, body: status };
}

function writeOptions(query: Readonly<Record<string, string>>): WriteOptions {
  const validation = query.fieldValidation;
  const fieldValidation: FieldValidation =
    validation === 'Strict' || validation === 'Warn'
      ? validation
      : validation === 'Ignore'
        ? 'Ignore'
        : 'Warn';
  return {
    dryRun: query.dryRun === 'All',
    fieldValidation,
    fieldManager: query.fieldManager,
    force: query.force === 'true',
  };
}

function deleteOptions(query: Readonly<Record<string, string>>, body: unknown): DeleteOptions {
  const b = (typeof body === 'object' && body !== null ? body : {}) as {
    propagationPolicy?: DeleteOptions['propagationPolicy'];
    gracePeriodSeconds?: number;
    preconditions?: DeleteOptions['preconditions'];
    dryRun?: string[];
  };
  const grace = query.gracePeriodSeconds ?? b.gracePeriodSeconds;
  const propagation = (query.propagationPolicy ?? b.propagationPolicy) as DeleteOptions['propagationPolicy'];
  return {
    ...(propagation ? { propagationPolicy: propagation } : {}),
    ...(grace !== undefined ? { gracePeriodSeconds: Number(grace) } : {}),
    ...(b.preconditions ? { preconditions: b.preconditions } : {}),
    dryRun: query.dryRun === 'All' || (b.dryRun ?? []).includes('All'),
  };
}

function patchTypeOf(contentType: string): PatchType | undefined {
  const base = contentType.split(';')[0]!.trim();
  switch (base) {
    case 'application/json-patch+json':
      return 'json';
    case 'application/merge-patch+json':
      return 'merge';
    case 'application/strategic-merge-patch+json':
      return 'strategic';
    case 'application/apply-patch+yaml':
      return 'apply';
    default:
      return undefined;
  }
}

function tableRequest(request: ApiRequest): IncludeObject | undefined {
  const accept = request.headers?.accept ?? '';
  if (!accept.includes('as=Table')) return undefined;
  const include = request.query?.includeObject;
  return include === 'None' || include === 'Object' ? include : 'Metadata';
}

function namespaceOf(body: unknown): string | undefined {
  const ns = (body as { metadata?: { namespace?: unknown } } | undefined)?.metadata?.namespace;
  return typeof ns === 'string' ? ns : undefined;
}

function verbOf(request: ApiRequest): string {
  const parsed = parsePath(request.path);
  const named = parsed.type === 'resource' && parsed.target.name !== undefined;
  if (request.query?.watch === 'true' || request.query?.watch === '1') return 'watch';
  switch (request.method) {
    case 'GET':
      return named || parsed.type !== 'resource' ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'PATCH':
      return 'patch';
    case 'DELETE':
      return named ? 'delete' : 'deletecollection';
  }
}

function describeTarget(request: ApiRequest): string {
  const parsed = parsePath(request.path);
  if (parsed.type !== 'resource') return request.path;
  const t = parsed.target;
  return [t.resource, t.namespace, t.name, t.subresource].filter((p) => p !== undefined).join('/');
}

export function objectLabel(info: ResourceInfo, object: KubeObject): string {
  return [info.plural, info.namespaced ? object.metadata.namespace : undefined, object.metadata.name]
    .filter(Boolean)
    .join('/');
}

function responseSummary(response: ApiResponse): string {
  const body = response.body as
    { kind?: string; message?: string; metadata?: { resourceVersion?: string } } | undefined;
  if (isStatus(body) && body.status === 'Failure') return `${body.reason ?? ''}: ${body.message ?? ''}`;
  if (body?.kind)
    return body.metadata?.resourceVersion ? `${body.kind} rv=${body.metadata.resourceVersion}` : body.kind;
  return 'OK';
}

function queryString(query: Readonly<Record<string, string>> | undefined): string {
  if (!query) return '';
  const entries = Object.entries(query);
  return entries.length ? `?${entries.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')}` : '';
}

function encodeContinue(offset: number): string {
  return `offset-${offset}`;
}

function decodeContinue(token: string): number | undefined {
  const m = /^offset-(\d+)$/.exec(token);
  return m ? Number(m[1]) : undefined;
}

/** Kubernetes 1.33 deprecated v1 Endpoints: every request for them carries this warning. */
export const ENDPOINTS_DEPRECATION =
  'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';

function withDeprecationWarning(target: ResourceTarget, response: ApiResponse): ApiResponse {
  if (target.group !== '' || target.resource !== 'endpoints') return response;
  const warning = `299 - ${JSON.stringify(ENDPOINTS_DEPRECATION)}`;
  const existing = response.headers.warning;
  return {
    ...response,
    headers: { ...response.headers, warning: existing ? `${existing}, ${warning}` : warning },
  };
}
