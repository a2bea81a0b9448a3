/**
 * The DaemonSet controller's decisions, pure (daemon_controller.go podsShouldBeOnNode,
 * manage, updateDaemonSetStatus; update.go rollingUpdate): on which nodes to create daemon
 * pods, which pods to delete, and the status to report. Inputs are the nodes, the pods the
 * DaemonSet owns (already claimed) and the current revision's hash.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { isPodAvailable, isPodReady, podNodeName, podPhase } from '../replicaset/pod-status.ts';
import {
  dsSpec,
  isPodUpdated,
  REVISION_HASH_LABEL,
  surgeCount,
  targetNodeName,
  unavailableCount,
  type DaemonSetStatus,
} from './daemonset-util.ts';
import { nodeShouldRunDaemonPod } from './node-should-run.ts';

/** `BurstReplicas`: the most pods one sync creates, and the most it deletes. */
export const DAEMONSET_BURST_REPLICAS = 250;

export interface DaemonSetState {
  readonly ds: KubeObject;
  readonly nodes: readonly KubeObject[];
  /** The pods the DaemonSet controls. */
  readonly pods: readonly KubeObject[];
  readonly hash: string;
  readonly nowMs: number;
}

const isTerminal = (pod: KubeObject) => podPhase(pod) === 'Failed' || podPhase(pod) === 'Succeeded';

/**
 * `getNodesToDaemonPods`: the pods by the node they run on or are pinned to, nodes in list
 * order. Terminal pods already being deleted are left out unless `includeDeletedTerminal`.
 */
export function podsByNode(state: DaemonSetState, includeDeletedTerminal = false): Map<string, KubeObject[]> {
  const out = new Map<string, KubeObject[]>();
  for (const node of state.nodes) out.set(node.metadata.name ?? '', []);
  for (const pod of state.pods) {
    if (!includeDeletedTerminal && isTerminal(pod) && pod.metadata.deletionTimestamp) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const list = out.get(node);
    if (list) list.push(pod);
    else out.set(node, [pod]);
  }
  for (const [name, list] of out) if (list.length === 0) out.delete(name);
  return out;
}

/** `podByCreationTimestampAndPhase`: bound pods first, then the oldest, then by name. */
export function byCreationAndPhase(a: KubeObject, b: KubeObject): number {
  const boundA = podNodeName(a) !== '';
  const boundB = podNodeName(b) !== '';
  if (boundA !== boundB) return boundA ? -1 : 1;
  const ta = parseTimestamp(a.metadata.creationTimestamp ?? '');
  const tb = parseTimestamp(b.metadata.creationTimestamp ?? '');
  if (ta !== tb) return ta - tb;
  return (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** A finished daemon pod the controller replaces (its deletion goes through a backoff per node). */
export interface TerminalPod {
  readonly pod: KubeObject;
  readonly node: string;
}

export interface ManagePlan {
  /** Nodes that get a new daemon pod, in node order. */
  readonly createOn: string[];
  /** Pods to delete: surplus pods, pods on nodes that no longer qualify, pods pinned to gone nodes. */
  readonly delete: KubeObject[];
  /** Failed or Succeeded pods on nodes that keep running the daemon. */
  readonly terminal: TerminalPod[];
}

function allowsSurge(ds: KubeObject): boolean {
  return surgeCount(ds, 1) > 0;
}

/** `podsShouldBeOnNode` for every node, then the pods pinned to nodes that no longer exist. */
export function planManage(state: DaemonSetState): ManagePlan {
  const { ds, hash } = state;
  const byNode = podsByNode(state);
  const plan: ManagePlan = { createOn: [], delete: [], terminal: [] };
  const minReadySeconds = dsSpec(ds).minReadySeconds ?? 0;
  for (const node of state.nodes) {
    const name = node.metadata.name ?? '';
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    const daemonPods = byNode.get(name);
    if (shouldRun && !daemonPods) {
      plan.createOn.push(name);
      continue;
    }
    if (!shouldContinueRunning) {
      for (const pod of daemonPods ?? []) if (!pod.metadata.deletionTimestamp) plan.delete.push(pod);
      continue;
    }
    const running: KubeObject[] = [];
    for (const pod of daemonPods ?? []) {
      if (pod.metadata.deletionTimestamp) continue;
      if (isTerminal(pod)) plan.terminal.push({ pod, node: name });
      else running.push(pod);
    }
    running.sort(byCreationAndPhase);
    if (!allowsSurge(ds)) {
      // One pod per node: all but the oldest go.
      plan.delete.push(...running.slice(1));
      continue;
    }
    if (running.length <= 1) {
      // Surging still needs at least one live pod on the node.
      if (running.length === 0 && shouldRun) plan.createOn.push(name);
      continue;
    }
    // With surge, an old and a new pod may share a node for a while: the oldest of each is
    // kept, and the old one goes once it is not ready or the new one is available.
    let oldestNew: KubeObject | undefined;
    let oldestOld: KubeObject | undefined;
    for (const pod of running) {
      const isNew = pod.metadata.labels?.[REVISION_HASH_LABEL] === hash;
      if (isNew && !oldestNew) oldestNew = pod;
      else if (!isNew && !oldestOld) oldestOld = pod;
      else plan.delete.push(pod);
    }
    if (oldestNew && oldestOld) {
      if (!isPodReady(oldestOld) || isPodAvailable(oldestNew, minReadySeconds, state.nowMs)) {
        plan.delete.push(oldestOld);
      }
    }
  }
  // `getUnscheduledPodsWithoutNode`: nothing else would ever remove these.
  const existing = new Set(state.nodes.map((n) => n.metadata.name ?? ''));
  for (const [name, list] of byNode) {
    if (existing.has(name)) continue;
    for (const pod of list) if (!podNodeName(pod)) plan.delete.push(pod);
  }
  return plan;
}

/** `findUpdatedPodsOnNode`: the node's live new and old pod, or undefined when it has several of either. */
function updatedPodsOnNode(
  pods: readonly KubeObject[],
  hash: string,
): { newPod?: KubeObject; oldPod?: KubeObject } | undefined {
  let newPod: KubeObject | undefined;
  let oldPod: KubeObject | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isPodUpdated(pod, hash)) {
      if (newPod) return undefined;
      newPod = pod;
    } else {
      if (oldPod) return undefined;
      oldPod = pod;
    }
  }
  return { ...(newPod ? { newPod } : {}), ...(oldPod ? { oldPod } : {}) };
}

