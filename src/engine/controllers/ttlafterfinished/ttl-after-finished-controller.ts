/**
 * The TTL-after-finished controller (`pkg/controller/ttlafterfinished`): a finished Job with
 * `spec.ttlSecondsAfterFinished` is deleted (foreground, so its pods go first) that many
 * seconds after its Complete or Failed condition. Before deleting it reads the Job fresh,
 * so a TTL changed meanwhile is honoured, and deletes with that version as precondition.
 */
import type { KubeObject } from '../../api/types.ts';
import { ApiError, isNotFound } from '../../client/api-client.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { Controller, type ControllerHost, type SyncResult } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { isJobFinished, jobFinishTime, jobSpec } from '../job/job-api.ts';

const jobs = servedResource('batch', 'v1', 'Job');
const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/** `needsCleanup`: a TTL is set and the Job has finished. */
function needsCleanup(job: KubeObject): boolean {
  return jobSpec(job).ttlSecondsAfterFinished !== undefined && isJobFinished(job);
}

/** Milliseconds until the Job expires (≤ 0: expired), or undefined when it needs no cleanup. */
export function timeLeftMs(job: KubeObject, nowMs: number): number | undefined {
  const finished = jobFinishTime(job);
  const ttl = jobSpec(job).ttlSecondsAfterFinished;
  if (!needsCleanup(job) || ttl === undefined || !finished) return undefined;
  return parseTimestamp(finished) + ttl * 1000 - nowMs;
}

export class TtlAfterFinishedController extends Controller {
  readonly queue: WorkQueue;
  readonly #jobs: Lister;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'ttl-after-finished');
    this.queue = this.newQueue({
      name: 'ttl_jobs_to_delete',
      sync: (key) => this.sync(key),
      describe: (key) => `jobs/${key.slice(key.indexOf('/') + 1)}`,
    });
    const informer = informers.informerFor(jobs);
    this.#jobs = informer.lister();
    const enqueue = (job: KubeObject) => {
      if (job.metadata.deletionTimestamp === undefined && needsCleanup(job)) this.queue.add(keyOf(job));
    };
    informer.addEventHandler({ onAdd: enqueue, onUpdate: (_old, job) => enqueue(job) });
  }

  sync(key: string): SyncResult {
    const slash = key.indexOf('/');
    const [namespace, name] = [key.slice(0, slash), key.slice(slash + 1)];
    const cached = this.#jobs.get(namespace, name);
    if (!cached) return;
    const left = timeLeftMs(cached, this.host.clock.now());
    if (left === undefined) return;
    if (left > 0) return { requeueAfterMs: left };
    // The cache may lag: the TTL decides on the Job as the API server has it now.
    let fresh: KubeObject;
    try {
      fresh = this.api.get(jobs, namespace, name);
    } catch (e) {
      if (e instanceof ApiError && isNotFound(e)) return;
      throw e;
    }
    const freshLeft = timeLeftMs(fresh, this.host.clock.now());
    if (freshLeft === undefined) return;
    if (freshLeft > 0) return { requeueAfterMs: freshLeft };
    try {
      this.api.delete(jobs, namespace, name, {
        propagationPolicy: 'Foreground',
        preconditions: {
          ...(fresh.metadata.uid !== undefined ? { uid: fresh.metadata.uid } : {}),
          ...(fresh.metadata.resourceVersion !== undefined
            ? { resourceVersion: fresh.metadata.resourceVersion }
            : {}),
        },
      });
    } catch (e) {
      if (e instanceof ApiError && isNotFound(e)) return;
      throw e;
    }
    return undefined;
  }
}
