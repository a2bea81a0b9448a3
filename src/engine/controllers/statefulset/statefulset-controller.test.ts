import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { startControllerManager } from '../index.ts';
import { writesFrom } from '../test-support.ts';
import { StatefulSetController } from './statefulset-controller.ts';

const pods = resourceOf('Pod');
const sets = resourceOf('StatefulSet', 'apps');
const claims = resourceOf('PersistentVolumeClaim');
const events = resourceOf('Event');
const ID = 'controller-manager/statefulset';

/** Controllers only: no scheduler or kubelets, so a pod stays Pending until the test says otherwise. */
function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 7, workers: 2 });
  const manager = startControllerManager(cluster);
  cluster.settle();
  const controller = manager.controllers.find(
    (c) => c instanceof StatefulSetController,
  ) as StatefulSetController;
  return { cluster, controller, api: cluster.client('test') };
}

const web: KubeObject = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  metadata: { name: 'web', namespace: 'default' },
  spec: {
    replicas: 2,
    serviceName: 'nginx',
    selector: { matchLabels: { app: 'nginx' } },
    template: {
      metadata: { labels: { app: 'nginx' } },
      spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] },
    },
    volumeClaimTemplates: [
      {
        metadata: { name: 'www' },
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } },
      },
    ],
  },
};

describe('StatefulSetController', () => {
  it('creates a revision, the claim and then pod 0 only, and waits for it to be ready', () => {
    const { cluster, controller, api } = setup();
    const since = cluster.trace.lastSeq;
    api.create(sets, web);
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, since).filter((w) => !w.startsWith('create events'))).toEqual([
      'create controllerrevisions/default',
      'create persistentvolumeclaims/default',
      'create pods/default',
      'update statefulsets/default/web/status',
      // The pod seen by the informer: replicas 0 → 1.
      'update statefulsets/default/web/status',
    ]);
    expect(api.list(pods, 'default').items.map((p) => p.metadata.name)).toEqual(['web-0']);
    const claim = api.get(claims, 'default', 'www-web-0');
    expect(claim.metadata.labels).toEqual({ app: 'nginx' });
    const set = api.get(sets, 'default', 'web');
    const status = set.status as Record<string, unknown>;
    expect(status).toMatchObject({
      replicas: 1,
      availableReplicas: 0,
      observedGeneration: 1,
      collisionCount: 0,
    });
    expect(status.currentRevision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(api.get(pods, 'default', 'web-0').metadata.labels?.['controller-revision-hash']).toBe(
      status.currentRevision,
    );
    const messages = api
      .list(events, 'default')
      .items.filter(
        (e) => (e as { involvedObject?: { kind?: string } }).involvedObject?.kind === 'StatefulSet',
      )
      .map((e) => `${e.reason as string} ${e.message as string}`)
      .sort();
    expect(messages).toEqual([
      'SuccessfulCreate create Claim www-web-0 Pod web-0 in StatefulSet web success',
      'SuccessfulCreate create Pod web-0 in StatefulSet web successful',
    ]);

    // A second sync with nothing changed writes nothing.
    const again = cluster.trace.lastSeq;
    controller.queue.add('default/web');
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, again)).toEqual([]);
  });
});
