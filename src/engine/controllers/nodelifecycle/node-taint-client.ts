/**
 * Taint writes as kube-controller-manager makes them (`AddOrUpdateTaintOnNode`,
 * `RemoveTaintOffNode`, `PatchNodeTaints` in pkg/controller): GET the node, compute its
 * new taint list, and send it whole in a strategic merge patch that carries the node's
 * resourceVersion, so a concurrent change of the taints fails with a conflict and is
 * retried instead of being overwritten.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { isConflict, type ApiClient } from '../../client/api-client.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { addOrUpdateTaints, nodeTaints, removeTaints, taintExists, type Taint } from './taints.ts';

/** `UpdateTaintBackoff` allows five attempts. */
const ATTEMPTS = 5;

function patchTaints(
  api: ApiClient,
  nodes: ResourceInfo,
  name: string,
  change: (taints: readonly Taint[]) => Taint[] | undefined,
): void {
  for (let attempt = 1; ; attempt++) {
    const node = api.get(nodes, undefined, name);
    const next = change(nodeTaints(node));
    if (!next) return;
    try {
      api.patch(nodes, undefined, name, 'strategic', {
        metadata: { resourceVersion: node.metadata.resourceVersion },
        spec: { taints: next.length ? next : null },
      });
      return;
    } catch (e) {
      if (!isConflict(e) || attempt >= ATTEMPTS) throw e;
    }
  }
}

export function addOrUpdateTaintOnNode(
  api: ApiClient,
  nodes: ResourceInfo,
  name: string,
  taints: readonly Taint[],
): void {
  if (taints.length === 0) return;
  patchTaints(api, nodes, name, (existing) => addOrUpdateTaints(existing, taints));
}

/** Does nothing, not even a GET, when `cached` has none of the taints. */
export function removeTaintOffNode(
  api: ApiClient,
  nodes: ResourceInfo,
  cached: KubeObject,
  taints: readonly Taint[],
): void {
  if (!taints.some((t) => taintExists(nodeTaints(cached), t))) return;
  patchTaints(api, nodes, cached.metadata.name ?? '', (existing) => removeTaints(existing, taints));
}

/** `SwapNodeControllerTaint`: stamps the added taints with the time, adds them, removes the others. */
export function swapNodeControllerTaint(
  api: ApiClient,
  nodes: ResourceInfo,
  cached: KubeObject,
  add: readonly Taint[],
  remove: readonly Taint[],
  nowMs: number,
): void {
  const timeAdded = formatTimestamp(nowMs);
  addOrUpdateTaintOnNode(
    api,
    nodes,
    cached.metadata.name ?? '',
    add.map((t) => ({ ...t, timeAdded })),
  );
  removeTaintOffNode(api, nodes, cached, remove);
}
