/**
 * The job controller of kube-controller-manager (`pkg/controller/job`): runs each Job's pods
 * to completion — `parallelism` at a time until `completions` succeed — replacing failed
 * pods after an exponential backoff, failing the Job past its backoffLimit or
 * activeDeadlineSeconds, and counting every finished pod exactly once through the
 * `batch.kubernetes.io/job-tracking` finalizer. Decisions are pure (job-plan.ts,
 * job-tracking.ts); this shell feeds them from the informers and performs their writes.
 */
import type { KubeObject } from '../../api/types.ts';
import { ApiError, hasStatusCause, isNotFound } from '../../client/api-client.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import { ItemExponentialFailureRateLimiter } from '../../client/rate-limiters.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { labelSelectorAsSelector, type MetaLabelSelector } from '../../labels/index.ts';
import { parseTimestamp } from '../../time/clock.ts';
import { Controller, SyncError, type ControllerHost, type SyncResult } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { claimObjects } from '../replicaset/claim.ts';
import { getControllerOf } from '../replicaset/controller-ref.ts';
import { Expectations } from '../replicaset/expectations.ts';
import { slowStartBatch } from '../replicaset/replicaset-controller.ts';
import { type BackoffRecord, NO_BACKOFF } from './backoff.ts';
import { FinalizerExpectations } from './finalizer-expectations.ts';
import {
  hasTrackingFinalizer,
  isJobFinished,
  JOB_TRACKING_FINALIZER,
  jobSpec,
  jobStatus,
} from './job-api.ts';
import { decideJob, SYNC_JOB_BATCH_PERIOD_MS, type PodWrite } from './job-plan.ts';
import { planTracking, type JobWrite } from './job-tracking.ts';

export const JOB_COMPONENT = 'job-controller';
const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';
const pods = servedResource('', 'v1', 'Pod');
const jobs = servedResource('batch', 'v1', 'Job');

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/** The strategic merge patch that drops the tracking finalizer (`removeTrackingFinalizerPatch`). */
export const REMOVE_FINALIZER_PATCH = {
  metadata: { '$deleteFromPrimitiveList/finalizers': [JOB_TRACKING_FINALIZER] },
};

