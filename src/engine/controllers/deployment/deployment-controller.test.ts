import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/api-client.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { startControllerManager } from '../index.ts';
import { writesFrom } from '../test-support.ts';
import { DeploymentController } from './deployment-controller.ts';

const pods = resourceOf('Pod');
const replicaSets = resourceOf('ReplicaSet', 'apps');
const deployments = resourceOf('Deployment', 'apps');
const events = resourceOf('Event');
const ID = 'controller-manager/deployment';

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 11, workers: 1 });
  const manager = startControllerManager(cluster);
  cluster.settle();
  const controller = manager.controllers.find(
    (c) => c instanceof DeploymentController,
  ) as DeploymentController;
  return { cluster, controller, api: cluster.client('test') };
}

function deployment(image: string, extra: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'nginx', namespace: 'default' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image }] },
      },
      ...extra,
    },
  };
}

/** What a kubelet would report: bound, Running and Ready. */
function makeReady(cluster: Cluster, api: ApiClient, pod: KubeObject): void {
  const name = pod.metadata.name ?? '';
  if (!(pod.spec as { nodeName?: string }).nodeName) {
    api.request({
      method: 'POST',
      path: `/api/v1/namespaces/default/pods/${name}/binding`,
      body: {
        apiVersion: 'v1',
        kind: 'Binding',
        metadata: { name },
        target: { kind: 'Node', name: 'node-1' },
      },
    });
  }
  const fresh = api.get(pods, 'default', name);
  api.updateStatus(pods, {
    ...fresh,
    status: {
      ...(fresh.status as object),
      phase: 'Running',
      conditions: [
        { type: 'Ready', status: 'True', lastTransitionTime: formatTimestamp(cluster.clock.now()) },
      ],
    },
  });
}

function readyAll(cluster: Cluster, api: ApiClient): void {
  for (const p of api.list(pods, 'default').items) {
    const ready = ((p.status as { conditions?: { type: string; status: string }[] }).conditions ?? []).some(
      (c) => c.type === 'Ready' && c.status === 'True',
    );
    if (!ready && !p.metadata.deletionTimestamp) makeReady(cluster, api, p);
  }
  cluster.settle();
}

/** Finishes graceful deletions, as kubelets would. */
function reapDeleted(cluster: Cluster, api: ApiClient): void {
  for (const p of api.list(pods, 'default').items) {
    if (p.metadata.deletionTimestamp)
      api.delete(pods, 'default', p.metadata.name ?? '', { gracePeriodSeconds: 0 });
  }
  cluster.settle();
}

function sizes(api: ApiClient): Record<string, number> {
  const out: Record<string, number> = {};
  for (const rs of api.list(replicaSets, 'default').items)
    out[rs.metadata.name ?? ''] = (rs.spec as { replicas: number }).replicas;
  return out;
}

function scalingEvents(api: ApiClient): string[] {
  return api
    .list(events, 'default')
    .items.filter((e) => e.reason === 'ScalingReplicaSet')
    .map((e) => e.message as string);
}

