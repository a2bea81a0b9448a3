/**
 * The pod status a kubelet reports, computed from what it knows about the pod's
 * containers: phase (the kubelet's getPhase), the five conditions, container statuses.
 */
import type { JsonValue, KubeObject } from '../api/types.ts';
import { formatTimestamp } from '../time/clock.ts';
import type { ContainerRecord, ContainerState, PodRecord } from './pod-state.ts';

interface ContainerSpec {
  name: string;
  volumeMounts?: { name: string; mountPath: string; readOnly?: boolean }[];
}

export function podSpecOf(pod: KubeObject): {
  containers: ContainerSpec[];
  initContainers: ContainerSpec[];
  restartPolicy: string;
  nodeName: string;
} {
  const spec = (pod.spec ?? {}) as Record<string, unknown>;
  return {
    containers: (spec.containers as ContainerSpec[] | undefined) ?? [],
    initContainers: (spec.initContainers as ContainerSpec[] | undefined) ?? [],
    restartPolicy: (spec.restartPolicy as string | undefined) ?? 'Always',
    nodeName: (spec.nodeName as string | undefined) ?? '',
  };
}

/** The kubelet's getPhase. */
export function podPhase(record: PodRecord): string {
  const { containers, initContainers, restartPolicy } = podSpecOf(record.pod);
  for (const c of initContainers) {
    const r = record.containers.get(c.name);
    const done = r?.state.kind === 'terminated' && r.state.exitCode === 0;
    if (!done) {
      if (restartPolicy === 'Never' && r?.state.kind === 'terminated') return 'Failed';
      return 'Pending';
    }
  }
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const c of containers) {
    const r = record.containers.get(c.name);
    if (!r) {
      waiting++;
      continue;
    }
    if (r.state.kind === 'running') running++;
    else if (r.state.kind === 'terminated') {
      stopped++;
      if (r.state.exitCode === 0) succeeded++;
    } else if (r.lastState) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped === containers.length && containers.length > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    return restartPolicy === 'Never' ? 'Failed' : 'Running';
  }
  return 'Pending';
}

function stateJson(state: ContainerState): JsonValue {
  switch (state.kind) {
    case 'waiting':
      return { waiting: { reason: state.reason, ...(state.message ? { message: state.message } : {}) } };
    case 'running':
      return { running: { startedAt: formatTimestamp(state.startedAt) } };
    case 'terminated':
      return {
        terminated: {
          exitCode: state.exitCode,
          reason: state.reason,
          ...(state.message ? { message: state.message } : {}),
          startedAt: formatTimestamp(state.startedAt),
          finishedAt: formatTimestamp(state.finishedAt),
          containerID: '',
        },
      };
  }
}

function containerStatus(spec: ContainerSpec, r: ContainerRecord): JsonValue {
  const state = stateJson(r.state) as Record<string, Record<string, JsonValue>>;
  if (state.terminated) {
    if (r.containerID) state.terminated.containerID = r.containerID;
    else delete state.terminated.containerID;
  }
  const last = r.lastState ? (stateJson(r.lastState) as Record<string, Record<string, JsonValue>>) : {};
  if (last.terminated) {
    if (r.previous) last.terminated.containerID = r.previous.containerID;
    else delete last.terminated.containerID;
  }
  const status: Record<string, JsonValue> = {
    name: r.name,
    state,
    lastState: last,
    ready: r.ready,
    restartCount: r.restartCount,
    image: r.image,
    imageID: r.imageID ?? '',
    ...(r.containerID ? { containerID: r.containerID } : {}),
    started: r.started,
  };
  const mounts = (spec.volumeMounts ?? []).map((m) => ({
    name: m.name,
    mountPath: m.mountPath,
    ...(m.readOnly ? { readOnly: true, recursiveReadOnly: 'Disabled' } : {}),
  }));
  if (mounts.length) status.volumeMounts = mounts;
  return status;
}

