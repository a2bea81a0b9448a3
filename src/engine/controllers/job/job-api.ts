/**
 * The batch/v1 Job fields the job controller reads and writes (`k8s.io/api/batch/v1`
 * types.go), with the well-known names it puts on pods and small readers over them.
 */
import type { KubeObject } from '../../api/types.ts';

/** `batch.JobTrackingFinalizer`: keeps a finished pod around until the Job has counted it. */
export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';
/** `batch.JobCompletionIndexAnnotation`, also set as a label (PodIndexLabel is GA). */
export const JOB_COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
/** The environment variable an Indexed Job's containers read their index from. */
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface UncountedTerminatedPods {
  succeeded?: string[];
  failed?: string[];
}

export interface JobStatus {
  conditions?: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active?: number;
  succeeded?: number;
  failed?: number;
  terminating?: number;
  completedIndexes?: string;
  uncountedTerminatedPods?: UncountedTerminatedPods;
  ready?: number;
}

export interface JobSpec {
  parallelism?: number;
  completions?: number;
  activeDeadlineSeconds?: number;
  backoffLimit?: number;
  ttlSecondsAfterFinished?: number;
  completionMode?: string;
  suspend?: boolean;
  podReplacementPolicy?: string;
  podFailurePolicy?: unknown;
  managedBy?: string;
  selector?: unknown;
  template?: {
    metadata?: {
      labels?: Record<string, string>;
      annotations?: Record<string, string>;
      finalizers?: string[];
    };
    spec?: { restartPolicy?: string; containers?: unknown[]; initContainers?: unknown[] } & Record<
      string,
      unknown
    >;
  };
}

export function jobSpec(job: KubeObject): JobSpec {
  return (job.spec as JobSpec | undefined) ?? {};
}

export function jobStatus(job: KubeObject): JobStatus {
  return (job.status as JobStatus | undefined) ?? {};
}

export function isIndexedJob(job: KubeObject): boolean {
  return jobSpec(job).completionMode === 'Indexed';
}

export function isSuspended(job: KubeObject): boolean {
  return jobSpec(job).suspend === true;
}

export function findCondition(job: KubeObject, type: string): JobCondition | undefined {
  return jobStatus(job).conditions?.find((c) => c.type === type);
}

/** `util.IsJobFinished`: a Complete or Failed condition with status True. */
export function isJobFinished(job: KubeObject): boolean {
  return (jobStatus(job).conditions ?? []).some(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
}

/** The time the Job finished (its Complete or Failed condition's transition), if it did. */
export function jobFinishTime(job: KubeObject): string | undefined {
  const c = (jobStatus(job).conditions ?? []).find(
    (x) => (x.type === 'Complete' || x.type === 'Failed') && x.status === 'True',
  );
  return c?.lastTransitionTime;
}

export function hasTrackingFinalizer(pod: KubeObject): boolean {
  return (pod.metadata.finalizers ?? []).includes(JOB_TRACKING_FINALIZER);
}

/** `getCompletionIndex`: the pod's index annotation as a non-negative integer, or -1. */
export function completionIndexOf(pod: KubeObject): number {
  const raw = pod.metadata.annotations?.[JOB_COMPLETION_INDEX];
  if (raw === undefined || !/^\+?\d+$/.test(raw)) return -1;
  return Number(raw);
}
