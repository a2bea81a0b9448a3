/**
 * `kubectl rollout status|history|undo|pause|resume|restart` for Deployments, and
 * `status` and `restart` for DaemonSets (the polymorphic helpers' cases). `status` waits
 * on the virtual clock.
 */
import type { KubeObject } from '../../api/types.ts';
import { bool, str, type CommandContext } from '../context.ts';
import { arr, num, obj, s, type Obj } from '../describe/format.ts';
import { formatSelector, splitReplicaSets } from '../describe/workloads.ts';
import type { FlagSpec } from '../flags.ts';
import { fetchObjects, objectName, patchObject, reportErrors, type NamedObject } from '../mutate.ts';
import { writeFlags } from './write-options.ts';

export const rolloutFlags: FlagSpec[] = [
  { name: 'to-revision', type: 'int', default: 0 },
  { name: 'revision', type: 'int', default: 0 },
  { name: 'watch', short: 'w', type: 'bool', default: true },
  { name: 'timeout', type: 'string', default: '0s' },
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'field-manager', type: 'string', default: 'kubectl-rollout' },
  ...writeFlags,
];

const subcommands = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
/** How long `rollout status` waits when no --timeout is given (virtual time). */
const defaultStatusBoundMs = 15 * 60 * 1000;

const revisionKey = 'deployment.kubernetes.io/revision';
const skippedOnRollback = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  revisionKey,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export function runRollout(ctx: CommandContext): void {
  const { out } = ctx;
  const [sub, ...resources] = ctx.args;
  if (!sub || !subcommands.includes(sub)) {
    return out.fail(
      sub
        ? `error: unknown command "${sub}" for "kubectl rollout"\nRun 'kubectl rollout --help' for usage.`
        : `error: Usage: kubectl rollout SUBCOMMAND`,
    );
  }
  if (resources.length === 0) {
    return out.fail(
      `error: required resource not specified\nSee 'kubectl rollout ${sub} -h' for help and examples`,
    );
  }
  const fetched = fetchObjects(ctx, resources, str(ctx.flags, 'selector'));
  if ('fatal' in fetched) return out.fail(fetched.fatal);
  const errors = [...fetched.errors];
  for (const target of fetched.objects) {
    const daemonSet =
      (target.object.kind === 'DaemonSet' || target.object.kind === 'StatefulSet') &&
      (sub === 'status' || sub === 'restart');
    if (target.object.kind !== 'Deployment' && !daemonSet) {
      errors.push(
        `error: no ${sub === 'status' ? 'status viewer' : 'handler'} has been implemented for "${target.object.kind}" in this simulator`,
      );
      continue;
    }
    const error = handlers[sub]!(ctx, target);
    if (error) errors.push(error);
  }
  reportErrors(ctx, errors);
}

type Handler = (ctx: CommandContext, target: NamedObject) => string | undefined;