function condition(
  record: PodRecord,
  now: number,
  type: string,
  ok: boolean,
  reason?: string,
  message?: string,
): JsonValue {
  const status = ok ? 'True' : 'False';
  const seen = record.conditionTimes.get(type);
  const at = seen && seen.status === status ? seen.at : now;
  record.conditionTimes.set(type, { status, at });
  return {
    type,
    status,
    lastProbeTime: null,
    lastTransitionTime: formatTimestamp(at),
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
}

export const KUBELET_CONDITIONS = new Set([
  'PodReadyToStartContainers',
  'Initialized',
  'Ready',
  'ContainersReady',
  'PodScheduled',
]);

/** The full status block the kubelet sends for `record` at `now`. */
export function buildPodStatus(record: PodRecord, hostIP: string, now: number): Record<string, JsonValue> {
  const { containers, initContainers } = podSpecOf(record.pod);
  const phase = podPhase(record);
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  const incompleteInit = initContainers
    .filter((c) => {
      const r = record.containers.get(c.name);
      return !(r?.state.kind === 'terminated' && r.state.exitCode === 0);
    })
    .map((c) => c.name);
  const unready = containers.filter((c) => !record.containers.get(c.name)?.ready).map((c) => c.name);
  const conditions: JsonValue[] = [
    condition(record, now, 'PodReadyToStartContainers', record.sandboxReady && !terminal),
    phase === 'Succeeded'
      ? condition(record, now, 'Initialized', true, 'PodCompleted')
      : condition(
          record,
          now,
          'Initialized',
          incompleteInit.length === 0,
          incompleteInit.length ? 'ContainersNotInitialized' : undefined,
          incompleteInit.length
            ? `containers with incomplete status: [${incompleteInit.join(' ')}]`
            : undefined,
        ),
  ];
  for (const type of ['Ready', 'ContainersReady']) {
    if (terminal) {
      conditions.push(
        condition(record, now, type, false, phase === 'Succeeded' ? 'PodCompleted' : 'PodFailed'),
      );
    } else if (incompleteInit.length) {
      conditions.push(
        condition(
          record,
          now,
          type,
          false,
          'ContainersNotReady',
          `containers with unready status: [${containers.map((c) => c.name).join(' ')}]`,
        ),
      );
    } else {
      const reasonText = unready.length
        ? `containers with unready status: [${unready.join(' ')}]`
        : undefined;
      conditions.push(
        condition(
          record,
          now,
          type,
          unready.length === 0,
          unready.length ? 'ContainersNotReady' : undefined,
          reasonText,
        ),
      );
    }
  }
  // The scheduler's PodScheduled and conditions set by others (DisruptionTarget, readiness
  // gates) are kept as they are; a pod bound by its manifest gets PodScheduled from the kubelet.
  const existing =
    (record.pod.status as { conditions?: Record<string, JsonValue>[] } | undefined)?.conditions ?? [];
  const scheduled = existing.find((c) => c.type === 'PodScheduled');
  conditions.push(scheduled ?? condition(record, record.startTime ?? now, 'PodScheduled', true));
  for (const c of existing) if (!KUBELET_CONDITIONS.has(String(c.type))) conditions.push(c);
  const status: Record<string, JsonValue> = {
    phase,
    conditions,
    hostIP,
    hostIPs: [{ ip: hostIP }],
  };
  if (record.podIP) {
    status.podIP = record.podIP;
    status.podIPs = [{ ip: record.podIP }];
  }
  if (record.startTime !== undefined) status.startTime = formatTimestamp(record.startTime);
  const statusOf = (specs: (ContainerSpec & { image?: string })[], waiting: string): JsonValue[] =>
    specs.map((c) => {
      const r = record.containers.get(c.name);
      if (r) return containerStatus(c, r);
      const placeholder: ContainerRecord = {
        name: c.name,
        init: false,
        state: { kind: 'waiting', reason: waiting },
        restartCount: 0,
        image: c.image ?? '',
        ready: false,
        started: false,
        backoffMs: 0,
        backoffUpdatedAt: 0,
      };
      return containerStatus(c, placeholder);
    });
  if (initContainers.length) status.initContainerStatuses = statusOf(initContainers, 'PodInitializing');
  status.containerStatuses = statusOf(
    containers,
    incompleteInit.length ? 'PodInitializing' : 'ContainerCreating',
  );
  return status;
}

/** Whether the pod's stored status no longer shows what the kubelet last reported (phase, its conditions). */
export function statusDrifted(stored: unknown, lastSentJson: string | undefined): boolean {
  if (lastSentJson === undefined) return false;
  const view = (status: unknown): string => {
    const s = (status ?? {}) as { phase?: string; conditions?: { type?: string; status?: string }[] };
    const owned = (s.conditions ?? [])
      .filter((c) => KUBELET_CONDITIONS.has(String(c.type)) && c.type !== 'PodScheduled')
      .map((c) => `${c.type}=${c.status}`);
    return `${s.phase}|${owned.join(',')}`;
  };
  return view(stored) !== view(JSON.parse(lastSentJson));
}
