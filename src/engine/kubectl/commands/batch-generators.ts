/**
 * `kubectl create cronjob` and `kubectl create job [--from=cronjob/NAME]` (kubectl's
 * create_cronjob.go and create_job.go): the objects they build and the errors they give
 * before asking the server.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Generated } from './config-generators.ts';

const exactlyOneName = (command: string, got: number) => ({
  error: `error: exactly one NAME is required, got ${got}\nSee 'kubectl create ${command} -h' for help and examples`,
});

/** `--image` is a plain string flag for these commands: the last one given wins. */
const lastOf = (values: readonly string[]) => values[values.length - 1] ?? '';

export interface CronJobFlags {
  readonly images: readonly string[];
  readonly schedule: string;
  readonly restart: string;
}

/** create_cronjob.go: a CronJob whose one container is named after it; restart defaults to OnFailure. */
export function cronJobFor(args: readonly string[], flags: CronJobFlags): Generated {
  // cobra checks required flags (in name order) before the command looks at its arguments.
  const missing = [flags.images.length === 0 ? '"image"' : '', flags.schedule === '' ? '"schedule"' : '']
    .filter((m) => m !== '')
    .join(', ');
  if (missing) return { error: `error: required flag(s) ${missing} not set` };
  const [name, ...command] = args;
  if (name === undefined) return exactlyOneName('cronjob', 0);
  const container = {
    name,
    image: lastOf(flags.images),
    ...(command.length > 0 ? { command } : {}),
    resources: {},
  };
  return {
    object: {
      apiVersion: 'batch/v1',
      kind: 'CronJob',
      metadata: { name },
      spec: {
        schedule: flags.schedule,
        jobTemplate: {
          metadata: { name },
          spec: {
            template: {
              metadata: {},
              spec: { containers: [container], restartPolicy: flags.restart || 'OnFailure' },
            },
          },
        },
      },
      status: {},
    } as KubeObject,
  };
}

export interface JobFlags {
  readonly images: readonly string[];
  readonly from: string;
  /** The CronJob `--from` names, read from the server; a string is kubectl's error. */
  readonly readCronJob: (name: string) => KubeObject | string;
}

/** `--from` as kubectl's builder reads it: `cronjob/NAME` (any alias of the resource). */
function cronJobName(from: string): string | undefined {
  const slash = from.indexOf('/');
  const kind = from.slice(0, slash).toLowerCase();
  const known = ['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'];
  return slash > 0 && known.includes(kind) ? from.slice(slash + 1) : undefined;
}

/** create_job.go: either a one-container Job that never restarts, or a copy of a CronJob's template. */
export function jobFor(args: readonly string[], flags: JobFlags): Generated {
  const [name, ...command] = args;
  if (name === undefined) return exactlyOneName('job', 0);
  const image = lastOf(flags.images);
  if ((image === '') === (flags.from === ''))
    return { error: 'error: either --image or --from must be specified' };
  if (command.length > 0 && flags.from !== '') return { error: 'error: cannot specify --from and command' };
  if (image !== '') {
    const container = { name, image, ...(command.length > 0 ? { command } : {}), resources: {} };
    return {
      object: {
        apiVersion: 'batch/v1',
        kind: 'Job',
        metadata: { name },
        spec: { template: { metadata: {}, spec: { containers: [container], restartPolicy: 'Never' } } },
        status: {},
      } as KubeObject,
    };
  }
  const source = cronJobName(flags.from);
  if (source === undefined) return { error: 'error: from must be an existing cronjob' };
  const cronJob = flags.readCronJob(source);
  if (typeof cronJob === 'string') return { error: cronJob };
  const template = ((cronJob.spec as { jobTemplate?: KubeObject } | undefined)?.jobTemplate ?? {}) as {
    metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
    spec?: unknown;
  };
  const labels = template.metadata?.labels;
  return {
    object: {
      apiVersion: 'batch/v1',
      kind: 'Job',
      metadata: {
        name,
        annotations: {
          'cronjob.kubernetes.io/instantiate': 'manual',
          ...(template.metadata?.annotations ?? {}),
        },
        ...(labels ? { labels } : {}),
        ownerReferences: [
          {
            apiVersion: 'batch/v1',
            kind: 'CronJob',
            name: cronJob.metadata.name ?? source,
            uid: cronJob.metadata.uid ?? '',
            controller: true,
          },
        ],
      },
      spec: template.spec ?? {},
      status: {},
    } as KubeObject,
  };
}
