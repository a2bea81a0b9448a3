/**
 * Node taints and conditions as the node lifecycle controller reads and writes them
 * (core/v1 well-known taint keys, `pkg/util/taints`, `GetNodeCondition`).
 */
import type { KubeObject } from '../../api/types.ts';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
export const TAINT_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
export const TAINT_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
export const TAINT_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

export interface Taint {
  readonly key: string;
  readonly value?: string;
  readonly effect: string;
  readonly timeAdded?: string;
}

export interface NodeCondition {
  readonly type: string;
  readonly status: string;
  readonly lastHeartbeatTime?: string;
  readonly lastTransitionTime?: string;
  readonly reason?: string;
  readonly message?: string;
}

export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };

/** Which condition status puts which NoSchedule taint on a node. */
export const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: TAINT_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_PID_PRESSURE },
};

/** The taint keys the controller owns because a condition implies them. */
export const CONDITION_TAINT_KEYS: ReadonlySet<string> = new Set(
  Object.values(CONDITION_TAINTS).flatMap((byStatus) => Object.values(byStatus)),
);

export function nodeTaints(node: KubeObject): Taint[] {
  const taints = (node.spec as { taints?: unknown } | undefined)?.taints;
  return Array.isArray(taints) ? (taints as Taint[]) : [];
}

export function nodeConditions(node: KubeObject): NodeCondition[] {
  const conditions = (node.status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(conditions) ? (conditions as NodeCondition[]) : [];
}

export function nodeCondition(node: KubeObject, type: string): NodeCondition | undefined {
  return nodeConditions(node).find((c) => c.type === type);
}

/** `Taint.MatchTaint`: the same key and effect (value and timeAdded aside). */
export function matchTaint(a: Taint, b: Taint): boolean {
  return a.key === b.key && a.effect === b.effect;
}

export function taintExists(taints: readonly Taint[], taint: Taint): boolean {
  return taints.some((t) => matchTaint(t, taint));
}

/** `AddOrUpdateTaint` over several taints: the new list, or undefined when nothing changes. */
export function addOrUpdateTaints(existing: readonly Taint[], toAdd: readonly Taint[]): Taint[] | undefined {
  let result = [...existing];
  let updated = false;
  for (const taint of toAdd) {
    const i = result.findIndex((t) => matchTaint(t, taint));
    if (i < 0) {
      result = [...result, taint];
      updated = true;
    } else if (!sameTaint(result[i]!, taint)) {
      result = result.map((t, j) => (j === i ? taint : t));
      updated = true;
    }
  }
  return updated ? result : undefined;
}

/** `RemoveTaint` over several taints: the new list, or undefined when none was there. */
export function removeTaints(existing: readonly Taint[], toRemove: readonly Taint[]): Taint[] | undefined {
  const result = existing.filter((t) => !taintExists(toRemove, t));
  return result.length === existing.length ? undefined : result;
}

function sameTaint(a: Taint, b: Taint): boolean {
  return (
    a.key === b.key &&
    (a.value ?? '') === (b.value ?? '') &&
    a.effect === b.effect &&
    a.timeAdded === b.timeAdded
  );
}

/**
 * `nodetopology.GetZoneKey`: region and zone joined by `:\0:`, or '' for a node with
 * neither label (every node of a kind cluster shares that one zone).
 */
export function zoneKey(node: KubeObject): string {
  const labels = node.metadata.labels ?? {};
  const region =
    labels['topology.kubernetes.io/region'] ?? labels['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone =
    labels['topology.kubernetes.io/zone'] ?? labels['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\u0000:${zone}`;
}
