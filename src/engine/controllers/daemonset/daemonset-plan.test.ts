import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { formatTimestamp } from '../../time/clock.ts';
import {
  calculateDaemonSetStatus,
  planManage,
  planRollingUpdate,
  type DaemonSetState,
} from './daemonset-plan.ts';
import { withDaemonTolerations, withNodeNameAffinity } from './daemonset-util.ts';
import { newRevision, planHistory, revisionsToDelete } from './history.ts';
import { nodeShouldRunDaemonPod } from './node-should-run.ts';

const NOW = 1_735_732_800_000;
const T = (secondsAgo: number) => formatTimestamp(NOW - secondsAgo * 1000);
const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

function node(name: string, labels: Record<string, string> = {}, taints: object[] = []): KubeObject {
  return Object.freeze({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } },
    spec: taints.length ? { taints } : {},
  }) as KubeObject;
}

const NODES = [node('cp', {}, [CONTROL_PLANE_TAINT]), node('w1'), node('w2', { disk: 'ssd' })];

function daemonSet(spec: Record<string, unknown> = {}, podSpec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: {
      name: 'agent',
      namespace: 'default',
      uid: 'ds-uid',
      generation: 1,
      annotations: { 'deprecated.daemonset.template.generation': '1' },
    },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a' }], ...podSpec } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
      revisionHistoryLimit: 10,
      ...spec,
    },
    status: { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0 },
  };
}

interface PodOptions {
  hash?: string;
  /** Seconds since it turned Ready; undefined leaves it Pending. */
  ready?: number;
  bound?: boolean;
  phase?: string;
  deleting?: boolean;
  createdSecondsAgo?: number;
}

function pod(name: string, nodeName: string, o: PodOptions = {}): KubeObject {
  const bound = o.bound ?? true;
  return Object.freeze({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `uid-${name}`,
      creationTimestamp: T(o.createdSecondsAgo ?? 60),
      labels: { app: 'agent', 'controller-revision-hash': o.hash ?? 'h1' },
      ...(o.deleting ? { deletionTimestamp: T(0) } : {}),
    },
    spec: {
      affinity: withNodeNameAffinity(undefined, nodeName),
      ...(bound ? { nodeName } : {}),
    },
    status:
      o.ready === undefined
        ? { phase: o.phase ?? 'Pending' }
        : {
            phase: o.phase ?? 'Running',
            conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: T(o.ready) }],
          },
  }) as KubeObject;
}

function state(ds: KubeObject, pods: KubeObject[], hash = 'h1', nodes = NODES): DaemonSetState {
  return { ds, nodes, pods, hash, nowMs: NOW };
}

const names = (pods: readonly KubeObject[]) => pods.map((p) => p.metadata.name);

describe('nodeShouldRunDaemonPod', () => {
  it('keeps pods off a node with a NoSchedule taint they do not tolerate, but lets running ones stay', () => {
    expect(nodeShouldRunDaemonPod(NODES[0]!, daemonSet())).toEqual({
      shouldRun: false,
      shouldContinueRunning: true,
    });
    const tolerating = daemonSet({}, { tolerations: [{ key: CONTROL_PLANE_TAINT.key, operator: 'Exists' }] });
    expect(nodeShouldRunDaemonPod(NODES[0]!, tolerating).shouldRun).toBe(true);
  });

  it('evicts on an untolerated NoExecute taint, and tolerates the node-condition taints itself', () => {
    const noExecute = node('x', {}, [{ key: 'dedicated', value: 'db', effect: 'NoExecute' }]);
    expect(nodeShouldRunDaemonPod(noExecute, daemonSet())).toEqual({
      shouldRun: false,
      shouldContinueRunning: false,
    });
    const cordoned = node('y', {}, [
      { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ]);
    expect(nodeShouldRunDaemonPod(cordoned, daemonSet()).shouldRun).toBe(true);
  });

  it('follows the nodeSelector, required node affinity and spec.nodeName', () => {
    const ssd = daemonSet({}, { nodeSelector: { disk: 'ssd' } });
    expect(NODES.map((n) => nodeShouldRunDaemonPod(n, ssd).shouldRun)).toEqual([false, false, true]);
    const notW2 = daemonSet(
      {},
      {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'DoesNotExist' }] }],
            },
          },
        },
      },
    );
    expect(NODES.map((n) => nodeShouldRunDaemonPod(n, notW2).shouldRun)).toEqual([false, true, false]);
    const pinned = daemonSet({}, { nodeName: 'w1' });
    expect(NODES.map((n) => nodeShouldRunDaemonPod(n, pinned).shouldContinueRunning)).toEqual([
      false,
      true,
      false,
    ]);
  });
});

