/**
 * `kubectl get pods` (printers.go printPod). The STATUS cell is not the phase: it walks init
 * containers, then regular containers from last to first (so the first one's state wins),
 * and ends with Terminating for pods being deleted. READY counts ready running containers
 * over regular plus restartable (sidecar) init containers; RESTARTS adds `(<age> ago)`
 * from the latest termination.
 */
import type { JsonValue, KubeObject, TableRowCondition } from '../../api/types.ts';
import { humanDuration, parseTimestamp } from '../duration/human-duration.ts';
import { int, obj, objList, optObj, str, type Obj } from './access.ts';
import { ageColumn, column, nameColumn, wide } from './columns.ts';
import { age, nameOf, type KindPrinter, type RowContext } from './printer.ts';

const columns = [
  nameColumn,
  column('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
  column('Status', 'string', 'The aggregate status of the containers in this pod.'),
  column(
    'Restarts',
    'string',
    'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.',
  ),
  ageColumn,
  wide('IP', 'string', 'IP address allocated to the pod. Routable at least within the cluster.'),
  wide('Node', 'string', 'NodeName indicates in which node this pod is scheduled.'),
  wide(
    'Nominated Node',
    'string',
    'nominatedNodeName is set only when this pod preempts other pods on the node.',
  ),
  wide('Readiness Gates', 'string', 'If specified, all readiness gates will be evaluated for pod readiness.'),
];

function isRestartable(container: Obj | undefined): boolean {
  return container?.['restartPolicy'] === 'Always';
}

function conditionStatus(pod: KubeObject, type: string): string | undefined {
  const found = objList(obj(pod['status'])['conditions']).find((c) => c['type'] === type);
  return found === undefined ? undefined : str(found['status']);
}

/** The finish time of a container's last termination, in ms (0 when there is none). */
function lastTerminationTime(status: Obj): number {
  const terminated = optObj(obj(status['lastState'])['terminated']);
  if (terminated === undefined) return 0;
  return parseTimestamp(terminated['finishedAt']) ?? 0;
}

interface PodSummary {
  ready: number;
  total: number;
  reason: string;
  restarts: number;
  lastRestart: number;
}

function summarize(pod: KubeObject): PodSummary {
  const spec = obj(pod['spec']);
  const status = obj(pod['status']);
  const phase = str(status['phase']);
  let reason = str(status['reason']) || phase;
  if (
    objList(status['conditions']).some(
      (c) => c['type'] === 'PodScheduled' && c['reason'] === 'SchedulingGated',
    )
  ) {
    reason = 'SchedulingGated';
  }
  const initContainers = objList(spec['initContainers']);
  const initSpecs = new Map(initContainers.map((c) => [str(c['name']), c]));
  const total = objList(spec['containers']).length + initContainers.filter(isRestartable).length;
  let ready = 0;
  let restarts = 0;
  let lastRestart = 0;
  let sidecarRestarts = 0;
  let lastSidecarRestart = 0;

  let initializing = false;
  const initStatuses = objList(status['initContainerStatuses']);
  for (const [i, container] of initStatuses.entries()) {
    const state = obj(container['state']);
    const terminated = optObj(state['terminated']);
    const waiting = optObj(state['waiting']);
    const restartable = isRestartable(initSpecs.get(str(container['name'])));
    restarts += int(container['restartCount']);
    lastRestart = Math.max(lastRestart, lastTerminationTime(container));
    if (restartable) {
      sidecarRestarts += int(container['restartCount']);
      lastSidecarRestart = Math.max(lastSidecarRestart, lastTerminationTime(container));
    }
    if (terminated !== undefined && int(terminated['exitCode']) === 0) continue;
    if (restartable && container['started'] === true) {
      if (container['ready'] === true) ready++;
      continue;
    }
    initializing = true;
    if (terminated !== undefined) {
      const terminatedReason = str(terminated['reason']);
      if (terminatedReason !== '') reason = `Init:${terminatedReason}`;
      else if (int(terminated['signal']) !== 0) reason = `Init:Signal:${int(terminated['signal'])}`;
      else reason = `Init:ExitCode:${int(terminated['exitCode'])}`;
    } else if (
      waiting !== undefined &&
      str(waiting['reason']) !== '' &&
      waiting['reason'] !== 'PodInitializing'
    ) {
      reason = `Init:${str(waiting['reason'])}`;
    } else {
      reason = `Init:${i}/${initContainers.length}`;
    }
    break;
  }

  if (!initializing || conditionStatus(pod, 'Initialized') === 'True') {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = objList(status['containerStatuses']);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const container = statuses[i]!;
      const state = obj(container['state']);
      const waiting = optObj(state['waiting']);
      const terminated = optObj(state['terminated']);
      restarts += int(container['restartCount']);
      lastRestart = Math.max(lastRestart, lastTerminationTime(container));
      if (waiting !== undefined && str(waiting['reason']) !== '') reason = str(waiting['reason']);
      else if (terminated !== undefined && str(terminated['reason']) !== '')
        reason = str(terminated['reason']);
      else if (terminated !== undefined) {
        const signal = int(terminated['signal']);
        reason = signal !== 0 ? `Signal:${signal}` : `ExitCode:${int(terminated['exitCode'])}`;
      } else if (container['ready'] === true && optObj(state['running']) !== undefined) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditionStatus(pod, 'Ready') === 'True' ? 'Running' : 'NotReady';
    }
  }

  if (pod.metadata.deletionTimestamp !== undefined) {
    if (status['reason'] === 'NodeLost') reason = 'Unknown';
    else if (phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';
  }
  return { ready, total, reason, restarts, lastRestart };
}

function restartsCell(summary: PodSummary, ctx: RowContext): string {
  if (summary.restarts === 0 || summary.lastRestart === 0) return String(summary.restarts);
  return `${summary.restarts} (${humanDuration(ctx.now - summary.lastRestart)} ago)`;
}

function readinessGates(pod: KubeObject): string {
  const gates = objList(obj(pod['spec'])['readinessGates']);
  if (gates.length === 0) return '<none>';
  const conditions = objList(obj(pod['status'])['conditions']);
  const passing = gates.filter(
    (g) => conditions.find((c) => c['type'] === g['conditionType'])?.['status'] === 'True',
  );
  return `${passing.length}/${gates.length}`;
}

function podIP(status: Obj): string {
  // v1 objects with only podIP convert to podIPs = [podIP].
  const first = objList(status['podIPs'])[0];
  const ip = first !== undefined ? str(first['ip']) : str(status['podIP']);
  return ip || '<none>';
}

export const podPrinter: KindPrinter = {
  columns,
  row(pod: KubeObject, ctx: RowContext): JsonValue[] {
    const summary = summarize(pod);
    const status = obj(pod['status']);
    return [
      nameOf(pod),
      `${summary.ready}/${summary.total}`,
      summary.reason,
      restartsCell(summary, ctx),
      age(pod, ctx),
      podIP(status),
      str(obj(pod['spec'])['nodeName']) || '<none>',
      str(status['nominatedNodeName']) || '<none>',
      readinessGates(pod),
    ];
  },
  conditions(pod: KubeObject): TableRowCondition[] | undefined {
    const phase = obj(pod['status'])['phase'];
    if (phase === 'Succeeded') {
      return [
        {
          type: 'Completed',
          status: 'True',
          reason: 'Succeeded',
          message: 'The pod has completed successfully.',
        },
      ];
    }
    if (phase === 'Failed')
      return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    return undefined;
  },
};
