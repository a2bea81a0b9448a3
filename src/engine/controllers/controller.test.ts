import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { Cluster, resourceOf } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import { metaNamespaceKey, splitMetaNamespaceKey } from '../client/indexer.ts';
import { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Lister } from '../client/lister.ts';
import type { WorkQueue } from '../client/work-queue.ts';
import { Controller, SyncError, type ControllerHost, type SyncResult } from './controller.ts';
import { writesFrom } from './test-support.ts';

const configMaps = resourceOf('ConfigMap');
const secrets = resourceOf('Secret');

/** Mirrors each ConfigMap into a Secret of the same name; `behaviour` decides how a sync goes. */
class MirrorController extends Controller {
  readonly queue: WorkQueue;
  readonly syncs: string[] = [];
  readonly #configMaps: Lister;

  constructor(
    host: ControllerHost,
    informers: SharedInformerFactory,
    private readonly behaviour: (key: string, attempt: number) => SyncResult | 'fail' | 'bug' = () =>
      undefined,
  ) {
    super(host, informers, 'mirror');
    this.queue = this.newQueue({
      name: 'mirror',
      sync: (k) => this.sync(k),
      describe: (k) => `configmaps/${k}`,
    });
    const informer = informers.informerFor(configMaps);
    this.#configMaps = informer.lister();
    informer.addEventHandler({ onAdd: (o) => this.queue.add(metaNamespaceKey(o)) });
  }

  sync(key: string): SyncResult {
    const attempt = this.syncs.filter((k) => k === key).length;
    this.syncs.push(key);
    const outcome = this.behaviour(key, attempt);
    if (outcome === 'fail') throw new SyncError(`attempt ${attempt} failed`);
    if (outcome === 'bug') throw new TypeError('a programming error');
    if (outcome) return outcome;
    const { namespace, name } = splitMetaNamespaceKey(key);
    const cm = this.#configMaps.get(namespace, name);
    if (cm) {
      const secret: KubeObject = {
        apiVersion: 'v1',
        kind: 'Secret',
        metadata: { name, namespace },
        stringData: cm.data,
      };
      this.api.create(secrets, secret);
    }
  }
}

function setup(behaviour?: ConstructorParameters<typeof MirrorController>[2]) {
  const cluster = new Cluster(defaultParts(), { seed: 2, workers: 0 });
  const informers = new SharedInformerFactory(cluster, cluster.client('test-informers'));
  const controller = new MirrorController(cluster, informers, behaviour);
  cluster.addComponent(controller);
  cluster.settle();
  const api = cluster.client('test');
  const create = (name: string) =>
    api.create(configMaps, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, namespace: 'default' },
      data: { k: 'v' },
    });
  return { cluster, controller, create };
}

describe('Controller', () => {
  it('records a sync action caused by the watch delivery that enqueued the key, and so are its writes', () => {
    const { cluster, controller, create } = setup();
    const since = cluster.trace.lastSeq;
    create('app');
    cluster.settle();
    const records = cluster.trace.since(since);
    const delivery = records.find((r) => r.type === 'watch' && r.object === 'configmaps/default/app')!;
    const action = records.find((r) => r.type === 'action' && r.from === 'controller-manager/mirror')!;
    const write = records.find((r) => r.type === 'request' && r.from === 'controller-manager/mirror')!;
    expect(action).toMatchObject({
      verb: 'sync',
      object: 'configmaps/default/app',
      summary: 'mirror: sync default/app',
      causeSeq: delivery.seq,
    });
    expect(write).toMatchObject({ verb: 'create', object: 'secrets/default', causeSeq: delivery.seq });
    expect(writesFrom(cluster.trace, controller.id, since)).toEqual(['create secrets/default']);
  });

  it('retries a failed sync with exponential backoff, then forgets the key', () => {
    const { cluster, controller, create } = setup((_key, attempt) => (attempt < 3 ? 'fail' : undefined));
    create('flaky');
    cluster.settle();
    const actions = cluster.trace.tail().filter((r) => r.type === 'action' && r.from === controller.id);
    const start = actions[0]!.time;
    expect(actions.map((r) => `${r.verb}+${r.time - start}`)).toEqual([
      'sync+0',
      'error+0',
      'sync+5',
      'error+5',
      'sync+15',
      'error+15',
      'sync+35',
    ]);
    expect(actions[1]!.summary).toBe('mirror: syncing default/flaky failed: attempt 0 failed');
    expect(controller.queue.numRequeues('default/flaky')).toBe(0);
    expect(cluster.client('test').get(secrets, 'default', 'flaky').metadata.name).toBe('flaky');
  });

  it('retries when the API server refuses a write', () => {
    const { cluster, controller, create } = setup();
    cluster.client('test').create(secrets, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'taken', namespace: 'default' },
    });
    create('taken');
    cluster.advance(100);
    expect(controller.syncs.filter((k) => k === 'default/taken').length).toBeGreaterThan(3);
    const error = cluster.trace.tail().find((r) => r.verb === 'error' && r.from === controller.id);
    expect(error?.summary).toBe('mirror: syncing default/taken failed: secrets "taken" already exists');
    expect(controller.queue.numRequeues('default/taken')).toBeGreaterThan(3);
  });

  it('looks at a key again after the delay a sync asks for', () => {
    const { cluster, controller, create } = setup((_key, attempt) =>
      attempt === 0 ? { requeueAfterMs: 2000 } : undefined,
    );
    create('later');
    const start = cluster.clock.now();
    cluster.settle();
    const syncs = cluster.trace.tail().filter((r) => r.type === 'action' && r.from === controller.id);
    expect(syncs.map((r) => r.time - start)).toEqual([1, 2001]);
  });

  it('lets a programming error surface as a cluster fault without wedging the key', () => {
    const { cluster, controller, create } = setup((_key, attempt) => (attempt === 0 ? 'bug' : undefined));
    create('buggy');
    cluster.settle();
    expect(cluster.faults).toHaveLength(1);
    expect(cluster.faults[0]).toContain('TypeError: a programming error');
    controller.queue.add('default/buggy');
    cluster.settle();
    expect(controller.syncs).toEqual(['default/buggy', 'default/buggy']);
  });
});