describe('daemon pod template helpers', () => {
  it('adds the daemon tolerations once, and network-unavailable for hostNetwork pods', () => {
    const spec = withDaemonTolerations({
      hostNetwork: true,
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }],
    });
    expect(spec.tolerations?.map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
      'node.kubernetes.io/network-unavailable:NoSchedule',
    ]);
    expect(withDaemonTolerations(spec).tolerations).toEqual(spec.tolerations);
  });

  it('replaces the required node selector terms with one metadata.name term and keeps the rest', () => {
    const preferred = [{ weight: 1, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } }];
    expect(
      withNodeNameAffinity(
        {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [{ matchExpressions: [{ key: 'disk', operator: 'Exists' }] }],
            },
            preferredDuringSchedulingIgnoredDuringExecution: preferred,
          },
        },
        'w1',
      ),
    ).toEqual({
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['w1'] }] }],
        },
        preferredDuringSchedulingIgnoredDuringExecution: preferred,
      },
    });
  });
});

describe('planManage', () => {
  it('creates a pod on every qualifying node, none on the tainted control plane', () => {
    expect(planManage(state(daemonSet(), []))).toEqual({ createOn: ['w1', 'w2'], delete: [], terminal: [] });
    const tolerating = daemonSet({}, { tolerations: [{ key: CONTROL_PLANE_TAINT.key, operator: 'Exists' }] });
    expect(planManage(state(tolerating, [])).createOn).toEqual(['cp', 'w1', 'w2']);
  });

  it('writes nothing once every node has its pod (pending pods count by their pinned node)', () => {
    const pods = [pod('a', 'w1', { ready: 30 }), pod('b', 'w2', { bound: false })];
    expect(planManage(state(daemonSet(), pods))).toEqual({ createOn: [], delete: [], terminal: [] });
  });

  it('deletes pods on nodes that stop qualifying, surplus pods, and unbound pods of vanished nodes', () => {
    const ssd = daemonSet({}, { nodeSelector: { disk: 'ssd' } });
    const pods = [
      pod('off', 'w1', { ready: 30 }),
      pod('old', 'w2', { ready: 30, createdSecondsAgo: 90 }),
      pod('dup', 'w2', { createdSecondsAgo: 10 }),
      pod('lost', 'gone', { bound: false }),
      pod('going', 'w1', { deleting: true }),
    ];
    const plan = planManage(state(ssd, pods));
    expect(plan.createOn).toEqual([]);
    expect(names(plan.delete)).toEqual(['off', 'dup', 'lost']);
  });

  it('reports finished pods for replacement and waits for a terminating pod to go', () => {
    const pods = [pod('failed', 'w1', { phase: 'Failed' }), pod('going', 'w2', { ready: 5, deleting: true })];
    const plan = planManage(state(daemonSet(), pods));
    expect(plan.terminal.map((t) => [t.pod.metadata.name, t.node])).toEqual([['failed', 'w1']]);
    expect(plan).toMatchObject({ createOn: [], delete: [] });
  });
});

