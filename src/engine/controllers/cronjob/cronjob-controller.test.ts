import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { startControllerManager } from '../index.ts';
import { writesFrom } from '../test-support.ts';
import { CronJobController } from './cronjob-controller.ts';

const jobs = resourceOf('Job', 'batch');
const cronJobs = resourceOf('CronJob', 'batch');
const events = resourceOf('Event');
const ID = 'controller-manager/cronjob';

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 7, workers: 1 });
  const manager = startControllerManager(cluster);
  cluster.settle();
  const controller = manager.controllers.find((c) => c instanceof CronJobController) as CronJobController;
  return { cluster, controller, api: cluster.client('test') };
}

function hello(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: 'hello', namespace: 'default' },
    spec: {
      schedule: '*/1 * * * *',
      jobTemplate: {
        spec: {
          template: {
            spec: {
              restartPolicy: 'OnFailure',
              containers: [{ name: 'hello', image: 'busybox:1.28', command: ['sh', '-c', 'sleep 600'] }],
            },
          },
        },
      },
      ...spec,
    },
  };
}

const jobNames = (api: ReturnType<Cluster['client']>) =>
  api.list(jobs, 'default').items.map((j) => j.metadata.name ?? '');

const eventsOf = (api: ReturnType<Cluster['client']>) =>
  api
    .list(events, 'default')
    .items.filter((e) => (e.source as { component?: string } | undefined)?.component === 'cronjob-controller')
    .map((e) => `${e.reason as string}: ${e.message as string}`);

/** Minutes since the epoch of the next whole minute after `ms`. */
const nextMinute = (ms: number) => Math.floor(ms / 60_000) + 1;

describe('CronJobController', () => {
  it('creates one Job per minute on the virtual clock, lists it as active, and idles in between', () => {
    const { cluster, controller, api } = setup();
    api.create(cronJobs, hello());
    // A CronJob waiting for its next minute does not keep the cluster from settling.
    expect(cluster.settle().settled).toBe(true);
    expect(jobNames(api)).toEqual([]);
    const minute = nextMinute(cluster.clock.now());
    const since = cluster.trace.lastSeq;
    cluster.advance(minute * 60_000 - cluster.clock.now() + 1000);
    expect(jobNames(api)).toEqual([`hello-${minute}`]);
    expect(writesFrom(cluster.trace, ID, since)).toEqual([
      'create jobs/default',
      'create events/default',
      'update cronjobs/default/hello/status',
    ]);
    const job = api.get(jobs, 'default', `hello-${minute}`);
    expect(job.metadata.annotations).toEqual({
      'batch.kubernetes.io/cronjob-scheduled-timestamp': formatTimestamp(minute * 60_000),
    });
    const cj = api.get(cronJobs, 'default', 'hello');
    expect(cj.status).toEqual({
      active: [
        {
          kind: 'Job',
          namespace: 'default',
          name: `hello-${minute}`,
          uid: job.metadata.uid,
          apiVersion: 'batch/v1',
          resourceVersion: (cj.status as { active: { resourceVersion: string }[] }).active[0]!
            .resourceVersion,
        },
      ],
      lastScheduleTime: formatTimestamp(minute * 60_000),
    });
    expect(eventsOf(api)).toEqual([`SuccessfulCreate: Created job hello-${minute}`]);

    const again = cluster.trace.lastSeq;
    controller.sync('default/hello');
    controller.queue.add('default/hello');
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, again)).toEqual([]);

    cluster.advance(60_000);
    expect(jobNames(api)).toEqual([`hello-${minute}`, `hello-${minute + 1}`]);
  });

  it('Forbid skips a slot while the last Job still runs; suspend stops new Jobs', () => {
    const { cluster, api } = setup();
    api.create(cronJobs, hello({ concurrencyPolicy: 'Forbid' }));
    cluster.settle();
    const minute = nextMinute(cluster.clock.now());
    cluster.advance(minute * 60_000 - cluster.clock.now() + 1000);
    cluster.advance(60_000);
    expect(jobNames(api)).toEqual([`hello-${minute}`]);
    expect(eventsOf(api)).toContain(
      'JobAlreadyActive: Not starting job because prior execution is running and concurrency policy is Forbid',
    );
    const cj = api.get(cronJobs, 'default', 'hello');
    api.update(cronJobs, {
      ...cj,
      spec: { ...(cj.spec as object), concurrencyPolicy: 'Allow', suspend: true },
    });
    cluster.advance(3 * 60_000);
    expect(jobNames(api)).toEqual([`hello-${minute}`]);
    const suspended = api.get(cronJobs, 'default', 'hello');
    api.update(cronJobs, { ...suspended, spec: { ...(suspended.spec as object), suspend: false } });
    // Resumed, it runs the latest slot it missed at once (no startingDeadlineSeconds bounds it).
    cluster.settle();
    expect(jobNames(api)).toEqual([`hello-${minute}`, `hello-${minute + 4}`]);
  });
});
