/**
 * The engine's public entry: everything outside src/engine (the app, the worker, tests
 * of other layers) imports from here and nowhere else.
 */
import { internalIP } from './node/node-object.ts';
import { Session, type SessionOptions } from './session.ts';
import { builtinResources } from './api/resources.ts';
import type { KubeObject } from './api/types.ts';
import { buildTable } from './printers/index.ts';
import { objectKey, resourceKeyPrefix } from './store/keys.ts';
import { parseQuantity, quantityMilliValue, quantityValue } from './apiserver/validation/quantity.ts';

export { Session } from './session.ts';
export type { SessionOptions } from './session.ts';
export type { OutputChunk } from './kubectl/output.ts';
export { Output } from './kubectl/output.ts';
export type { TraceRecord } from './trace/trace-log.ts';
export { runScript } from './script/run-script.ts';
export { parseScript } from './script/parse-script.ts';
export type { ScriptStep } from './script/parse-script.ts';
export { builtinResources } from './api/resources.ts';

/** Kubernetes' OpenAPI v2 document (for editors' schemas); loaded on demand, it is large. */
export async function loadOpenApiV2(): Promise<unknown> {
  return (await import('./schema/openapi/swagger.json')).default;
}
export { formatTimestamp } from './time/clock.ts';
export type { KubeObject } from './api/types.ts';

/** A fresh cluster with its control plane running, ready for kubectl commands. */
export function createSession(options: SessionOptions = {}): Session {
  return new Session(options);
}

// --- Feeds for the app: observed objects and stepping, so the worker needs no internals. ---

/** Kinds the app mirrors from the store, with their etcd key prefixes. */
const observedKinds: readonly { readonly kind: string; readonly group: string; readonly plural: string }[] = [
  { kind: 'Node', group: '', plural: 'nodes' },
  { kind: 'Pod', group: '', plural: 'pods' },
  { kind: 'Deployment', group: 'apps', plural: 'deployments' },
  { kind: 'ReplicaSet', group: 'apps', plural: 'replicasets' },
  { kind: 'Service', group: '', plural: 'services' },
  { kind: 'EndpointSlice', group: 'discovery.k8s.io', plural: 'endpointslices' },
  { kind: 'Ingress', group: 'networking.k8s.io', plural: 'ingresses' },
];

/** What the app shows for an object, as `kubectl get` prints it. */
export interface ObjectDisplay {
  /** The STATUS column for pods and nodes; empty for other kinds. */
  readonly status: string;
  /** The READY column for pods (`1/1`). */
  readonly ready?: string;
  readonly restarts?: number;
  /** The node a pod is bound to. */
  readonly nodeName?: string;
  /** A pod's summed container requests; a node's allocatable resources. */
  readonly resources?: { readonly cpuMillis: number; readonly memoryBytes: number };
  /** A node's taints as `key=value:Effect`. */
  readonly taints?: readonly string[];
  /** A Service's TYPE, CLUSTER-IP, EXTERNAL-IP and PORT(S), as `kubectl get services` prints them. */
  readonly service?: {
    readonly type: string;
    readonly clusterIP: string;
    readonly externalIP: string;
    readonly ports: string;
  };
  /** A node's InternalIP; an Ingress's published address. */
  readonly address?: string;
  /** An Ingress's rule hosts. */
  readonly hosts?: readonly string[];
  /** An EndpointSlice's Service and the pods behind it, ready or not. */
  readonly endpoints?: {
    readonly service: string;
    readonly ready: readonly string[];
    readonly notReady: readonly string[];
  };
}

function milli(q: unknown): number {
  const parsed = parseQuantity(q ?? '0');
  return parsed ? quantityMilliValue(parsed) : 0;
}

function bytes(q: unknown): number {
  const parsed = parseQuantity(q ?? '0');
  return parsed ? quantityValue(parsed) : 0;
}

/** One object as it now is; `object` is undefined when it was deleted. */
export interface ObjectChange {
  readonly kind: string;
  readonly key: string;
  readonly object: KubeObject | undefined;
  readonly display: ObjectDisplay | undefined;
  /** The store revision of this state (of the deletion for a deleted object). */
  readonly revision: number;
}

function endpointsDisplay(object: KubeObject): ObjectDisplay {
  const endpoints =
    (
      object as {
        endpoints?: {
          addresses?: string[];
          conditions?: { ready?: boolean };
          targetRef?: { name?: string };
        }[];
      }
    ).endpoints ?? [];
  // An endpoint that is no pod (the API server behind `kubernetes`) shows its address.
  const pods = (ready: boolean) =>
    endpoints
      .filter((e) => (e.conditions?.ready !== false) === ready)
      .map((e) => e.targetRef?.name ?? e.addresses?.[0] ?? '?');
  return {
    status: '',
    endpoints: {
      service: object.metadata.labels?.['kubernetes.io/service-name'] ?? '',
      ready: pods(true),
      notReady: pods(false),
    },
  };
}