export class JobController extends Controller {
  readonly queue: WorkQueue;
  /** `job_orphan_pod`: pods holding the finalizer that no unfinished Job will ever count. */
  readonly orphanQueue: WorkQueue;
  readonly expectations: Expectations;
  readonly finalizerExpectations = new FinalizerExpectations();
  readonly #backoff = new Map<string, BackoffRecord>();
  readonly #jobs: Lister;
  readonly #pods: Lister;
  readonly #recorder: EventRecorder;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'job');
    this.expectations = new Expectations(() => host.clock.now());
    this.#recorder = new EventRecorder(this.api, { component: JOB_COMPONENT }, () => host.clock.now());
    this.queue = this.newQueue({
      name: 'job',
      workers: 5,
      sync: (key) => this.sync(key),
      // DefaultJobApiBackOff / MaxJobApiBackOff.
      rateLimiter: new ItemExponentialFailureRateLimiter(1000, 60_000),
      describe: (key) => `jobs/${key.slice(key.indexOf('/') + 1)}`,
    });
    this.orphanQueue = this.newQueue({
      name: 'job_orphan_pod',
      sync: (key) => this.syncOrphanPod(key),
      rateLimiter: new ItemExponentialFailureRateLimiter(1000, 60_000),
      describe: (key) => `pods/${key.slice(key.indexOf('/') + 1)}`,
    });
    const jobInformer = informers.informerFor(jobs);
    this.#jobs = jobInformer.lister();
    jobInformer.addEventHandler({
      onAdd: (job) => this.queue.add(keyOf(job)),
      onUpdate: (old, job) => this.#jobUpdated(old, job),
      onDelete: (job) => {
        this.queue.add(keyOf(job));
        this.#enqueueOrphans(job);
      },
    });
    const podInformer = informers.informerFor(pods);
    this.#pods = podInformer.lister();
    podInformer.addEventHandler({
      onAdd: (pod) => this.#podAdded(pod),
      onUpdate: (old, pod) => this.#podUpdated(old, pod),
      onDelete: (pod) => this.#podDeleted(pod, true),
    });
  }

  /** `enqueueSyncJobBatched`: pod changes within a second fold into one sync. */
  #enqueueBatched(job: KubeObject): void {
    this.queue.addAfter(keyOf(job), SYNC_JOB_BATCH_PERIOD_MS);
  }

  #jobUpdated(old: KubeObject, job: KubeObject): void {
    // A finished Job keeps no finalizers: any left on its pods are removed as orphans'.
    if (isJobFinished(job)) return this.#enqueueOrphans(job);
    if (job.metadata.generation === old.metadata.generation) this.#enqueueBatched(job);
    else this.queue.add(keyOf(job));
    const ads = jobSpec(job).activeDeadlineSeconds;
    const start = jobStatus(job).startTime;
    if (start && ads !== undefined && ads !== jobSpec(old).activeDeadlineSeconds) {
      const passed = this.host.clock.now() - parseTimestamp(start);
      this.queue.addAfter(keyOf(job), ads * 1000 - passed);
    }
  }

  /** `enqueueLabelSelector`: every pod of the Job's selector goes through the orphan check. */
  #enqueueOrphans(job: KubeObject): void {
    const selector = labelSelectorAsSelector(jobSpec(job).selector as MetaLabelSelector | undefined);
    if (!selector.ok) return;
    for (const pod of this.#pods.list(job.metadata.namespace, selector.value))
      if (hasTrackingFinalizer(pod)) this.orphanQueue.add(keyOf(pod));
  }

  #owner(pod: KubeObject): KubeObject | undefined {
    const ref = getControllerOf(pod);
    if (!ref || ref.kind !== 'Job') return undefined;
    const job = this.#jobs.get(pod.metadata.namespace, ref.name);
    return job && job.metadata.uid === ref.uid ? job : undefined;
  }

  /** The Jobs whose selector matches an orphan pod. */
  #matching(pod: KubeObject): KubeObject[] {
    return this.#jobs.list(pod.metadata.namespace).filter((job) => {
      const s = labelSelectorAsSelector(jobSpec(job).selector as MetaLabelSelector | undefined);
      return s.ok && !s.value.isEmpty() && s.value.matches(pod.metadata.labels ?? {});
    });
  }

  #podAdded(pod: KubeObject): void {
    if (pod.metadata.deletionTimestamp) return this.#podDeleted(pod, false);
    if (getControllerOf(pod)) {
      const job = this.#owner(pod);
      if (!job) return;
      this.expectations.creationObserved(keyOf(job));
      this.#enqueueBatched(job);
      return;
    }
    if (hasTrackingFinalizer(pod)) this.orphanQueue.add(keyOf(pod));
    for (const job of this.#matching(pod)) this.#enqueueBatched(job);
  }

  #podUpdated(old: KubeObject, pod: KubeObject): void {
    if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    if (pod.metadata.deletionTimestamp) return this.#podDeleted(pod, false);
    const finalizerRemoved = !hasTrackingFinalizer(pod);
    const ref = getControllerOf(pod);
    const oldRef = getControllerOf(old);
    const refChanged = JSON.stringify(ref) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const previous = this.#owner(old);
      if (previous) {
        if (finalizerRemoved)
          this.finalizerExpectations.removalObserved(keyOf(previous), pod.metadata.uid ?? '');
        this.#enqueueBatched(previous);
      }
    }
    if (ref) {
      const job = this.#owner(pod);
      if (!job) return;
      if (finalizerRemoved) this.finalizerExpectations.removalObserved(keyOf(job), pod.metadata.uid ?? '');
      this.#enqueueBatched(job);
      return;
    }
    if (hasTrackingFinalizer(pod)) this.orphanQueue.add(keyOf(pod));
    const labelsChanged =
      JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(pod.metadata.labels ?? {});
    if (labelsChanged || refChanged) for (const job of this.#matching(pod)) this.#enqueueBatched(job);
  }

  /** `final`: the pod is gone from the store, not just marked for deletion. */
  #podDeleted(pod: KubeObject, final: boolean): void {
    const hasFinalizer = hasTrackingFinalizer(pod);
    const job = getControllerOf(pod) ? this.#owner(pod) : undefined;
    if (!job || isJobFinished(job)) {
      if (hasFinalizer && !final) this.orphanQueue.add(keyOf(pod));
      return;
    }
    const key = keyOf(job);
    this.expectations.deletionObserved(key, keyOf(pod));
    if (final || !hasFinalizer) this.finalizerExpectations.removalObserved(key, pod.metadata.uid ?? '');
    this.#enqueueBatched(job);
  }

  /** `handleSingleOrphanPod`: drops the finalizer unless an unfinished Job still owns the pod. */
  syncOrphanPod(key: string): SyncResult {
    const slash = key.indexOf('/');
    const pod = this.#pods.get(key.slice(0, slash), key.slice(slash + 1));
    if (!pod || !hasTrackingFinalizer(pod)) return;
    const ref = getControllerOf(pod);
    if (ref) {
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
      const job = this.#owner(pod);
      if (job && !isJobFinished(job)) return;
    }
    try {
      this.api.patch(
        pods,
        pod.metadata.namespace,
        pod.metadata.name ?? '',
        'strategic',
        REMOVE_FINALIZER_PATCH,
      );
    } catch (e) {
      if (!(e instanceof ApiError) || !isNotFound(e)) throw e;
    }
  }

  sync(key: string): SyncResult {
    const slash = key.indexOf('/');
    const job = this.#jobs.get(key.slice(0, slash), key.slice(slash + 1));
    if (!job) {
      this.expectations.delete(key);
      this.finalizerExpectations.delete(key);
      this.#backoff.delete(key);
      return;
    }
    if (isJobFinished(job)) {
      this.#backoff.delete(key);
      return;
    }
    const mode = jobSpec(job).completionMode;
    if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.#recorder.event(
        job,
        'Warning',
        'UnknownCompletionMode',
        'Skipped Job sync because completion mode is unknown',
      );
      return;
    }
    // Expectations are read before the pods, so a pod arriving in between waits for the next sync.
    const expectationsSatisfied = this.expectations.satisfied(key);
    const owned = this.#podsForJob(job);
    const decision = decideJob({
      job,
      pods: owned,
      nowMs: this.host.clock.now(),
      expectationsSatisfied,
      expectedRmFinalizers: this.finalizerExpectations.expected(key),
      backoff: this.#backoff.get(key) ?? NO_BACKOFF,
    });
    const outcome = this.#podWrites(job, decision.podWrites);
    for (const e of decision.events) this.#recorder.event(job, e.type, e.reason, e.message);
    const plan = planTracking(decision, outcome);
    this.#track(job, plan.writes);
    if (plan.backoff) this.#backoff.set(key, plan.backoff);
    if (plan.requeueAfterMs !== undefined) this.queue.addAfter(key, plan.requeueAfterMs);
    if (outcome.error) throw new SyncError(outcome.error);
    return undefined;
  }

  /** `getPodsForJob`: every pod of the namespace, so released ones are seen too; adopted ones get the finalizer. */
  #podsForJob(job: KubeObject): KubeObject[] {
    const selector = labelSelectorAsSelector(jobSpec(job).selector as MetaLabelSelector | undefined);
    if (!selector.ok) throw new SyncError(`couldn't convert Job selector: ${selector.error}`);
    const claimed = claimObjects(
      { api: this.api, ownerResource: jobs, resource: pods },
      job,
      selector.value,
      this.#pods.list(job.metadata.namespace),
    );
    return claimed.map((p) => {
      const adopted = !(p.metadata.ownerReferences ?? []).some((r) => r.uid === job.metadata.uid);
      if (!adopted || hasTrackingFinalizer(p)) return p;
      return {
        ...p,
        metadata: { ...p.metadata, finalizers: [...(p.metadata.finalizers ?? []), JOB_TRACKING_FINALIZER] },
      };
    });
  }

  /** Performs manageJob's creations (slow start) and deletions; counts what failed. */
  #podWrites(job: KubeObject, writes: readonly PodWrite[]) {
    const key = keyOf(job);
    let createsFailed = 0;
    let deletesFailed = 0;
    let error: string | undefined;
    const creates = writes.filter((w) => w.kind === 'createPod');
    const deletes = writes.filter((w) => w.kind === 'deletePod');
    if (deletes.length) {
      this.expectations.expectDeletions(
        key,
        deletes.map((w) => keyOf(w.pod)),
      );
      for (const w of deletes) {
        const failure = this.#deletePod(job, w.pod, w.removeFinalizer);
        if (failure === undefined) continue;
        this.expectations.deletionObserved(key, keyOf(w.pod));
        if (failure === '') continue;
        deletesFailed++;
        error = failure;
      }
    }
    if (creates.length) {
      this.expectations.expectCreations(key, creates.length);
      let next = 0;
      slowStartBatch(creates.length, () => {
        const failure = this.#createPod(job, creates[next++]!.pod);
        if (failure === undefined) return true;
        this.expectations.creationObserved(key);
        if (failure === '') return true;
        createsFailed++;
        error = failure;
        return false;
      });
      // Creations never attempted after a failing batch are not expected either.
      for (let skipped = creates.length - next; skipped > 0; skipped--) {
        this.expectations.creationObserved(key);
        createsFailed++;
      }
    }
    return { createsFailed, deletesFailed, error };
  }

  /** undefined: created; '': ignorable (namespace terminating); else the failure. */
  #createPod(job: KubeObject, pod: KubeObject): string | undefined {
    try {
      const created = this.api.create(pods, pod);
      this.#recorder.event(job, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name ?? ''}`);
      return undefined;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.#recorder.event(job, 'Warning', 'FailedCreate', `Error creating: ${e.message}`);
      return hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE) ? '' : e.message;
    }
  }

  /** undefined: deleted; '': already gone; else the failure. */
  #deletePod(job: KubeObject, pod: KubeObject, removeFinalizer: boolean): string | undefined {
    const name = pod.metadata.name ?? '';
    try {
      if (removeFinalizer && hasTrackingFinalizer(pod))
        this.api.patch(pods, pod.metadata.namespace, name, 'strategic', REMOVE_FINALIZER_PATCH);
      this.api.delete(pods, pod.metadata.namespace, name);
      this.#recorder.event(job, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
      return undefined;
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (isNotFound(e)) return '';
      this.#recorder.event(job, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`);
      return e.message;
    }
  }

  /** The tracking writes in order; a failed finalizer removal stops before the counters move. */
  #track(job: KubeObject, writes: readonly JobWrite[]): void {
    const key = keyOf(job);
    let current = job;
    const removals = writes.filter((w) => w.kind === 'removeFinalizer');
    let expected = false;
    let removalError: string | undefined;
    for (const w of writes) {
      if (w.kind === 'updateStatus') {
        if (removalError !== undefined) throw new SyncError(`removing tracking finalizer: ${removalError}`);
        current = this.api.updateStatus(jobs, { ...current, status: w.status });
      } else if (w.kind === 'removeFinalizer') {
        if (!expected) {
          this.finalizerExpectations.expectRemoved(
            key,
            removals.map((r) => r.pod.metadata.uid ?? ''),
          );
          expected = true;
        }
        try {
          this.api.patch(
            pods,
            w.pod.metadata.namespace,
            w.pod.metadata.name ?? '',
            'strategic',
            REMOVE_FINALIZER_PATCH,
          );
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          this.finalizerExpectations.removalObserved(key, w.pod.metadata.uid ?? '');
          if (!isNotFound(e)) removalError = e.message;
        }
      } else if (w.kind === 'event') {
        this.#recorder.event(current, w.type, w.reason, w.message);
      }
    }
    if (removalError !== undefined) throw new SyncError(`removing tracking finalizer: ${removalError}`);
  }
}
