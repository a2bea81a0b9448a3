/**
 * The resource metrics API (`metrics.k8s.io/v1beta1`) that metrics-server adds to a
 * cluster, answered from what each node's kubelet reports. `kubectl top` reads it. Like
 * metrics-server, it scrapes every 15 s: a container shows up once it has run that long.
 */
import { findResource } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import type { KubeletApi, PodUsage } from '../node/kubelet-api.ts';
import { formatTimestamp } from '../time/clock.ts';
import type { ApiRequest } from './http-types.ts';
import type { SelectorParsers } from './ports.ts';
import type { Registry } from './registry.ts';
import { statusErrors, type Status } from './status.ts';

export const METRICS_GROUP = 'metrics.k8s.io';
export const METRICS_VERSION = 'v1beta1';
/** metrics-server's default `--metric-resolution`. */
export const METRIC_RESOLUTION_MS = 15_000;

const API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;
const NODES = findResource('', 'v1', 'nodes')!;
const PODS = findResource('', 'v1', 'pods')!;

export interface MetricsDeps {
  readonly registry: Registry;
  readonly selectors: SelectorParsers;
  readonly now: () => number;
  readonly kubelet: (nodeName: string) => KubeletApi | undefined;
}

export interface MetricsTarget {
  readonly resource: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly subresource?: string;
}

/** The discovery entries metrics-server registers. */
export const metricsResources = [
  { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
  { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
];

const cpu = (millis: number): string => `${Math.round(millis * 1_000_000)}n`;
const memory = (bytes: number): string => `${Math.round(bytes / 1024)}Ki`;

function notFound(kind: 'nodemetrics' | 'podmetrics', name: string): Status {
  return statusErrors.notFound({ group: METRICS_GROUP, resource: kind }, name);
}

export function serveMetrics(
  deps: MetricsDeps,
  request: ApiRequest,
  target: MetricsTarget,
): KubeObject | Status {
  if (request.method !== 'GET') return statusErrors.methodNotAllowed();
  if (target.subresource !== undefined) return statusErrors.pathNotFound();
  const now = deps.now();
  const scrapedAt = Math.floor(now / METRIC_RESOLUTION_MS) * METRIC_RESOLUTION_MS;
  const selectorText = request.query?.labelSelector ?? '';
  const selector = selectorText ? deps.selectors.labels(selectorText) : undefined;
  if (typeof selector === 'string') return statusErrors.badRequest(selector);
  const selected = (o: KubeObject): boolean => !selector || selector.matches(o.metadata.labels ?? {});
  const meta = (o: KubeObject) => ({
    name: o.metadata.name,
    ...(o.metadata.namespace !== undefined ? { namespace: o.metadata.namespace } : {}),
    creationTimestamp: formatTimestamp(now),
    ...(o.metadata.labels ? { labels: o.metadata.labels } : {}),
  });
  const sample = { timestamp: formatTimestamp(scrapedAt), window: `${METRIC_RESOLUTION_MS / 1000}s` };

  if (target.resource === 'nodes') {
    const nodes = deps.registry
      .list(NODES, undefined)
      .items.filter((n) => target.name === undefined || n.metadata.name === target.name);
    const items: KubeObject[] = [];
    for (const node of nodes) {
      const kubelet = deps.kubelet(node.metadata.name ?? '');
      const age = scrapedAt - Date.parse(node.metadata.creationTimestamp ?? '');
      if (!kubelet || age < METRIC_RESOLUTION_MS || !selected(node)) continue;
      const usage = kubelet.summary().node;
      items.push({
        kind: 'NodeMetrics',
        apiVersion: API_VERSION,
        metadata: meta(node),
        ...sample,
        usage: { cpu: cpu(usage.cpuMillis), memory: memory(usage.memoryBytes) },
      } as KubeObject);
    }
    if (target.name !== undefined) return items[0] ?? notFound('nodemetrics', target.name);
    return { kind: 'NodeMetricsList', apiVersion: API_VERSION, metadata: {}, items } as unknown as KubeObject;
  }

  if (target.resource !== 'pods') return statusErrors.pathNotFound();
  const summaries = new Map<string, Map<string, PodUsage>>();
  const usageOf = (nodeName: string, key: string): PodUsage | undefined => {
    let byPod = summaries.get(nodeName);
    if (!byPod) {
      const pods = deps.kubelet(nodeName)?.summary().pods ?? [];
      byPod = new Map(pods.map((p) => [`${p.namespace}/${p.name}`, p]));
      summaries.set(nodeName, byPod);
    }
    return byPod.get(key);
  };
  const pods = deps.registry
    .list(PODS, target.namespace)
    .items.filter((p) => target.name === undefined || p.metadata.name === target.name);
  const items: KubeObject[] = [];
  for (const pod of pods) {
    const nodeName = (pod.spec as { nodeName?: string } | undefined)?.nodeName;
    if (!nodeName || !selected(pod)) continue;
    const usage = usageOf(nodeName, `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`);
    if (!usage || usage.containers.some((c) => scrapedAt - c.startedAt < METRIC_RESOLUTION_MS)) continue;
    items.push({
      kind: 'PodMetrics',
      apiVersion: API_VERSION,
      metadata: meta(pod),
      ...sample,
      containers: usage.containers.map((c) => ({
        name: c.name,
        usage: { cpu: cpu(c.cpuMillis), memory: memory(c.memoryBytes) },
      })),
    } as KubeObject);
  }
  // metrics-server names a missing pod by namespace/name.
  if (target.name !== undefined)
    return items[0] ?? notFound('podmetrics', `${target.namespace ?? ''}/${target.name}`);
  return { kind: 'PodMetricsList', apiVersion: API_VERSION, metadata: {}, items } as unknown as KubeObject;
}