function displayOf(kind: string, object: KubeObject, now: number): ObjectDisplay {
  if (kind === 'EndpointSlice') return endpointsDisplay(object);
  if (kind === 'Ingress') {
    const rules = ((object.spec ?? {}) as { rules?: { host?: string }[] }).rules ?? [];
    const address = (object.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)
      ?.loadBalancer?.ingress?.[0]?.ip;
    return {
      status: '',
      hosts: [...new Set(rules.map((r) => r.host ?? '').filter(Boolean))],
      ...(address ? { address } : {}),
    };
  }
  const info = builtinResources.find((r) => r.kind === kind && r.version === 'v1');
  if (info && kind === 'Service') {
    const cells = buildTable(info, [object], now).rows[0]?.cells ?? [];
    return {
      status: '',
      service: {
        type: String(cells[1] ?? ''),
        clusterIP: String(cells[2] ?? ''),
        externalIP: String(cells[3] ?? ''),
        ports: String(cells[4] ?? ''),
      },
    };
  }
  if (!info || (kind !== 'Pod' && kind !== 'Node')) return { status: '' };
  const cells = buildTable(info, [object], now).rows[0]?.cells ?? [];
  if (kind === 'Node') {
    const allocatable =
      ((object['status'] ?? {}) as { allocatable?: Record<string, unknown> }).allocatable ?? {};
    const taints = ((object['spec'] ?? {}) as { taints?: { key: string; value?: string; effect: string }[] })
      .taints;
    const internal = internalIP(object);
    return {
      status: String(cells[1] ?? ''),
      ...(internal ? { address: internal } : {}),
      resources: { cpuMillis: milli(allocatable.cpu), memoryBytes: bytes(allocatable.memory) },
      ...(taints?.length
        ? { taints: taints.map((t) => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`) }
        : {}),
    };
  }
  const spec = (object['spec'] ?? {}) as {
    nodeName?: string;
    containers?: { resources?: { requests?: Record<string, unknown> } }[];
  };
  const requests = (spec.containers ?? []).map((c) => c.resources?.requests ?? {});
  const statuses = ((object['status'] ?? {}) as { containerStatuses?: { restartCount?: number }[] })
    .containerStatuses;
  const restarts = (statuses ?? []).reduce((n, c) => n + (c.restartCount ?? 0), 0);
  return {
    status: String(cells[2] ?? ''),
    ready: String(cells[1] ?? ''),
    restarts,
    resources: {
      cpuMillis: requests.reduce((n, r) => n + milli(r.cpu), 0),
      memoryBytes: requests.reduce((n, r) => n + bytes(r.memory), 0),
    },
    ...(spec.nodeName ? { nodeName: spec.nodeName } : {}),
  };
}

/**
 * The mirrored objects now, then every later change through `onChange` (synchronously, as
 * the store commits them). Cancel to stop.
 */
export function observeObjects(
  session: Session,
  onChange: (change: ObjectChange) => void,
): { readonly snapshot: ObjectChange[]; cancel(): void } {
  const store = session.cluster.store;
  const now = () => session.cluster.clock.now();
  const snapshot: ObjectChange[] = [];
  const watches: { cancel(): void }[] = [];
  for (const { kind, group, plural } of observedKinds) {
    const prefix = resourceKeyPrefix(group, plural);
    const { items, revision } = store.list(prefix);
    for (const object of items) {
      const key = objectKey(group, plural, object.metadata.namespace, object.metadata.name ?? '');
      snapshot.push({ kind, key, object, display: displayOf(kind, object, now()), revision });
    }
    watches.push(
      store.watch(prefix, revision, (event) =>
        onChange(
          event.type === 'DELETED'
            ? { kind, key: event.key, object: undefined, display: undefined, revision: event.revision }
            : {
                kind,
                key: event.key,
                object: event.object,
                display: displayOf(kind, event.object, now()),
                revision: event.revision,
              },
        ),
      ),
    );
  }
  return { snapshot, cancel: () => watches.forEach((w) => w.cancel()) };
}

/** Runs everything due at the next scheduled instant; false when nothing is scheduled. */
export function advanceToNextEvent(session: Session): boolean {
  const cluster = session.cluster;
  const next = cluster.queue.peek();
  if (!next) return false;
  cluster.advance(Math.max(0, next.time - cluster.clock.now()));
  return true;
}
