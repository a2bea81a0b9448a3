/**
 * The pods a Job creates (`manageJob` with `controller.GetPodFromTemplate`): the template's
 * labels and annotations, the tracking finalizer, a controller reference, and for an Indexed
 * Job the completion index as annotation, label, hostname and JOB_COMPLETION_INDEX variable.
 */
import type { KubeObject } from '../../api/types.ts';
import { controllerRefFor } from '../replicaset/controller-ref.ts';
import { COMPLETION_INDEX_ENV, JOB_COMPLETION_INDEX, JOB_TRACKING_FINALIZER, jobSpec } from './job-api.ts';

/** `names.MaxGeneratedNameLength`: 63 less the 5 random characters. */
const MAX_GENERATED_NAME_LENGTH = 58;

/** `podGenerateNameWithIndex`: `<job>-<index>-`, the job name cut so the prefix fits. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  if (prefix.length <= MAX_GENERATED_NAME_LENGTH) return prefix;
  return prefix.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix;
}

interface Container {
  env?: { name: string }[];
}

/** `addCompletionIndexEnvVariable`: the index, read from the pod's own annotation. */
function withIndexEnv(containers: unknown): unknown {
  if (!Array.isArray(containers)) return containers;
  return (containers as Container[]).map((c) => {
    if ((c.env ?? []).some((e) => e.name === COMPLETION_INDEX_ENV)) return c;
    return {
      ...c,
      env: [
        ...(c.env ?? []),
        {
          name: COMPLETION_INDEX_ENV,
          valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${JOB_COMPLETION_INDEX}']` } },
        },
      ],
    };
  });
}

/** The pod the Job creates; `index` for an Indexed Job. */
export function newJobPod(job: KubeObject, index?: number): KubeObject {
  const template = jobSpec(job).template ?? {};
  const meta = template.metadata ?? {};
  const spec = JSON.parse(JSON.stringify(template.spec ?? {})) as Record<string, unknown>;
  const labels = { ...(meta.labels ?? {}) };
  const annotations = { ...(meta.annotations ?? {}) };
  const finalizers = [...(meta.finalizers ?? [])];
  if (!finalizers.includes(JOB_TRACKING_FINALIZER)) finalizers.push(JOB_TRACKING_FINALIZER);
  const name = job.metadata.name ?? '';
  let generateName = `${name}-`;
  if (index !== undefined) {
    spec.initContainers = withIndexEnv(spec.initContainers);
    spec.containers = withIndexEnv(spec.containers);
    if (spec.initContainers === undefined) delete spec.initContainers;
    annotations[JOB_COMPLETION_INDEX] = String(index);
    labels[JOB_COMPLETION_INDEX] = String(index);
    spec.hostname = `${name}-${index}`;
    generateName = generateNameWithIndex(name, index);
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName,
      namespace: job.metadata.namespace ?? '',
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
      finalizers,
      ownerReferences: [controllerRefFor(job)],
    },
    spec,
  };
}
