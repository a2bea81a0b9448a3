/**
 * The node lifecycle controller's health check (`tryUpdateNodeHealth` in
 * pkg/controller/nodelifecycle): a node is alive while its kubelet renews the node's Lease
 * or changes its Ready heartbeat; once neither happened for the grace period, its Ready,
 * MemoryPressure, DiskPressure and PIDPressure conditions become Unknown.
 *
 * The controller keeps its own probe time per node instead of trusting the timestamps
 * the kubelet wrote, as the real one does to be immune to clock skew.
 */
import type { KubeObject } from '../../api/types.ts';
import { formatTimestamp, parseTimestamp } from '../../time/clock.ts';
import { nodeCondition, nodeConditions, type NodeCondition } from './taints.ts';

/** `--node-monitor-grace-period`: 50 s since v1.32 (40 s before). */
export const NODE_MONITOR_GRACE_PERIOD_MS = 50_000;
/** `--node-startup-grace-period`: for a node that never posted a Ready condition. */
export const NODE_STARTUP_GRACE_PERIOD_MS = 60_000;
/** `--node-monitor-period`. */
export const NODE_MONITOR_PERIOD_MS = 5_000;

export const STATUS_UNKNOWN_REASON = 'NodeStatusUnknown';
export const STATUS_UNKNOWN_MESSAGE = 'Kubelet stopped posting node status.';
export const NEVER_UPDATED_REASON = 'NodeStatusNeverUpdated';
export const NEVER_UPDATED_MESSAGE = 'Kubelet never posted node status.';

/** The conditions the controller turns Unknown (NetworkUnavailable belongs to the network plugin). */
const UNKNOWN_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/** What the controller remembers of a node between passes. */
export interface NodeHealth {
  /** When the controller last saw a sign of life. */
  readonly probeMs: number;
  readonly readyTransitionMs: number;
  /** The Ready condition last seen, if the node had one. */
  readonly ready: NodeCondition | undefined;
  /** The renewTime of the Lease last seen, if any. */
  readonly leaseRenewTime: string | undefined;
}

export interface HealthTimings {
  readonly gracePeriodMs: number;
  readonly startupGracePeriodMs: number;
}

export interface HealthPlan {
  /** The Ready condition as the node had it before this pass (a synthetic Unknown if it had none). */
  readonly observedReady: NodeCondition;
  /** The Ready condition after this pass (the planned one when `statusUpdate` is set). */
  readonly currentReady: NodeCondition | undefined;
  /** What to remember if no status is written, or if the write fails. */
  readonly health: NodeHealth;
  /** The node with its conditions turned Unknown, to PUT to nodes/status. */
  readonly statusUpdate?: KubeObject;
  /** What to remember once `statusUpdate` is written. */
  readonly healthAfterUpdate?: NodeHealth;
}

export const DEFAULT_TIMINGS: HealthTimings = {
  gracePeriodMs: NODE_MONITOR_GRACE_PERIOD_MS,
  startupGracePeriodMs: NODE_STARTUP_GRACE_PERIOD_MS,
};

export function planNodeHealth(
  node: KubeObject,
  lease: KubeObject | undefined,
  saved: NodeHealth | undefined,
  nowMs: number,
  timings: HealthTimings = DEFAULT_TIMINGS,
): HealthPlan {
  const created = node.metadata.creationTimestamp ?? formatTimestamp(nowMs);
  const createdMs = parseTimestamp(created);
  const current = nodeCondition(node, 'Ready');
  let health = saved;
  let observedReady: NodeCondition;
  let gracePeriodMs: number;
  if (!current) {
    observedReady = {
      type: 'Ready',
      status: 'Unknown',
      lastHeartbeatTime: created,
      lastTransitionTime: created,
    };
    gracePeriodMs = timings.startupGracePeriodMs;
    health = health
      ? { ...health, ready: undefined }
      : { probeMs: createdMs, readyTransitionMs: createdMs, ready: undefined, leaseRenewTime: undefined };
  } else {
    observedReady = current;
    gracePeriodMs = timings.gracePeriodMs;
  }

  const savedReady = saved?.ready;
  const savedLease = saved?.leaseRenewTime;
  const fresh = (ready: NodeCondition | undefined, transitionMs: number): NodeHealth => ({
    probeMs: nowMs,
    readyTransitionMs: transitionMs,
    ready,
    leaseRenewTime: undefined,
  });
  if (!health) health = fresh(current, nowMs);
  else if (!savedReady && current) health = fresh(current, nowMs);
  else if (savedReady && !current) health = fresh(undefined, nowMs);
  else if (savedReady && current && savedReady.lastHeartbeatTime !== current.lastHeartbeatTime) {
    const transitioned = savedReady.lastTransitionTime !== current.lastTransitionTime;
    health = fresh(current, transitioned ? nowMs : health.readyTransitionMs);
  }

  // A renewed Lease is a sign of life even when the status is not posted.
  const renewTime = leaseRenewTime(lease);
  if (
    renewTime !== undefined &&
    (savedLease === undefined || parseTimestamp(savedLease) < parseTimestamp(renewTime))
  ) {
    health = { ...health, leaseRenewTime: renewTime, probeMs: nowMs };
  }

  if (nowMs <= health.probeMs + gracePeriodMs) return { observedReady, currentReady: current, health };

  const now = formatTimestamp(nowMs);
  const conditions: NodeCondition[] = [...nodeConditions(node)];
  for (const type of UNKNOWN_CONDITIONS) {
    const i = conditions.findIndex((c) => c.type === type);
    const condition = conditions[i];
    if (!condition) {
      conditions.push({
        type,
        status: 'Unknown',
        lastHeartbeatTime: created,
        lastTransitionTime: now,
        reason: NEVER_UPDATED_REASON,
        message: NEVER_UPDATED_MESSAGE,
      });
    } else if (condition.status !== 'Unknown') {
      conditions[i] = {
        ...condition,
        status: 'Unknown',
        lastTransitionTime: now,
        reason: STATUS_UNKNOWN_REASON,
        message: STATUS_UNKNOWN_MESSAGE,
      };
    }
  }
  const currentReady = conditions.find((c) => c.type === 'Ready');
  if (sameCondition(currentReady, observedReady)) return { observedReady, currentReady, health };
  return {
    observedReady,
    currentReady,
    health,
    statusUpdate: { ...node, status: { ...(node.status ?? {}), conditions } },
    healthAfterUpdate: {
      probeMs: health.probeMs,
      readyTransitionMs: nowMs,
      ready: currentReady,
      leaseRenewTime: renewTime,
    },
  };
}

function leaseRenewTime(lease: KubeObject | undefined): string | undefined {
  const renew = (lease?.spec as { renewTime?: unknown } | undefined)?.renewTime;
  return typeof renew === 'string' && renew !== '' ? renew : undefined;
}

function sameCondition(a: NodeCondition | undefined, b: NodeCondition): boolean {
  return (
    !!a &&
    a.status === b.status &&
    a.reason === b.reason &&
    a.message === b.message &&
    a.lastHeartbeatTime === b.lastHeartbeatTime &&
    a.lastTransitionTime === b.lastTransitionTime
  );
}