describe('planRollingUpdate', () => {
  const oldPods = () => [pod('a', 'w1', { ready: 30 }), pod('b', 'w2', { ready: 30 })];

  it('deletes one available old pod at a time (maxUnavailable 1), all unavailable ones at once', () => {
    expect(planRollingUpdate(state(daemonSet(), oldPods(), 'h2'))).toEqual({ createOn: [], delete: ['a'] });
    const notReady = [pod('a', 'w1'), pod('b', 'w2')];
    expect(planRollingUpdate(state(daemonSet(), notReady, 'h2')).delete).toEqual(['a', 'b']);
  });

  it('waits while a node lacks an available pod, and rests once every pod is updated', () => {
    const midway = [pod('a2', 'w1', { hash: 'h2' }), pod('b', 'w2', { ready: 30 })];
    expect(planRollingUpdate(state(daemonSet(), midway, 'h2'))).toEqual({ createOn: [], delete: [] });
    const gone = [pod('b', 'w2', { ready: 30 })];
    expect(planRollingUpdate(state(daemonSet(), gone, 'h2'))).toEqual({ createOn: [], delete: [] });
    const done = [pod('a2', 'w1', { hash: 'h2', ready: 5 }), pod('b2', 'w2', { hash: 'h2', ready: 5 })];
    expect(planRollingUpdate(state(daemonSet(), done, 'h2'))).toEqual({ createOn: [], delete: [] });
  });

  it('with maxSurge starts new pods beside old ones and removes an old one once its successor is available', () => {
    const surge = daemonSet({
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
    });
    expect(planRollingUpdate(state(surge, oldPods(), 'h2'))).toEqual({ createOn: ['w1'], delete: [] });
    const surging = [...oldPods(), pod('a2', 'w1', { hash: 'h2' })];
    expect(planRollingUpdate(state(surge, surging, 'h2'))).toEqual({ createOn: [], delete: [] });
    const ready = [...oldPods(), pod('a2', 'w1', { hash: 'h2', ready: 1 })];
    expect(planRollingUpdate(state(surge, ready, 'h2'))).toEqual({ createOn: ['w2'], delete: ['a'] });
  });
});

describe('calculateDaemonSetStatus', () => {
  it('counts desired, scheduled, misscheduled, ready, updated and available nodes', () => {
    const ds = daemonSet({ minReadySeconds: 10 }, { nodeSelector: { disk: 'ssd' } });
    const pods = [pod('off', 'w1', { ready: 30 }), pod('on', 'w2', { ready: 5, hash: 'h2' })];
    expect(calculateDaemonSetStatus(state(ds, pods, 'h2'))).toEqual({
      currentNumberScheduled: 1,
      numberMisscheduled: 1,
      desiredNumberScheduled: 1,
      numberReady: 1,
      updatedNumberScheduled: 1,
      numberUnavailable: 1,
    });
    expect(calculateDaemonSetStatus(state(daemonSet(), []))).toEqual({
      currentNumberScheduled: 0,
      numberMisscheduled: 0,
      desiredNumberScheduled: 2,
      numberReady: 0,
      numberUnavailable: 2,
    });
  });
});

describe('ControllerRevision history', () => {
  it('names a revision <ds>-<hash>, labels it with the hash and stores the template as a replace patch', () => {
    const cr = newRevision(daemonSet(), 3);
    const hash = cr.metadata.labels?.['controller-revision-hash'] ?? '';
    expect(hash).toMatch(/^[bcdf4-9]{1,10}$/);
    expect(cr.metadata.name).toBe(`agent-${hash}`);
    expect(cr.metadata.labels).toEqual({ app: 'agent', 'controller-revision-hash': hash });
    expect(cr.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'DaemonSet',
      uid: 'ds-uid',
      controller: true,
    });
    expect((cr as unknown as { revision: number; data: unknown }).revision).toBe(3);
    expect(
      (cr as unknown as { data: { spec: { template: Record<string, unknown> } } }).data.spec.template,
    ).toMatchObject({
      $patch: 'replace',
      metadata: { labels: { app: 'agent' } },
    });
  });

  it('finds the current revision, gives it the next number and keeps the limit of old ones', () => {
    const ds = daemonSet({ revisionHistoryLimit: 1 });
    const older = daemonSet({}, { containers: [{ name: 'a', image: 'v1' }] });
    const old1 = newRevision(older, 1);
    const old2 = newRevision(daemonSet({}, { containers: [{ name: 'a', image: 'v2' }] }), 2);
    const current = newRevision(ds, 1);
    const plan = planHistory(ds, [old1, old2, current]);
    expect(plan.current).toBe(current);
    expect(plan.old).toEqual([old1, old2]);
    expect(plan.revision).toBe(3);
    // old1 is the oldest, but a live pod still runs its template: old2 goes instead.
    const live = pod('p', 'w1', { hash: old1.metadata.labels?.['controller-revision-hash'] ?? '' });
    expect(revisionsToDelete(ds, plan.old, [live])).toEqual([old2]);
    expect(revisionsToDelete(ds, plan.old, [])).toEqual([old1]);
    expect(planHistory(ds, []).revision).toBe(1);
  });
});
