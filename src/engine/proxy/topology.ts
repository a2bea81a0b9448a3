/**
 * Which of a service port's ready endpoints one node's kube-proxy uses for cluster traffic,
 * given the hints the endpointslice controller wrote (`pkg/proxy/topology.go`). When every
 * ready endpoint has a node hint and one is hinted for this node, only those hinted for this
 * node; otherwise, when every ready endpoint has a zone hint and one is hinted for this
 * node's zone (its `topology.kubernetes.io/zone` label), only those; otherwise all of them.
 * Pure.
 */

export interface HintedEndpoint {
  readonly zoneHints: readonly string[];
  readonly nodeHints: readonly string[];
}

/** '' is no topology: every ready endpoint is used. */
export type TopologyMode = '' | 'PreferSameNode' | 'PreferSameZone';

export function topologyModeFromHints(
  ready: readonly HintedEndpoint[],
  nodeName: string,
  zone: string,
): TopologyMode {
  const allHave = (hints: (e: HintedEndpoint) => readonly string[]) =>
    ready.every((e) => hints(e).length > 0);
  const anyFor = (hints: (e: HintedEndpoint) => readonly string[], name: string) =>
    ready.some((e) => hints(e).includes(name));
  // The PreferSameTrafficDistribution gate, which reads node hints, is on by default in 1.34.
  if (allHave((e) => e.nodeHints) && anyFor((e) => e.nodeHints, nodeName)) return 'PreferSameNode';
  if (allHave((e) => e.zoneHints) && anyFor((e) => e.zoneHints, zone)) return 'PreferSameZone';
  return '';
}

export function availableForTopology(
  endpoint: HintedEndpoint,
  mode: TopologyMode,
  nodeName: string,
  zone: string,
): boolean {
  if (mode === 'PreferSameNode') return endpoint.nodeHints.includes(nodeName);
  if (mode === 'PreferSameZone') return endpoint.zoneHints.includes(zone);
  return true;
}

/** The ready endpoints this node sends cluster traffic to. */
export function topologyFilter<E extends HintedEndpoint>(
  ready: readonly E[],
  nodeName: string,
  zone: string,
): E[] {
  const mode = topologyModeFromHints(ready, nodeName, zone);
  return ready.filter((e) => availableForTopology(e, mode, nodeName, zone));
}