const handlers: Record<string, Handler> = {
  pause: (ctx, t) => setPaused(ctx, t, true),
  resume: (ctx, t) => setPaused(ctx, t, false),
  restart: (ctx, t) => {
    const d = t.object as unknown as Obj;
    if (t.object.kind === 'Deployment' && obj(d.spec).paused === true) {
      return `error: deployments.apps "${t.object.metadata.name ?? ''}" can't restart paused deployment (run rollout resume first)`;
    }
    const stamp = new Date(ctx.host.now()).toISOString().replace(/\.\d+Z$/, 'Z');
    const patch = {
      spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': stamp } } } },
    };
    const result = patchObject(ctx, t, 'strategic', patch, undefined, str(ctx.flags, 'field-manager'));
    if (typeof result === 'string') return result;
    ctx.out.out(`${objectName(t)} restarted\n`);
    return undefined;
  },
  history: (ctx, t) => {
    const revisions = ownedRevisions(ctx, t);
    if (revisions.length === 0) {
      ctx.out.out(`${objectName(t)} \nNo rollout history found.\n`);
      return undefined;
    }
    const rows = [['REVISION', 'CHANGE-CAUSE']];
    for (const { revision, rs } of revisions) {
      rows.push([
        String(revision),
        s(obj(obj(rs.metadata).annotations)['kubernetes.io/change-cause']) || '<none>',
      ]);
    }
    ctx.out.out(`${objectName(t)} \n${tabwriteHistory(rows)}\n`);
    return undefined;
  },
  undo: (ctx, t) => {
    const d = t.object as unknown as Obj;
    const name = t.object.metadata.name ?? '';
    if (obj(d.spec).paused === true) {
      return `error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again`;
    }
    const toRevision = ctx.flags['to-revision'] as number;
    const revisions = ownedRevisions(ctx, t);
    let chosen: Obj | undefined;
    if (toRevision === 0) {
      if (revisions.length < 2) return `error: no rollout history found for deployment "${name}"`;
      chosen = revisions[revisions.length - 2]!.rs;
    } else {
      chosen = revisions.find((r) => r.revision === toRevision)?.rs;
      if (!chosen) return `error: unable to find specified revision ${toRevision} in history`;
    }
    const template = obj(JSON.parse(JSON.stringify(obj(chosen.spec).template ?? {})) as never);
    const labels = obj(obj(template.metadata).labels);
    delete labels['pod-template-hash'];
    const current = splitReplicaSets(d, [chosen]).current;
    if (current) {
      const rev = s(obj(obj(chosen.metadata).annotations)[revisionKey]);
      ctx.out.out(`${objectName(t)} skipped rollback (current template already matches revision ${rev})\n`);
      return undefined;
    }
    const annotations: Record<string, string> = {};
    const own = obj(t.object.metadata.annotations as never);
    for (const k of skippedOnRollback) if (own[k] !== undefined) annotations[k] = s(own[k]);
    for (const [k, v] of Object.entries(obj(obj(chosen.metadata).annotations))) {
      if (!skippedOnRollback.has(k)) annotations[k] = s(v);
    }
    if (str(ctx.flags, 'dry-run') !== 'client') {
      const patch = [
        { op: 'replace', path: '/spec/template', value: template },
        { op: 'replace', path: '/metadata/annotations', value: annotations },
      ];
      const result = patchObject(ctx, t, 'json', patch, undefined, str(ctx.flags, 'field-manager'));
      if (typeof result === 'string') return result;
    }
    ctx.out.out(`${objectName(t)} rolled back\n`);
    return undefined;
  },
  status: (ctx, t) => {
    const name = t.object.metadata.name ?? '';
    const kind = t.object.kind;
    const plural =
      kind === 'DaemonSet' ? 'daemonsets' : kind === 'StatefulSet' ? 'statefulsets' : 'deployments';
    const viewer =
      kind === 'DaemonSet' ? daemonSetStatus : kind === 'StatefulSet' ? statefulSetStatus : deploymentStatus;
    const path = `/apis/apps/v1/namespaces/${t.namespace ?? ''}/${plural}/${name}`;
    let last = '';
    let outcome: { done: boolean; error?: string } = { done: false };
    const check = (): boolean => {
      const res = ctx.host.client.request({ method: 'GET', path });
      if (res.status !== 200) {
        outcome = { done: true, error: `Error from server (NotFound): ${plural}.apps "${name}" not found` };
        return true;
      }
      const status = viewer(res.body as KubeObject);
      if (status.error) outcome = { done: true, error: status.error };
      else {
        if (status.message !== last) {
          ctx.out.out(`${status.message}\n`);
          last = status.message;
        }
        outcome = { done: status.done };
      }
      return outcome.done;
    };
    if (check()) return outcome.error;
    if (!bool(ctx.flags, 'watch')) return undefined;
    const timeout = parseTimeout(str(ctx.flags, 'timeout'));
    const finished = ctx.host.waitUntil(check, timeout || defaultStatusBoundMs);
    if (!finished) return 'error: timed out waiting for the condition';
    return outcome.error;
  },
};

function tabwriteHistory(rows: readonly string[][]): string {
  // kubectl's history table uses padding 2 (describe's tab writer), not get's 3.
  const width = Math.max(...rows.map((r) => r[0]!.length)) + 2;
  return rows.map((r) => `${r[0]!.padEnd(width)}${r[1]}\n`).join('');
}

function parseTimeout(text: string): number {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(text);
  if (!m) return 0;
  const n = Number(m[1]);
  return n * { ms: 1, s: 1000, m: 60000, h: 3600000 }[(m[2] ?? 's') as 'ms' | 's' | 'm' | 'h'];
}

function setPaused(ctx: CommandContext, t: NamedObject, paused: boolean): string | undefined {
  const isPaused = obj((t.object as unknown as Obj).spec).paused === true;
  const name = t.object.metadata.name ?? '';
  if (paused && isPaused) return `error: deployments.apps "${name}" is already paused`;
  if (!paused && !isPaused) return `error: deployments.apps "${name}" is not paused`;
  if (str(ctx.flags, 'dry-run') !== 'client') {
    const patch = { spec: { paused: paused ? true : null } };
    const result = patchObject(ctx, t, 'strategic', patch, undefined, str(ctx.flags, 'field-manager'));
    if (typeof result === 'string') return result;
  }
  ctx.out.out(`${objectName(t)} ${paused ? 'paused' : 'resumed'}\n`);
  return undefined;
}

/** The Deployment's ReplicaSets by revision, oldest first. */
function ownedRevisions(ctx: CommandContext, t: NamedObject): { revision: number; rs: Obj }[] {
  const d = t.object as unknown as Obj;
  const selector = formatSelector(obj(obj(d.spec).selector));
  const res = ctx.host.client.request({
    method: 'GET',
    path: `/apis/apps/v1/namespaces/${t.namespace ?? ''}/replicasets`,
    query: { labelSelector: selector },
  });
  if (res.status !== 200) return [];
  const uid = t.object.metadata.uid;
  return arr(obj(res.body as never).items)
    .map(obj)
    .filter((rs) =>
      arr(obj(rs.metadata).ownerReferences).some((r) => obj(r).uid === uid && obj(r).controller === true),
    )
    .map((rs) => ({ revision: Number(s(obj(obj(rs.metadata).annotations)[revisionKey])) || 0, rs }))
    .filter((r) => r.revision > 0)
    .sort((a, b) => a.revision - b.revision);
}