export interface RollingUpdatePlan {
  readonly createOn: string[];
  readonly delete: string[];
}

/**
 * `rollingUpdate`: without surge, old pods are deleted while no more than maxUnavailable
 * nodes lack an available pod (the manage loop then creates their replacements); with
 * surge, new pods start beside old ones and each old pod goes once its replacement is
 * available.
 */
export function planRollingUpdate(state: DaemonSetState): RollingUpdatePlan {
  const { ds, hash, nowMs } = state;
  const byNode = podsByNode(state);
  const nodesByName = new Map(state.nodes.map((n) => [n.metadata.name ?? '', n]));
  // `updatedDesiredNodeCounts`: every node that wants a pod is considered, with or without one.
  let desired = 0;
  for (const node of state.nodes) {
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) continue;
    desired++;
    if (!byNode.has(node.metadata.name ?? '')) byNode.set(node.metadata.name ?? '', []);
  }
  let maxUnavailable = unavailableCount(ds, desired);
  const maxSurge = surgeCount(ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  const minReadySeconds = dsSpec(ds).minReadySeconds ?? 0;
  const available = (pod: KubeObject) => isPodAvailable(pod, minReadySeconds, nowMs);
  const shouldRun = (name: string) => {
    const node = nodesByName.get(name);
    return node !== undefined && nodeShouldRunDaemonPod(node, ds).shouldRun;
  };

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const replacements: string[] = [];
    const candidates: string[] = [];
    for (const pods of byNode.values()) {
      const found = updatedPodsOnNode(pods, hash);
      if (!found) {
        numUnavailable++;
        continue;
      }
      const { newPod, oldPod } = found;
      if ((!oldPod && !newPod) || (oldPod && newPod)) numUnavailable++;
      else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) {
          replacements.push(oldPod.metadata.name ?? '');
          numUnavailable++;
        } else if (numUnavailable < maxUnavailable) candidates.push(oldPod.metadata.name ?? '');
      }
    }
    const remaining = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidates.length);
    return { createOn: [], delete: [...replacements, ...candidates.slice(0, remaining)] };
  }

  const oldPodsToDelete: string[] = [];
  const shouldNotRunToDelete: KubeObject[] = [];
  const candidateNodes: string[] = [];
  const allowedNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [name, pods] of byNode) {
    const found = updatedPodsOnNode(pods, hash);
    if (!found) {
      numSurge++;
      continue;
    }
    const { newPod, oldPod } = found;
    if (oldPod ? available(oldPod) : newPod ? available(newPod) : false) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun(name)) oldPodsToDelete.push(oldPod.metadata.name ?? '');
        else allowedNodes.push(name);
      } else if (!shouldRun(name)) shouldNotRunToDelete.push(oldPod);
      else if (numSurge < maxSurge) candidateNodes.push(name);
      continue;
    }
    if (!available(newPod)) numSurge++;
    else oldPodsToDelete.push(oldPod.metadata.name ?? '');
  }
  // Pods on nodes that no longer qualify go only as pods elsewhere become available.
  const deletable = Math.min(Math.max(numAvailable - desired, 0), shouldNotRunToDelete.length);
  for (const pod of shouldNotRunToDelete.slice(0, deletable)) {
    if (!pod.metadata.deletionTimestamp) oldPodsToDelete.push(pod.metadata.name ?? '');
  }
  const remainingSurge = Math.min(Math.max(maxSurge - numSurge, 0), candidateNodes.length);
  return { createOn: [...allowedNodes, ...candidateNodes.slice(0, remainingSurge)], delete: oldPodsToDelete };
}

/**
 * `updateDaemonSetStatus`: counts over the nodes that want a pod, judging each node by its
 * oldest pod. Zero counts of the optional fields are left out, as Go's omitempty does.
 */
export function calculateDaemonSetStatus(state: DaemonSetState): DaemonSetStatus {
  const { ds, hash, nowMs } = state;
  const byNode = podsByNode(state);
  const minReadySeconds = dsSpec(ds).minReadySeconds ?? 0;
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let updated = 0;
  let available = 0;
  for (const node of state.nodes) {
    const pods = byNode.get(node.metadata.name ?? '');
    if (!nodeShouldRunDaemonPod(node, ds).shouldRun) {
      if (pods) misscheduled++;
      continue;
    }
    desired++;
    if (!pods) continue;
    current++;
    const pod = [...pods].sort(byCreationAndPhase)[0]!;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReadySeconds, nowMs)) available++;
    }
    if (isPodUpdated(pod, hash)) updated++;
  }
  const status: DaemonSetStatus = {
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    desiredNumberScheduled: desired,
    numberReady: ready,
  };
  if (updated) status.updatedNumberScheduled = updated;
  if (available) status.numberAvailable = available;
  if (desired - available) status.numberUnavailable = desired - available;
  return status;
}