describe('DeploymentController', () => {
  it('creates <deployment>-<hash> with 3 replicas, revision 1 and the conditions, once', () => {
    const { cluster, controller, api } = setup();
    const since = cluster.trace.lastSeq;
    api.create(deployments, deployment('nginx:1.27'));
    cluster.settle();
    const [rs, ...rest] = api.list(replicaSets, 'default').items;
    expect(rest).toEqual([]);
    const name = rs!.metadata.name ?? '';
    expect(name).toMatch(/^nginx-[4-9bcdf]{9,10}$/);
    const hash = name.slice('nginx-'.length);
    expect(rs!.metadata.labels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    expect((rs!.spec as { selector: unknown }).selector).toEqual({
      matchLabels: { app: 'nginx', 'pod-template-hash': hash },
    });
    expect(rs!.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect((rs!.spec as { replicas: number }).replicas).toBe(3);
    const podList = api.list(pods, 'default').items;
    expect(podList).toHaveLength(3);
    for (const p of podList) {
      expect(p.metadata.name).toMatch(new RegExp(`^${name}-[bcdfghjklmnpqrstvwxz2456789]{5}$`));
      expect(p.metadata.labels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    }
    expect(scalingEvents(api)).toEqual([`Scaled up replica set ${name} from 0 to 3`]);
    // The ReplicaSet, then revision and Progressing, then the counts as the ReplicaSet
    // reports its pods.
    expect(writesFrom(cluster.trace, ID, since).filter((w) => !w.startsWith('create events'))).toEqual([
      'create replicasets/default',
      'update deployments/default/nginx/status',
      'update deployments/default/nginx/status',
      'update deployments/default/nginx/status',
    ]);

    const d = api.get(deployments, 'default', 'nginx');
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    const status = d.status as {
      conditions: { type: string; status: string; reason: string; message: string }[];
    };
    expect(status).toMatchObject({
      observedGeneration: 1,
      replicas: 3,
      updatedReplicas: 3,
      unavailableReplicas: 3,
    });
    expect(status.conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.'],
      ['Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`],
    ]);

    const again = cluster.trace.lastSeq;
    controller.sync('default/nginx');
    controller.queue.add('default/nginx');
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, again)).toEqual([]);
  });

  it('becomes Available and complete once the pods are Ready', () => {
    const { cluster, api } = setup();
    api.create(deployments, deployment('nginx:1.27'));
    cluster.settle();
    readyAll(cluster, api);
    const d = api.get(deployments, 'default', 'nginx');
    const rsName = api.list(replicaSets, 'default').items[0]!.metadata.name ?? '';
    const status = d.status as {
      conditions: { type: string; status: string; reason: string; message: string }[];
    };
    expect(status).toMatchObject({ replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(status).not.toHaveProperty('unavailableReplicas');
    expect(status.conditions.map((c) => [c.type, c.status, c.reason, c.message])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'],
      [
        'Progressing',
        'True',
        'NewReplicaSetAvailable',
        `ReplicaSet "${rsName}" has successfully progressed.`,
      ],
    ]);
  });

  it('rolls out a new template one pod at a time (replicas 3, 25% surge and unavailable)', () => {
    const { cluster, api } = setup();
    api.create(deployments, deployment('nginx:1.27'));
    cluster.settle();
    readyAll(cluster, api);
    const oldName = api.list(replicaSets, 'default').items[0]!.metadata.name ?? '';
    const d = structuredClone(api.get(deployments, 'default', 'nginx'));
    const spec = d.spec as { template: { spec: { containers: { image: string }[] } } };
    spec.template.spec.containers[0]!.image = 'nginx:1.28';
    api.update(deployments, d);
    cluster.settle();
    const newName = Object.keys(sizes(api)).find((n) => n !== oldName) ?? '';
    expect(newName).toMatch(/^nginx-[4-9bcdf]{9,10}$/);
    const steps: Record<string, number>[] = [sizes(api)];
    for (let i = 0; i < 6 && sizes(api)[oldName] !== 0; i++) {
      readyAll(cluster, api);
      steps.push(sizes(api));
      reapDeleted(cluster, api);
    }
    readyAll(cluster, api);
    expect(steps.map((s) => [s[oldName], s[newName]])).toEqual([
      [3, 1],
      [2, 2],
      [1, 3],
      [0, 3],
    ]);
    expect(scalingEvents(api).slice(1)).toEqual([
      `Scaled up replica set ${newName} from 0 to 1`,
      `Scaled down replica set ${oldName} from 3 to 2`,
      `Scaled up replica set ${newName} from 1 to 2`,
      `Scaled down replica set ${oldName} from 2 to 1`,
      `Scaled up replica set ${newName} from 2 to 3`,
      `Scaled down replica set ${oldName} from 1 to 0`,
    ]);
    const rsNew = api.get(replicaSets, 'default', newName);
    expect(rsNew.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(api.get(deployments, 'default', 'nginx').metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '2',
    });
  });
});

function setImage(api: ApiClient, image: string, extra: (spec: Record<string, unknown>) => void = () => {}) {
  const d = structuredClone(api.get(deployments, 'default', 'nginx'));
  const spec = d.spec as { template: { spec: { containers: { image: string }[] } } };
  spec.template.spec.containers[0]!.image = image;
  extra(d.spec as Record<string, unknown>);
  api.update(deployments, d);
}

function patchSpec(api: ApiClient, patch: Record<string, unknown>) {
  api.patch(deployments, 'default', 'nginx', 'merge', { spec: patch });
}

describe('DeploymentController strategies and history', () => {
  it('Recreate scales the old ReplicaSet to 0 and waits for its pods to be gone', () => {
    const { cluster, api } = setup();
    api.create(deployments, deployment('nginx:1.27', { strategy: { type: 'Recreate' } }));
    cluster.settle();
    readyAll(cluster, api);
    const oldName = Object.keys(sizes(api))[0]!;
    setImage(api, 'nginx:1.28');
    cluster.settle();
    // Old pods are bound, so they linger until their kubelet finishes them: no new RS yet.
    expect(sizes(api)).toEqual({ [oldName]: 0 });
    reapDeleted(cluster, api);
    const newName = Object.keys(sizes(api)).find((n) => n !== oldName) ?? '';
    expect(sizes(api)).toEqual({ [oldName]: 0, [newName]: 3 });
    expect(scalingEvents(api)).toEqual([
      `Scaled up replica set ${oldName} from 0 to 3`,
      `Scaled down replica set ${oldName} from 3 to 0`,
      `Scaled up replica set ${newName} from 0 to 3`,
    ]);
  });

  it('deletes scaled-down ReplicaSets beyond revisionHistoryLimit, oldest revision first', () => {
    const { cluster, api } = setup();
    api.create(
      deployments,
      deployment('nginx:1', { strategy: { type: 'Recreate' }, revisionHistoryLimit: 1 }),
    );
    cluster.settle();
    const names: string[] = [Object.keys(sizes(api))[0]!];
    for (const tag of ['2', '3']) {
      setImage(api, `nginx:${tag}`);
      cluster.settle();
      reapDeleted(cluster, api);
      readyAll(cluster, api);
      names.push(Object.keys(sizes(api)).find((n) => !names.includes(n)) ?? '');
    }
    const left = api
      .list(replicaSets, 'default')
      .items.map((rs) => [rs.metadata.name, rs.metadata.annotations?.['deployment.kubernetes.io/revision']]);
    expect(left.sort()).toEqual(
      [
        [names[1], '2'],
        [names[2], '3'],
      ].sort(),
    );
  });

  it('rolling back to an old template reuses its ReplicaSet with a new revision and revision-history', () => {
    const { cluster, api } = setup();
    api.create(deployments, deployment('nginx:1', { strategy: { type: 'Recreate' } }));
    cluster.settle();
    const first = Object.keys(sizes(api))[0]!;
    setImage(api, 'nginx:2');
    cluster.settle();
    reapDeleted(cluster, api);
    setImage(api, 'nginx:1');
    cluster.settle();
    reapDeleted(cluster, api);
    const rs = api.get(replicaSets, 'default', first);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision-history']).toBe('1');
    expect((rs.spec as { replicas: number }).replicas).toBe(3);
    expect(api.get(deployments, 'default', 'nginx').metadata.annotations).toEqual({
      'deployment.kubernetes.io/revision': '3',
    });
  });

  it('pausing stops rollouts but scales ReplicaSets proportionally', () => {
    const { cluster, api } = setup();
    api.create(deployments, deployment('nginx:1', { replicas: 10 }));
    cluster.settle();
    readyAll(cluster, api);
    const oldName = Object.keys(sizes(api))[0]!;
    setImage(api, 'nginx:2', (spec) => (spec.paused = true));
    cluster.settle();
    expect(Object.keys(sizes(api))).toEqual([oldName]);
    const cond = (
      api.get(deployments, 'default', 'nginx').status as { conditions: Record<string, string>[] }
    ).conditions.find((c) => c.type === 'Progressing');
    expect([cond?.status, cond?.reason, cond?.message]).toEqual([
      'Unknown',
      'DeploymentPaused',
      'Deployment is paused',
    ]);

    patchSpec(api, { paused: false });
    cluster.settle();
    // maxSurge 3 for 10 replicas: new 0→3, old 10→8 (2 may be unavailable), new 3→5; then
    // the 5 new pods are not available, so nothing more moves.
    const newName = Object.keys(sizes(api)).find((n) => n !== oldName) ?? '';
    expect(sizes(api)).toEqual({ [oldName]: 8, [newName]: 5 });

    patchSpec(api, { paused: true });
    cluster.settle();
    patchSpec(api, { replicas: 20 });
    cluster.settle();
    // 20 + surge 5 = 25 allowed, 13 sized: 12 shared by max-replicas 13, the larger first:
    // old 8×25/13 ≈ 15 (+7), new gets the remaining 5.
    expect(sizes(api)).toEqual({ [oldName]: 15, [newName]: 10 });
  });

  it('reports ProgressDeadlineExceeded when pods never become ready', () => {
    const { cluster, api } = setup();
    api.create(deployments, deployment('nginx:1', { progressDeadlineSeconds: 60 }));
    cluster.settle();
    cluster.advance(62_000);
    cluster.settle();
    const name = Object.keys(sizes(api))[0]!;
    const cond = (
      api.get(deployments, 'default', 'nginx').status as { conditions: Record<string, string>[] }
    ).conditions.find((c) => c.type === 'Progressing');
    expect([cond?.status, cond?.reason, cond?.message]).toEqual([
      'False',
      'ProgressDeadlineExceeded',
      `ReplicaSet "${name}" has timed out progressing.`,
    ]);
  });
});

describe('DeploymentController hash collisions', () => {
  it('bumps collisionCount and hashes again when a foreign ReplicaSet holds the name', () => {
    const { cluster, api } = setup();
    api.create(deployments, deployment('nginx:1', { replicas: 1 }));
    cluster.settle();
    const taken = Object.keys(sizes(api))[0]!;
    // The ReplicaSet stops matching the Deployment, which releases it but keeps its template.
    api.patch(replicaSets, 'default', taken, 'merge', { metadata: { labels: { app: 'other' } } });
    cluster.settle();
    const d = api.get(deployments, 'default', 'nginx');
    expect((d.status as { collisionCount?: number }).collisionCount).toBe(1);
    const mine = api
      .list(replicaSets, 'default')
      .items.filter((rs) => rs.metadata.ownerReferences?.[0]?.uid === d.metadata.uid);
    expect(mine.map((rs) => rs.metadata.name)).toHaveLength(1);
    expect(mine[0]!.metadata.name).not.toBe(taken);
    expect(mine[0]!.metadata.name).toMatch(/^nginx-[4-9bcdf]{9,10}$/);
    expect(api.get(replicaSets, 'default', taken).metadata.ownerReferences ?? []).toEqual([]);
  });
});
