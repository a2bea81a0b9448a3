/**
 * What a Service's EndpointSlices should be (the endpointslice reconciler, simplified): its
 * pods' endpoints grouped by the ports they serve, at most 100 to a slice, endpoints already
 * in a slice kept in place, new ones added after them. A Service whose pods give no
 * endpoints keeps one empty placeholder slice. As the reconciler's finalize does, a slice
 * that would be created while another is deleted is written over the deleted one instead,
 * so its name stays (a placeholder becomes the first real slice, and the last real slice
 * becomes the placeholder). Every slice written carries the sync's last-change trigger
 * time, and its ready endpoints the hints the Service's trafficDistribution asks for.
 * Pure: the controller writes the plan.
 */
import type { JsonObject, JsonValue, KubeObject } from '../../api/types.ts';
import { canonicalJson } from '../deployment/pod-template-hash.ts';
import {
  endpointPorts,
  isHeadless,
  podToEndpoint,
  shouldPodBeInEndpoints,
  type ServiceShape,
} from './pod-endpoint.ts';
import { hintHeuristic, withoutHints } from './traffic-distribution.ts';
import { withTriggerTime } from './trigger-time.ts';

export const MAX_ENDPOINTS_PER_SLICE = 100;
export const ENDPOINTSLICE_CONTROLLER_NAME = 'endpointslice-controller.k8s.io';
export const LABEL_SERVICE_NAME = 'kubernetes.io/service-name';
export const LABEL_MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const ADDRESS_TYPE = 'IPv4';
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
  /** The `endpoints.kubernetes.io/last-change-trigger-time` for slices written now; none clears it. */
  readonly triggerTime?: string;
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

/** Semantic equality: stored objects need not keep the key order they were written with. */
const same = (a: unknown, b: unknown): boolean => canonicalJson(a ?? null) === canonicalJson(b ?? null);

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
  const labels = sliceLabels(service);
  const spec = input.service.spec as { trafficDistribution?: string } | undefined;
  const hints = hintHeuristic(spec?.trafficDistribution, input.service.metadata.annotations);
  const annotated = (metadata: KubeObject['metadata']): KubeObject['metadata'] => {
    const { annotations: _old, ...rest } = metadata;
    void _old;
    const annotations = withTriggerTime(metadata.annotations, input.triggerTime);
    return annotations ? { ...rest, annotations } : rest;
  };
  const owner = {
    apiVersion: 'v1',
    kind: 'Service',
    name: service.metadata.name ?? '',
    uid: service.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
  const newSlice = (endpoints: JsonObject[], ports: JsonObject[]): KubeObject =>
    ({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: annotated({
        generateName: `${service.metadata.name ?? ''}-`,
        namespace: service.metadata.namespace,
        labels,
        ownerReferences: [owner],
      }),
      addressType: ADDRESS_TYPE,
      endpoints,
      ports,
    }) as KubeObject;
  const sorted = [...(input.existing as unknown as readonly SliceShape[])].sort((a, b) =>
    (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
  // Slices of an address type the Service does not use are deleted, never reused.
  const existing = sorted.filter((s) => s.addressType === ADDRESS_TYPE);
  const foreign = sorted.filter((s) => s.addressType !== ADDRESS_TYPE);
  const used = new Set<SliceShape>();
  const plan: SlicePlan = { create: [], update: [], delete: [] };
  for (const group of groups.values()) {
    const mine = existing.filter((s) => same(s.ports ?? [], group.ports) && !used.has(s));
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
      const body = { addressType: ADDRESS_TYPE, endpoints: hints.update(endpoints), ports: group.ports };
      if (!slice) {
        plan.create.push(newSlice(body.endpoints, body.ports));
        return;
      }
      used.add(slice);
      const current = slice.endpoints ?? [];
      const unchanged =
        // Hints are left out of the comparison: they are the heuristic's business.
        same(current.map(withoutHints), endpoints) &&
        same(slice.ports ?? [], group.ports) &&
        same(slice.metadata.labels, labels);
      if (!unchanged) {
        plan.update.push({
          ...(slice as KubeObject),
          metadata: annotated({ ...slice.metadata, labels }),
          ...body,
        } as KubeObject);
      } else if (hints.needsUpdate(current)) {
        // Only the hints are stale: the slice's own endpoints get them.
        plan.update.push({
          ...(slice as KubeObject),
          metadata: annotated(slice.metadata),
          endpoints: hints.update(current),
        } as KubeObject);
      }
    });
  }
  for (const slice of existing) if (!used.has(slice)) plan.delete.push(slice as KubeObject);

  // No slice would be left: one empty slice says the Service is known and has none. A lone
  // slice about to go that already is that placeholder is simply kept.
  if (plan.delete.length === existing.length && plan.create.length === 0) {
    const placeholder = newSlice([], []);
    if (plan.delete.length === 1 && isPlaceholder(plan.delete[0]!, placeholder)) plan.delete.length = 0;
    else plan.create.push(placeholder);
  }

  // Creates paired with deletes become updates of the deleted slices, names kept: each
  // slice to delete in turn takes the last slice still to create.
  while (plan.delete.length > 0 && plan.create.length > 0) {
    const gone = plan.delete.shift()!;
    const slice = plan.create.pop()!;
    plan.update.push({ ...slice, metadata: { ...slice.metadata, name: gone.metadata.name } });
  }
  plan.delete.push(...(foreign as unknown as KubeObject[]));
  return plan;
}

/**
 * The reconciler's placeholderSliceCompare: the same namespace, labels and owner references,
 * address type, ports and endpoints (no ports and no endpoints); other metadata, the
 * trigger-time annotation among it, does not matter.
 */
function isPlaceholder(slice: KubeObject, placeholder: KubeObject): boolean {
  const a = slice as unknown as SliceShape;
  const b = placeholder as unknown as SliceShape;
  return (
    a.metadata.namespace === b.metadata.namespace &&
    sameLabelValues(a.metadata.labels ?? {}, b.metadata.labels ?? {}) &&
    same(a.metadata.ownerReferences ?? [], b.metadata.ownerReferences ?? []) &&
    a.addressType === b.addressType &&
    (a.ports ?? []).length === 0 &&
    (a.endpoints ?? []).length === 0
  );
}

/** Labels compared by looking each key up in the other map, so an absent key reads as "". */
function sameLabelValues(a: Record<string, string>, b: Record<string, string>): boolean {
  const has = (m: Record<string, string>, k: string, v: string) => (m[k] ?? '') === v;
  return (
    Object.entries(a).every(([k, v]) => has(b, k, v)) && Object.entries(b).every(([k, v]) => has(a, k, v))
  );
}
