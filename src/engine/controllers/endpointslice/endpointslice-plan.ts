/**
 * What a Service's EndpointSlices should be (the endpointslice reconciler, simplified): its
 * pods' endpoints grouped by the ports they serve, at most 100 to a slice, endpoints already
 * in a slice kept in place, new ones added after them. A Service whose pods give no
 * endpoints keeps one empty placeholder slice. Pure: the controller writes the plan.
 */
import type { JsonObject, JsonValue, KubeObject } from '../../api/types.ts';
import {
  endpointPorts,
  isHeadless,
  podToEndpoint,
  shouldPodBeInEndpoints,
  type ServiceShape,
} from './pod-endpoint.ts';

export const MAX_ENDPOINTS_PER_SLICE = 100;
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const LABEL_HEADLESS = 'service.kubernetes.io/headless';
const RESERVED = new Set([LABEL_SERVICE_NAME, LABEL_MANAGED_BY, LABEL_HEADLESS]);

export interface SlicePlan {
  readonly create: KubeObject[];
  readonly update: KubeObject[];
  readonly delete: KubeObject[];
}

export interface SlicePlanInput {
  readonly service: KubeObject;
  /** The pods the Service selects, in its namespace. */
  readonly pods: readonly KubeObject[];
  /** The slices this controller manages for the Service. */
  readonly existing: readonly KubeObject[];
  readonly zoneOf: (nodeName: string) => string | undefined;
}

interface SliceShape {
  metadata: KubeObject['metadata'];
  addressType?: string;
  endpoints?: JsonObject[];
  ports?: JsonObject[];
}

/** The slice labels: the Service's own (reserved keys aside), then the controller's. */
export function sliceLabels(service: ServiceShape): Record<string, string> {
  const labels: Record<string, string> = {};
  for (const [k, v] of Object.entries(service.metadata.labels ?? {})) if (!RESERVED.has(k)) labels[k] = v;
  if (isHeadless(service)) labels[LABEL_HEADLESS] = '';
  labels[LABEL_SERVICE_NAME] = service.metadata.name ?? '';
  labels[LABEL_MANAGED_BY] = ENDPOINTSLICE_CONTROLLER_NAME;
  return labels;
}

const endpointKey = (e: JsonValue | undefined): string => {
  const ref = (e as { targetRef?: { uid?: string } } | undefined)?.targetRef;
  return ref?.uid ?? JSON.stringify((e as { addresses?: unknown } | undefined)?.addresses);
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function planEndpointSlices(input: SlicePlanInput): SlicePlan {
  const service = input.service as ServiceShape;
  const groups = new Map<string, { ports: JsonObject[]; endpoints: JsonObject[] }>();
  const pods = [...input.pods].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod)) continue;
    const endpoint = podToEndpoint(pod, service, input.zoneOf);
    if ((endpoint.addresses as JsonValue[]).length === 0) continue;
    const ports = endpointPorts(service, pod);
    const key = JSON.stringify(ports);
    const group = groups.get(key) ?? { ports, endpoints: [] };
    group.endpoints.push(endpoint);
    groups.set(key, group);
  }
  // No endpoints: one empty slice says the Service is known and has none.
  if (groups.size === 0) groups.set('[]', { ports: [], endpoints: [] });

  const labels = sliceLabels(service);
  const owner = {
    apiVersion: 'v1',
    kind: 'Service',
    name: service.metadata.name ?? '',
    uid: service.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
  const existing = [...(input.existing as unknown as readonly SliceShape[])].sort((a, b) =>
    (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
  const used = new Set<SliceShape>();
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  for (const [key, group] of groups) {
    const mine = existing.filter((s) => JSON.stringify(s.ports ?? []) === key && !used.has(s));
    const wanted = new Map(group.endpoints.map((e) => [endpointKey(e), e]));
    // Endpoints keep their place in the slices they are in; new ones come after.
    const ordered: JsonObject[] = [];
    for (const slice of mine) {
      for (const e of slice.endpoints ?? []) {
        const k = endpointKey(e);
        const next = wanted.get(k);
        if (next) {
          ordered.push(next);
          wanted.delete(k);
        }
      }
    }
    ordered.push(...wanted.values());
    const chunks: JsonObject[][] = [];
    for (let i = 0; i < ordered.length; i += MAX_ENDPOINTS_PER_SLICE) {
      chunks.push(ordered.slice(i, i + MAX_ENDPOINTS_PER_SLICE));
    }
    if (chunks.length === 0) chunks.push([]);
    chunks.forEach((endpoints, i) => {
      const slice = mine[i];
      const body = { addressType: 'IPv4', endpoints, ports: group.ports };
      if (!slice) {
        plan.create.push({
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: `${service.metadata.name ?? ''}-`,
            namespace: service.metadata.namespace,
            labels,
            ownerReferences: [owner],
          },
          ...body,
        } as KubeObject);
        return;
      }
      used.add(slice);
      const unchanged =
        same(slice.endpoints ?? [], endpoints) &&
        same(slice.ports ?? [], group.ports) &&
        same(slice.metadata.labels, labels);
      if (!unchanged) {
        plan.update.push({
          ...(slice as KubeObject),
          metadata: { ...slice.metadata, labels },
          ...body,
        } as KubeObject);
      }
    });
  }
  for (const slice of existing) if (!used.has(slice)) plan.delete.push(slice as KubeObject);
  return plan;
}