/** kubectl's DeploymentStatusViewer. */
export function deploymentStatus(deployment: KubeObject): { message: string; done: boolean; error?: string } {
  const d = deployment as unknown as Obj;
  const name = deployment.metadata.name ?? '';
  const spec = obj(d.spec);
  const status = obj(d.status);
  if (num(deployment.metadata.generation as never) > num(status.observedGeneration)) {
    return { message: 'Waiting for deployment spec update to be observed...', done: false };
  }
  const progressing = arr(status.conditions)
    .map(obj)
    .find((c) => c.type === 'Progressing');
  if (progressing && progressing.reason === 'ProgressDeadlineExceeded') {
    return { message: '', done: true, error: `error: deployment "${name}" exceeded its progress deadline` };
  }
  const replicas = num(spec.replicas, 1);
  const updated = num(status.updatedReplicas);
  const total = num(status.replicas);
  const available = num(status.availableReplicas);
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  if (updated < replicas) {
    return {
      message: `${waiting}${updated} out of ${replicas} new replicas have been updated...`,
      done: false,
    };
  }
  if (total > updated) {
    return { message: `${waiting}${total - updated} old replicas are pending termination...`, done: false };
  }
  if (available < updated) {
    return { message: `${waiting}${available} of ${updated} updated replicas are available...`, done: false };
  }
  return { message: `deployment "${name}" successfully rolled out`, done: true };
}

/** kubectl's DaemonSetStatusViewer: only the RollingUpdate strategy has a rollout to follow. */
export function daemonSetStatus(daemonSet: KubeObject): { message: string; done: boolean; error?: string } {
  const name = daemonSet.metadata.name ?? '';
  const spec = obj((daemonSet as unknown as Obj).spec);
  const status = obj((daemonSet as unknown as Obj).status);
  if (obj(spec.updateStrategy).type !== 'RollingUpdate') {
    return {
      message: '',
      done: true,
      error: 'error: rollout status is only available for RollingUpdate strategy type',
    };
  }
  if (num(daemonSet.metadata.generation as never) > num(status.observedGeneration)) {
    return { message: 'Waiting for daemon set spec update to be observed...', done: false };
  }
  const desired = num(status.desiredNumberScheduled);
  const updated = num(status.updatedNumberScheduled);
  const available = num(status.numberAvailable);
  const waiting = `Waiting for daemon set "${name}" rollout to finish: `;
  if (updated < desired) {
    return { message: `${waiting}${updated} out of ${desired} new pods have been updated...`, done: false };
  }
  if (available < desired) {
    return { message: `${waiting}${available} of ${desired} updated pods are available...`, done: false };
  }
  return { message: `daemon set "${name}" successfully rolled out`, done: true };
}

/** kubectl's StatefulSetStatusViewer: with a partition (always defaulted) it reports the partitioned roll out. */
export function statefulSetStatus(set: KubeObject): { message: string; done: boolean; error?: string } {
  const spec = obj((set as unknown as Obj).spec);
  const status = obj((set as unknown as Obj).status);
  const strategy = obj(spec.updateStrategy);
  if (strategy.type !== 'RollingUpdate') {
    return {
      message: '',
      done: true,
      error: 'error: rollout status is only available for RollingUpdate strategy type',
    };
  }
  const observed = num(status.observedGeneration);
  if (observed === 0 || num(set.metadata.generation as never) > observed) {
    return { message: 'Waiting for statefulset spec update to be observed...', done: false };
  }
  const replicas = spec.replicas === undefined ? undefined : num(spec.replicas);
  const ready = num(status.readyReplicas);
  if (replicas !== undefined && ready < replicas) {
    return { message: `Waiting for ${replicas - ready} pods to be ready...`, done: false };
  }
  const updated = num(status.updatedReplicas);
  if (strategy.rollingUpdate) {
    const partition = obj(strategy.rollingUpdate).partition;
    if (replicas !== undefined && partition !== undefined && updated < replicas - num(partition)) {
      return {
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - num(partition)} new pods have been updated...`,
        done: false,
      };
    }
    return { message: `partitioned roll out complete: ${updated} new pods have been updated...`, done: true };
  }
  if (status.updateRevision !== status.currentRevision) {
    return {
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${String(status.updateRevision)}...`,
      done: false,
    };
  }
  return {
    message: `statefulset rolling update complete ${num(status.currentReplicas)} pods at revision ${String(status.currentRevision)}...`,
    done: true,
  };
}
