import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { startControllerManager } from '../index.ts';
import { writesFrom } from '../test-support.ts';
import { DaemonSetController } from './daemonset-controller.ts';

const pods = resourceOf('Pod');
const daemonSets = resourceOf('DaemonSet', 'apps');
const revisions = resourceOf('ControllerRevision', 'apps');
const events = resourceOf('Event');
const ID = 'controller-manager/daemonset';
type Api = ReturnType<Cluster['client']>;

/** Controllers only: no scheduler or kubelets, so pods stay where the test puts them. */
function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 7, workers: 2 });
  const manager = startControllerManager(cluster);
  cluster.settle();
  const controller = manager.controllers.find((c) => c instanceof DaemonSetController) as DaemonSetController;
  return { cluster, controller, api: cluster.client('test') };
}

function daemonSet(image = 'busybox:1.37'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      selector: { matchLabels: { app: 'agent' } },
      template: {
        metadata: { labels: { app: 'agent' } },
        spec: { containers: [{ name: 'agent', image }] },
      },
    },
  };
}

function livePods(api: Api): KubeObject[] {
  return api.list(pods, 'default').items.filter((p) => !p.metadata.deletionTimestamp);
}

function pinnedNode(pod: KubeObject): string | undefined {
  const spec = pod.spec as {
    affinity?: {
      nodeAffinity?: {
        requiredDuringSchedulingIgnoredDuringExecution?: {
          nodeSelectorTerms?: { matchFields?: { values?: string[] }[] }[];
        };
      };
    };
  };
  return spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]
    ?.matchFields?.[0]?.values?.[0];
}

/** What the scheduler and the kubelet would do: bind to the pinned node, report Ready. */
function runAndReady(cluster: Cluster, api: Api, pod: KubeObject) {
  const name = pod.metadata.name ?? '';
  api.request({
    method: 'POST',
    path: `/api/v1/namespaces/default/pods/${name}/binding`,
    body: {
      apiVersion: 'v1',
      kind: 'Binding',
      metadata: { name },
      target: { kind: 'Node', name: pinnedNode(pod) },
    },
  });
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

describe('DaemonSetController', () => {
  it('creates a revision and one pinned pod per worker, reports status, then rests', () => {
    const { cluster, controller, api } = setup();
    const since = cluster.trace.lastSeq;
    const ds = api.create(daemonSets, daemonSet());
    cluster.settle();
    const [revision] = api.list(revisions, 'default').items;
    const hash = revision?.metadata.labels?.['controller-revision-hash'];
    expect(revision?.metadata.name).toBe(`agent-${hash}`);
    expect(writesFrom(cluster.trace, ID, since).filter((w) => !w.startsWith('create events'))).toEqual([
      'create controllerrevisions/default',
      'create pods/default',
      'create pods/default',
      'update daemonsets/default/agent/status',
      'update daemonsets/default/agent/status',
    ]);
    const created = livePods(api);
    expect(created.map(pinnedNode).sort()).toEqual(['kubesim-worker', 'kubesim-worker2']);
    for (const p of created) {
      expect(p.metadata.name).toMatch(/^agent-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.labels).toEqual({
        app: 'agent',
        'controller-revision-hash': hash,
        'pod-template-generation': '1',
      });
      expect(p.metadata.ownerReferences).toEqual([
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: 'agent',
          uid: ds.metadata.uid,
          controller: true,
          blockOwnerDeletion: true,
        },
      ]);
    }
    expect(api.get(daemonSets, 'default', 'agent').status).toEqual({
      currentNumberScheduled: 2,
      desiredNumberScheduled: 2,
      numberMisscheduled: 0,
      numberReady: 0,
      numberUnavailable: 2,
      updatedNumberScheduled: 2,
      observedGeneration: 1,
    });
    const messages = api
      .list(events, 'default')
      .items.filter((e) => e.reason === 'SuccessfulCreate')
      .map((e) => e.message);
    expect(messages.sort()).toEqual(created.map((p) => `Created pod: ${p.metadata.name}`).sort());

    const again = cluster.trace.lastSeq;
    controller.sync('default/agent');
    controller.queue.add('default/agent');
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, again)).toEqual([]);
  });

  it('replaces a deleted pod and rolls a new template out one node at a time', () => {
    const { cluster, api } = setup();
    api.create(daemonSets, daemonSet());
    cluster.settle();
    for (const p of livePods(api)) runAndReady(cluster, api, p);
    cluster.settle();
    expect(api.get(daemonSets, 'default', 'agent').status).toMatchObject({
      numberReady: 2,
      numberAvailable: 2,
    });

    const [victim] = livePods(api);
    let since = cluster.trace.lastSeq;
    api.delete(pods, 'default', victim!.metadata.name ?? '', { gracePeriodSeconds: 0 });
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, since).filter((w) => w.startsWith('create pods'))).toHaveLength(1);
    expect(livePods(api).map(pinnedNode).sort()).toEqual(['kubesim-worker', 'kubesim-worker2']);
    for (const p of livePods(api))
      if (!(p.spec as { nodeName?: string }).nodeName) runAndReady(cluster, api, p);
    cluster.settle();

    since = cluster.trace.lastSeq;
    const current = api.get(daemonSets, 'default', 'agent');
    api.update(daemonSets, { ...current, spec: daemonSet('busybox:1.36').spec as object });
    cluster.settle();
    // maxUnavailable 1: one old pod goes; its replacement waits until it is gone.
    const deletes = writesFrom(cluster.trace, ID, since).filter((w) => w.startsWith('delete pods'));
    expect(deletes).toHaveLength(1);
    const ds = api.get(daemonSets, 'default', 'agent');
    expect(ds.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('2');
    expect(api.list(revisions, 'default').items.map((r) => (r as { revision?: number }).revision)).toEqual(
      expect.arrayContaining([1, 2]),
    );
  });
});
