/**
 * The cronjob controller of kube-controller-manager (`pkg/controller/cronjob`, ControllerV2):
 * at each time a CronJob's schedule names, on the virtual clock, it creates a Job from the
 * job template, honours the concurrency policy, the starting deadline and suspend, records
 * the running Jobs in status.active and prunes finished Jobs past the history limits.
 * Instead of polling, each sync wakes the CronJob again at its next schedule time.
 * Decisions are pure (cronjob-plan.ts); this shell reads, plans and performs the writes.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Cancellable } from '../../apiserver/watch.ts';
import { ApiError, hasStatusCause, isAlreadyExists, isNotFound } from '../../client/api-client.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { Controller, SyncError, type ControllerHost, type SyncResult } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { isJobFinished } from '../job/job-api.ts';
import { getControllerOf } from '../replicaset/controller-ref.ts';
import { cronJobSpec, cronJobStatus, cronTimes, jobReference, type CronJobStatus } from './cronjob-api.ts';
import { planCronJob, type CronStep } from './cronjob-plan.ts';
import { effectiveSchedule, parseStandard } from './schedule.ts';
import { nextScheduleDelayMs } from './schedule-times.ts';

export const CRONJOB_COMPONENT = 'cronjob-controller';
const jobs = servedResource('batch', 'v1', 'Job');
const cronJobs = servedResource('batch', 'v1', 'CronJob');
const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

export class CronJobController extends Controller {
  readonly queue: WorkQueue;
  readonly #cronJobs: Lister;
  readonly #jobs: Lister;
  readonly #recorder: EventRecorder;
  readonly #wakeups = new Map<string, { at: number; timer: Cancellable }>();

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'cronjob');
    this.#recorder = new EventRecorder(this.api, { component: CRONJOB_COMPONENT }, () => host.clock.now());
    this.queue = this.newQueue({
      name: 'cronjob',
      sync: (key) => this.sync(key),
      describe: (key) => `cronjobs/${key.slice(key.indexOf('/') + 1)}`,
    });
    const cronInformer = informers.informerFor(cronJobs);
    this.#cronJobs = cronInformer.lister();
    cronInformer.addEventHandler({
      onAdd: (cj) => this.queue.add(keyOf(cj)),
      onUpdate: (old, cj) => this.#cronJobUpdated(old, cj),
      onDelete: (cj) => this.queue.add(keyOf(cj)),
    });
    const jobInformer = informers.informerFor(jobs);
    this.#jobs = jobInformer.lister();
    jobInformer.addEventHandler({
      onAdd: (job) => this.#enqueueOwner(job),
      onUpdate: (old, job) => {
        if (old.metadata.resourceVersion === job.metadata.resourceVersion) return;
        const oldRef = getControllerOf(old);
        if (oldRef && JSON.stringify(oldRef) !== JSON.stringify(getControllerOf(job)))
          this.#enqueueOwner(old);
        this.#enqueueOwner(job);
      },
      onDelete: (job) => this.#enqueueOwner(job),
    });
  }

  /**
   * The queue's AddAfter for the next schedule time. The wake-up is recurring background
   * activity, like a resync, so it is scheduled as such: a CronJob waiting for its next
   * minute does not keep the cluster from settling. A key keeps the earlier of two wake-ups.
   */
  #wakeAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) return this.queue.add(key);
    const at = this.host.clock.now() + delayMs;
    const existing = this.#wakeups.get(key);
    if (existing && existing.at <= at && existing.at > this.host.clock.now()) return;
    existing?.timer.cancel();
    const timer = this.host.schedule(
      delayMs,
      this.id,
      () => {
        this.#wakeups.delete(key);
        this.queue.add(key);
      },
      'periodic',
    );
    this.#wakeups.set(key, { at, timer });
  }

  override stop(): void {
    for (const w of this.#wakeups.values()) w.timer.cancel();
    this.#wakeups.clear();
    super.stop();
  }

  /** `resolveControllerRef`: the CronJob a Job names as controller, if it is still that one. */
  #enqueueOwner(job: KubeObject): void {
    const ref = getControllerOf(job);
    if (!ref || ref.kind !== 'CronJob') return;
    const cj = this.#cronJobs.get(job.metadata.namespace, ref.name);
    if (cj && cj.metadata.uid === ref.uid) this.queue.add(keyOf(cj));
  }

  /**
   * `updateCronJob`: a new schedule or zone moves the wake-up to its next time; any other
   * change is looked at now.
   */
  #cronJobUpdated(old: KubeObject, cj: KubeObject): void {
    const [o, n] = [cronJobSpec(old), cronJobSpec(cj)];
    if (o.schedule === n.schedule && o.timeZone === n.timeZone) return this.queue.add(keyOf(cj));
    const schedule = parseStandard(effectiveSchedule(n.schedule ?? '', n.timeZone));
    if ('error' in schedule) {
      this.#recorder.event(
        cj,
        'Warning',
        'UnParseableCronJobSchedule',
        `unparseable schedule for cronjob: ${n.schedule ?? ''}`,
      );
      return;
    }
    const now = this.host.clock.now();
    this.#wakeAfter(keyOf(cj), nextScheduleDelayMs(cronTimes(cj), now, schedule));
  }

  /** `getJobsToBeReconciled`: every Job in the namespace whose controller reference names the CronJob. */
  #ownedJobs(cj: KubeObject): KubeObject[] {
    return this.#jobs
      .list(cj.metadata.namespace)
      .filter((job) => getControllerOf(job)?.name === cj.metadata.name);
  }

  #exists(namespace: string, name: string): boolean {
    try {
      this.api.get(jobs, namespace, name);
      return true;
    } catch (e) {
      if (e instanceof ApiError && isNotFound(e)) return false;
      throw e;
    }
  }

  sync(key: string): SyncResult {
    const slash = key.indexOf('/');
    const [namespace, name] = [key.slice(0, slash), key.slice(slash + 1)];
    let cj = this.#cronJobs.get(namespace, name);
    if (!cj) return;
    const owned = this.#ownedJobs(cj);
    // A running Job the cached status does not list may be one this controller just created:
    // the API server's copy of the CronJob settles it, as syncCronJob's GetCronJob does.
    const listedActive = (c: KubeObject, uid: string | undefined) =>
      (cronJobStatus(c).active ?? []).some((r) => r.uid === uid);
    if (owned.some((j) => !isJobFinished(j) && !listedActive(cj!, j.metadata.uid))) {
      const fresh = this.api.get(cronJobs, namespace, name);
      if (owned.some((j) => !isJobFinished(j) && listedActive(fresh, j.metadata.uid))) cj = fresh;
    }
    const uids = new Set(owned.map((j) => j.metadata.uid));
    const foundInApi = new Set<string>();
    for (const ref of cronJobStatus(cj).active ?? []) {
      if (!uids.has(ref.uid) && this.#exists(ref.namespace ?? namespace, ref.name ?? ''))
        foundInApi.add(ref.name ?? '');
    }
    const plan = planCronJob({
      cronJob: cj,
      jobs: owned,
      nowMs: this.host.clock.now(),
      activeFoundInApi: foundInApi,
    });
    this.#perform(cj, plan.steps);
    if (plan.requeueAfterMs !== undefined) this.#wakeAfter(key, plan.requeueAfterMs);
    return undefined;
  }

  #perform(cj: KubeObject, steps: readonly CronStep[]): void {
    const namespace = cj.metadata.namespace ?? '';
    let created: KubeObject | undefined;
    for (const step of steps) {
      switch (step.kind) {
        case 'event':
          this.#recorder.event(cj, step.type, step.reason, step.message);
          break;
        case 'deleteJob':
          try {
            this.api.delete(jobs, namespace, step.name, { propagationPolicy: 'Background' });
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            this.#recorder.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${e.message}`);
            throw new SyncError(`could not delete job ${namespace}/${step.name}`);
          }
          break;
        case 'createJob':
          created = this.#create(cj, step.job);
          if (!created) return;
          break;
        case 'updateStatus':
          this.#updateStatus(cj, step.status, step.addCreated ? created : undefined);
          break;
      }
    }
  }

  /** The created Job, or for a slot's Job that already exists, that Job when it is ours to list. */
  #create(cj: KubeObject, job: KubeObject): KubeObject | undefined {
    const namespace = cj.metadata.namespace ?? '';
    try {
      const created = this.api.create(jobs, job);
      this.#recorder.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name ?? ''}`);
      return created;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (hasStatusCause(e, 'NamespaceTerminating')) throw e;
      if (!isAlreadyExists(e)) {
        this.#recorder.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${e.message}`);
        throw e;
      }
    }
    // Created earlier, but the status write that should have listed it was lost.
    const existing = this.api.get(jobs, namespace, job.metadata.name ?? '');
    const ref = getControllerOf(existing);
    if (ref?.uid !== cj.metadata.uid) return undefined;
    if ((cronJobStatus(cj).active ?? []).some((r) => r.uid === existing.metadata.uid)) return undefined;
    return existing;
  }

  #updateStatus(cj: KubeObject, status: CronJobStatus, created: KubeObject | undefined): void {
    const next: CronJobStatus = { ...status };
    if (created) next.active = [...(status.active ?? []), jobReference(created)];
    this.api.updateStatus(cronJobs, { ...cj, status: next as Record<string, unknown> });
  }
}
