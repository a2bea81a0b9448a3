/**
 * Endpoint hints for a Service's `trafficDistribution` (`k8s.io/endpointslice/trafficdist`).
 * With PreferClose, PreferSameZone or PreferSameNode (the latter two from the
 * PreferSameTrafficDistribution gate, beta and on by default in 1.34) every ready endpoint is
 * hinted for its own zone, and with PreferSameNode for its own node too; without a valid value
 * every hint is removed. A slice the reconcile leaves alone is still rewritten when a ready
 * endpoint's hints are missing or wrong.
 *
 * The older `service.kubernetes.io/topology-mode: Auto` annotation takes precedence over the
 * field. Its heuristic (hints allocated across zones in proportion to their allocatable CPU)
 * is not simulated: such a Service gets no hints here.
 */
import type { JsonObject } from '../../api/types.ts';

export const ANNOTATION_TOPOLOGY_MODE = 'service.kubernetes.io/topology-mode';
export const DEPRECATED_ANNOTATION_TOPOLOGY_AWARE_HINTS = 'service.kubernetes.io/topology-aware-hints';

const CLOSE_DISTRIBUTIONS = new Set(['PreferClose', 'PreferSameZone', 'PreferSameNode']);

interface EndpointShape {
  conditions?: { ready?: boolean };
  zone?: string;
  nodeName?: string;
  hints?: { forZones?: { name: string }[]; forNodes?: { name: string }[] };
}

/** The deprecated annotation wins when both are set; `Auto` or `auto` turns hints on. */
export function topologyAnnotationEnabled(annotations: Record<string, string> | undefined): boolean {
  const value =
    annotations?.[DEPRECATED_ANNOTATION_TOPOLOGY_AWARE_HINTS] ?? annotations?.[ANNOTATION_TOPOLOGY_MODE];
  return value === 'Auto' || value === 'auto';
}

export interface HintHeuristic {
  /** Whether a slice the reconcile left alone must be rewritten for its hints. */
  needsUpdate(endpoints: readonly JsonObject[]): boolean;
  /** The endpoints with their hints set. */
  update(endpoints: readonly JsonObject[]): JsonObject[];
}

/** The endpoint without its hints. */
export const withoutHints = (e: JsonObject): JsonObject => {
  const { hints: _hints, ...rest } = e;
  void _hints;
  return rest;
};

/** No distribution preference: hints are removed wherever they are. */
const clusterWide: HintHeuristic = {
  needsUpdate: (endpoints) => endpoints.some((e) => (e as EndpointShape).hints !== undefined),
  update: (endpoints) => endpoints.map(withoutHints),
};

function preferClose(nodeHints: boolean): HintHeuristic {
  const isReady = (e: EndpointShape) => e.conditions?.ready === true;
  return {
    needsUpdate: (endpoints) =>
      endpoints.some((raw) => {
        const e = raw as EndpointShape;
        if (!isReady(e)) return false;
        const zones = e.hints?.forZones ?? [];
        const nodes = e.hints?.forNodes ?? [];
        const zoneWrong =
          e.zone !== undefined ? zones.length !== 1 || zones[0]!.name !== e.zone : zones.length > 0;
        const wantNode = nodeHints && e.nodeName !== undefined;
        const nodeWrong = wantNode ? nodes.length !== 1 || nodes[0]!.name !== e.nodeName : nodes.length > 0;
        return zoneWrong || nodeWrong;
      }),
    update: (endpoints) =>
      endpoints.map((raw) => {
        const e = raw as EndpointShape;
        if (!isReady(e)) return raw;
        const hints: JsonObject = {};
        if (e.zone !== undefined) hints.forZones = [{ name: e.zone }];
        if (nodeHints && e.nodeName !== undefined) hints.forNodes = [{ name: e.nodeName }];
        return Object.keys(hints).length ? { ...raw, hints } : withoutHints(raw);
      }),
  };
}

/** The heuristic the reconcile applies for this Service's field and annotations. */
export function hintHeuristic(
  trafficDistribution: string | undefined,
  annotations: Record<string, string> | undefined,
): HintHeuristic {
  if (topologyAnnotationEnabled(annotations)) return clusterWide;
  if (trafficDistribution === undefined || !CLOSE_DISTRIBUTIONS.has(trafficDistribution)) return clusterWide;
  return preferClose(trafficDistribution === 'PreferSameNode');
}
