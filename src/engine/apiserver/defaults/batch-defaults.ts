/**
 * batch/v1 defaults (pkg/apis/batch/v1/defaults.go). JobPodReplacementPolicy is GA in
 * v1.34, so podReplacementPolicy is always filled in; manualSelector defaults to false.
 */
import type { Obj } from './json.ts';
import { child, children, defaultPointer, defaultString, ensureChild, isEmptyMap, isUnset } from './json.ts';
import { defaultPodTemplateSpec } from './pod-defaults.ts';

const MAX_INT32 = 2147483647;

export function defaultJob(job: Obj): void {
  const spec = ensureChild(job, 'spec');
  if (isUnset(spec.completions) && isUnset(spec.parallelism)) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  defaultPointer(spec, 'parallelism', 1);
  defaultPointer(spec, 'backoffLimit', isUnset(spec.backoffLimitPerIndex) ? 6 : MAX_INT32);
  const template = ensureChild(spec, 'template');
  const templateLabels = child(child(template, 'metadata') ?? {}, 'labels');
  const metadata = ensureChild(job, 'metadata');
  if (!isEmptyMap(templateLabels) && isEmptyMap(metadata.labels)) metadata.labels = { ...templateLabels };
  defaultPointer(spec, 'completionMode', 'NonIndexed');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(
    spec,
    'podReplacementPolicy',
    isUnset(spec.podFailurePolicy) ? 'TerminatingOrFailed' : 'Failed',
  );
  defaultPointer(spec, 'manualSelector', false);
  defaultPodFailurePolicy(spec);
  defaultPodTemplateSpec(template);
}

export function defaultCronJob(cronJob: Obj): void {
  const spec = ensureChild(cronJob, 'spec');
  defaultString(spec, 'concurrencyPolicy', 'Allow');
  defaultPointer(spec, 'suspend', false);
  defaultPointer(spec, 'successfulJobsHistoryLimit', 3);
  defaultPointer(spec, 'failedJobsHistoryLimit', 1);
  // The Job template only gets the struct-level defaults; SetDefaults_Job runs when the Job is created.
  const jobSpec = ensureChild(ensureChild(spec, 'jobTemplate'), 'spec');
  defaultPodFailurePolicy(jobSpec);
  defaultPodTemplateSpec(ensureChild(jobSpec, 'template'));
}

function defaultPodFailurePolicy(jobSpec: Obj): void {
  for (const rule of children(child(jobSpec, 'podFailurePolicy') ?? {}, 'rules')) {
    for (const pattern of children(rule, 'onPodConditions')) defaultString(pattern, 'status', 'True');
  }
}
