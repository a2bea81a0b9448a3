import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { formatTimestamp } from '../../time/clock.ts';
import { startControllerManager } from '../index.ts';
import { writesFrom } from '../test-support.ts';
import { JOB_TRACKING_FINALIZER } from './job-api.ts';
import { JobController } from './job-controller.ts';

const pods = resourceOf('Pod');
const jobs = resourceOf('Job', 'batch');
const events = resourceOf('Event');
const ID = 'controller-manager/job';

function setup() {
  const cluster = new Cluster(defaultParts(), { seed: 7, workers: 1 });
  const manager = startControllerManager(cluster);
  cluster.settle();
  const controller = manager.controllers.find((c) => c instanceof JobController) as JobController;
  return { cluster, controller, api: cluster.client('test') };
}

function piJob(backoffLimit = 6): KubeObject {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'pi', namespace: 'default' },
    spec: {
      backoffLimit,
      template: {
        spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0' }] },
      },
    },
  };
}

/** What a kubelet reports when the pod's only container exits. */
function finish(cluster: Cluster, api: ReturnType<Cluster['client']>, name: string, exitCode: number) {
  const now = formatTimestamp(cluster.clock.now());
  const fresh = api.get(pods, 'default', name);
  api.updateStatus(pods, {
    ...fresh,
    status: {
      phase: exitCode === 0 ? 'Succeeded' : 'Failed',
      conditions: [{ type: 'Ready', status: 'False', lastTransitionTime: now }],
      containerStatuses: [
        {
          name: 'pi',
          ready: false,
          restartCount: 0,
          state: { terminated: { exitCode, startedAt: now, finishedAt: now } },
        },
      ],
    },
  });
}

const podNames = (api: ReturnType<Cluster['client']>) =>
  api.list(pods, 'default').items.map((p) => p.metadata.name ?? '');

const eventsOf = (api: ReturnType<Cluster['client']>) =>
  api
    .list(events, 'default')
    .items.filter((e) => (e.source as { component?: string } | undefined)?.component === 'job-controller')
    .map((e) => `${e.reason as string}: ${e.message as string}`);

describe('JobController', () => {
  it('creates the pod, counts its success, removes its finalizer and completes the Job, once', () => {
    const { cluster, controller, api } = setup();
    const job = api.create(jobs, piJob());
    cluster.settle();
    const [name] = podNames(api);
    expect(podNames(api)).toHaveLength(1);
    expect(name).toMatch(/^pi-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    const pod = api.get(pods, 'default', name!);
    expect(pod.metadata.finalizers).toEqual([JOB_TRACKING_FINALIZER]);
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'Job',
      name: 'pi',
      uid: job.metadata.uid,
    });
    expect(pod.metadata.labels?.['batch.kubernetes.io/job-name']).toBe('pi');
    expect(api.get(jobs, 'default', 'pi').status).toMatchObject({ active: 1, ready: 0, terminating: 0 });

    const since = cluster.trace.lastSeq;
    finish(cluster, api, name!, 0);
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, since).filter((w) => !w.startsWith('create events'))).toEqual([
      'update jobs/default/pi/status',
      `patch pods/default/${name!}`,
      'update jobs/default/pi/status',
    ]);
    const done = api.get(jobs, 'default', 'pi');
    expect((done.status as { conditions: { type: string }[] }).conditions.map((c) => c.type)).toEqual([
      'SuccessCriteriaMet',
      'Complete',
    ]);
    expect(done.status).toMatchObject({ succeeded: 1, uncountedTerminatedPods: {} });
    expect(api.get(pods, 'default', name!).metadata.finalizers ?? []).toEqual([]);
    expect(eventsOf(api)).toEqual([`SuccessfulCreate: Created pod: ${name!}`, 'Completed: Job completed']);

    const again = cluster.trace.lastSeq;
    controller.sync('default/pi');
    controller.queue.add('default/pi');
    cluster.settle();
    expect(writesFrom(cluster.trace, ID, again)).toEqual([]);
  });

  it('replaces a failed pod only after 10 s, and fails the Job past backoffLimit', () => {
    const { cluster, api } = setup();
    api.create(jobs, piJob(1));
    cluster.settle();
    const [first] = podNames(api);
    finish(cluster, api, first!, 1);
    cluster.advance(9000);
    expect(podNames(api)).toEqual([first]);
    cluster.settle();
    expect(podNames(api)).toHaveLength(2);
    const second = podNames(api).find((n) => n !== first)!;
    finish(cluster, api, second, 1);
    cluster.settle();
    const failed = api.get(jobs, 'default', 'pi');
    expect(failed.status).toMatchObject({ failed: 2 });
    expect((failed.status as { conditions: { type: string; reason: string }[] }).conditions).toMatchObject([
      { type: 'FailureTarget', reason: 'BackoffLimitExceeded' },
      {
        type: 'Failed',
        reason: 'BackoffLimitExceeded',
        message: 'Job has reached the specified backoff limit',
      },
    ]);
    expect(eventsOf(api)).toContain('BackoffLimitExceeded: Job has reached the specified backoff limit');
    expect(podNames(api)).toHaveLength(2);
  });

  it('removes the finalizer of a running Job pod when the Job is deleted', () => {
    const { cluster, api } = setup();
    api.create(jobs, piJob());
    cluster.settle();
    const [name] = podNames(api);
    api.delete(jobs, 'default', 'pi', { propagationPolicy: 'Orphan' });
    cluster.settle();
    expect(api.get(pods, 'default', name!).metadata.finalizers ?? []).toEqual([]);
  });
});
