/**
 * batch/v1 Jobs and CronJobs (pkg/apis/batch/validation and the job registry strategy).
 * Job create validation expects what the strategy's PrepareForCreate leaves behind: a
 * metadata.uid and, unless manualSelector is true, the generated selector and pod labels.
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { isDNS1123Label } from '../../validation/names.ts';
import { validateImmutableField } from '../../validation/object-meta.ts';
import { child, clone, deepEqual, isObj, num, objOr, str, strMap } from './access.ts';
import {
  fieldImmutableErrorMsg,
  invalid,
  notSupported,
  required,
  tooLong,
  validateNonnegative,
} from './errors.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { isDomainPrefixedPath } from './names-extra.ts';
import { validatePodTemplateSpec } from './pod-template.ts';
import {
  labelSelectorAsSelector,
  selectorMatches,
  selectorValue,
  validateLabelSelector,
} from './selector.ts';
import { named } from './values.ts';
import { validatePodFailurePolicy, validateSuccessPolicy } from './job-policies.ts';

type Obj = Record<string, unknown>;

const maxParallelismForIndexedJob = 100000;
const maxFailedIndexesForIndexedJob = 100000;
const completionsSoftLimit = 100000;

function validateHasLabel(meta: Obj, path: string, key: string, expected: string): FieldError[] {
  const labels = strMap(meta.labels);
  if (!(key in labels)) return [required(`${child(path, 'labels')}[${key}]`, `must be '${expected}'`)];
  if (labels[key] !== expected)
    return [invalid(`${child(path, 'labels')}[${key}]`, labels, `must be '${expected}'`)];
  return [];
}

function validateGeneratedSelector(job: KubeObject, prefixedLabels: boolean): FieldError[] {
  const s = objOr(job.spec);
  if (s.manualSelector === true || !isObj(s.selector)) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata.uid ?? '';
  const name = job.metadata.name ?? '';
  if (uid === '') errs.push(required('metadata.uid'));
  const meta = objOr(objOr(s.template).metadata);
  const path = 'spec.template.metadata';
  errs.push(...validateHasLabel(meta, path, 'controller-uid', uid));
  errs.push(...validateHasLabel(meta, path, 'job-name', name));
  const expected: Record<string, string> = {};
  if (prefixedLabels) {
    errs.push(...validateHasLabel(meta, path, 'batch.kubernetes.io/controller-uid', uid));
    errs.push(...validateHasLabel(meta, path, 'batch.kubernetes.io/job-name', name));
    expected['batch.kubernetes.io/controller-uid'] = uid;
    expected['batch.kubernetes.io/job-name'] = name;
  }
  expected['controller-uid'] = uid;
  expected['job-name'] = name;
  const selector = labelSelectorAsSelector(s.selector);
  if (selector && !selectorMatches(selector, expected)) {
    errs.push(invalid('spec.selector', selectorValue(s.selector), '`selector` not auto-generated'));
  }
  return errs;
}

/** validateJobSpec: everything but the selector. */
export function validateJobSpecBody(s: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of [
    'parallelism',
    'completions',
    'activeDeadlineSeconds',
    'backoffLimit',
    'ttlSecondsAfterFinished',
    'backoffLimitPerIndex',
  ]) {
    if (typeof s[f] === 'number') errs.push(...validateNonnegative(s[f] as number, child(path, f)));
  }
  if (typeof s.maxFailedIndexes === 'number') {
    errs.push(...validateNonnegative(s.maxFailedIndexes, child(path, 'maxFailedIndexes')));
    if (typeof s.backoffLimitPerIndex !== 'number')
      errs.push(required(child(path, 'backoffLimitPerIndex'), 'when maxFailedIndexes is specified'));
  }
  if (typeof s.managedBy === 'string') {
    errs.push(...isDomainPrefixedPath(child(path, 'managedBy'), s.managedBy));
    if (s.managedBy.length > 63) errs.push(tooLong(child(path, 'managedBy'), 63));
  }
  const mode = typeof s.completionMode === 'string' ? s.completionMode : undefined;
  if (mode !== undefined) {
    if (mode !== 'NonIndexed' && mode !== 'Indexed') {
      errs.push(notSupported(child(path, 'completionMode'), named(mode), ['NonIndexed', 'Indexed']));
    }
    if (mode === 'Indexed') {
      if (typeof s.completions !== 'number')
        errs.push(required(child(path, 'completions'), 'when completion mode is Indexed'));
      if (typeof s.parallelism === 'number' && s.parallelism > maxParallelismForIndexedJob) {
        errs.push(
          invalid(
            child(path, 'parallelism'),
            s.parallelism,
            `must be less than or equal to ${maxParallelismForIndexedJob} when completion mode is Indexed`,
          ),
        );
      }
      if (
        typeof s.completions === 'number' &&
        typeof s.maxFailedIndexes === 'number' &&
        s.maxFailedIndexes > s.completions
      ) {
        errs.push(
          invalid(
            child(path, 'maxFailedIndexes'),
            s.maxFailedIndexes,
            'must be less than or equal to completions',
          ),
        );
      }
      if (typeof s.maxFailedIndexes === 'number' && s.maxFailedIndexes > maxFailedIndexesForIndexedJob) {
        errs.push(
          invalid(
            child(path, 'maxFailedIndexes'),
            s.maxFailedIndexes,
            `must be less than or equal to ${maxFailedIndexesForIndexedJob}`,
          ),
        );
      }
      if (
        typeof s.completions === 'number' &&
        s.completions > completionsSoftLimit &&
        typeof s.backoffLimitPerIndex === 'number'
      ) {
        if (typeof s.maxFailedIndexes !== 'number') {
          errs.push(
            required(
              child(path, 'maxFailedIndexes'),
              `must be specified when completions is above ${completionsSoftLimit}`,
            ),
          );
        }
      }
    }
  }
  if (mode === undefined || mode === 'NonIndexed') {
    if (typeof s.backoffLimitPerIndex === 'number') {
      errs.push(
        invalid(
          child(path, 'backoffLimitPerIndex'),
          s.backoffLimitPerIndex,
          'requires indexed completion mode',
        ),
      );
    }
    if (typeof s.maxFailedIndexes === 'number') {
      errs.push(
        invalid(child(path, 'maxFailedIndexes'), s.maxFailedIndexes, 'requires indexed completion mode'),
      );
    }
  }
  if (isObj(s.podFailurePolicy)) errs.push(...validatePodFailurePolicy(s, child(path, 'podFailurePolicy')));
  if (isObj(s.successPolicy)) {
    if (mode !== 'Indexed')
      errs.push(invalid(child(path, 'successPolicy'), s.successPolicy, 'requires indexed completion mode'));
    else errs.push(...validateSuccessPolicy(s, child(path, 'successPolicy')));
  }
  if (typeof s.podReplacementPolicy === 'string') {
    const p = s.podReplacementPolicy;
    if (isObj(s.podFailurePolicy)) {
      if (p !== 'Failed') errs.push(notSupported(child(path, 'podReplacementPolicy'), named(p), ['Failed']));
    } else if (p !== 'Failed' && p !== 'TerminatingOrFailed') {
      errs.push(
        notSupported(child(path, 'podReplacementPolicy'), named(p), ['Failed', 'TerminatingOrFailed']),
      );
    }
  }
  errs.push(...validatePodTemplateSpec(s.template, child(path, 'template')));
  const restart = str(objOr(objOr(s.template).spec).restartPolicy);
  const restartPath = child(path, 'template', 'spec', 'restartPolicy');
  if (restart === 'Always' || restart === '')
    errs.push(required(restartPath, 'valid values: "OnFailure", "Never"'));
  else if (restart !== 'OnFailure' && restart !== 'Never')
    errs.push(notSupported(restartPath, named(restart), ['OnFailure', 'Never']));
  else if (isObj(s.podFailurePolicy) && restart !== 'Never') {
    errs.push(
      invalid(restartPath, named(restart), 'only "Never" is supported when podFailurePolicy is specified'),
    );
  }
  return errs;
}

function validateJobSpec(s: Obj): FieldError[] {
  const errs = validateJobSpecBody(s, 'spec');
  if (!isObj(s.selector)) errs.push(required('spec.selector'));
  else errs.push(...validateLabelSelector(s.selector, {}, 'spec.selector'));
  const selector = isObj(s.selector) ? labelSelectorAsSelector(s.selector) : undefined;
  const labels = strMap(objOr(objOr(s.template).metadata).labels);
  if (selector && !selectorMatches(selector, labels)) {
    errs.push(
      invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'),
    );
  }
  return errs;
}

function validateJobWith(job: KubeObject, prefixedLabels: boolean): FieldError[] {
  const s = objOr(job.spec);
  const errs = validateMeta(job.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateGeneratedSelector(job, prefixedLabels));
  errs.push(...validateJobSpec(s));
  if (s.completionMode === 'Indexed' && typeof s.completions === 'number' && s.completions > 0) {
    const hostname = `${job.metadata.name ?? ''}-${s.completions - 1}`;
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(
        invalid(
          'metadata.name',
          job.metadata.name ?? '',
          `will not able to create pod with invalid DNS label: ${hostname}`,
        ),
      );
    }
  }
  return errs;
}

export function validateJob(job: KubeObject): FieldError[] {
  return validateJobWith(job, true);
}

export function validateJobUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const oldLabels = strMap(objOr(objOr(objOr(old.spec).template).metadata).labels);
  const prefixed =
    'batch.kubernetes.io/job-name' in oldLabels && 'batch.kubernetes.io/controller-uid' in oldLabels;
  const errs = validateJobWith(next, prefixed);
  errs.push(...validateMetaUpdate(next.metadata, old.metadata));
  const s = objOr(next.spec);
  const o = objOr(old.spec);
  errs.push(...validateJobSpec(s));
  const indexed = s.completionMode === 'Indexed';
  if (!indexed)
    errs.push(...validateImmutableField(s.completions ?? null, o.completions ?? null, 'spec.completions'));
  else if (
    !deepEqual(s.completions, o.completions) &&
    typeof s.completions === 'number' &&
    s.completions !== s.parallelism
  ) {
    errs.push(
      invalid('spec.completions', s.completions, 'can only be modified in tandem with spec.parallelism'),
    );
  }
  if (!deepEqual(s.selector, o.selector))
    errs.push(invalid('spec.selector', selectorValue(s.selector), fieldImmutableErrorMsg));
  const suspendedNotStarted = o.suspend === true && objOr(old.status).startTime === undefined;
  const template = clone(objOr(s.template));
  const oldTemplate = clone(objOr(o.template));
  if (suspendedNotStarted) {
    const tSpec = objOr(template.spec);
    const oSpec = objOr(oldTemplate.spec);
    oSpec.nodeSelector = tSpec.nodeSelector;
    oSpec.tolerations = tSpec.tolerations;
    oSpec.schedulingGates = tSpec.schedulingGates;
    oSpec.affinity =
      isObj(tSpec.affinity) || isObj(oSpec.affinity)
        ? { ...objOr(oSpec.affinity), nodeAffinity: objOr(tSpec.affinity).nodeAffinity }
        : undefined;
    oldTemplate.spec = oSpec;
    const oMeta = objOr(oldTemplate.metadata);
    oMeta.labels = objOr(template.metadata).labels;
    oMeta.annotations = objOr(template.metadata).annotations;
    oldTemplate.metadata = oMeta;
  }
  if (!deepEqual(template, oldTemplate))
    errs.push(invalid('spec.template', template, fieldImmutableErrorMsg));
  for (const f of [
    'completionMode',
    'podFailurePolicy',
    'backoffLimitPerIndex',
    'managedBy',
    'successPolicy',
  ]) {
    errs.push(...validateImmutableField(s[f] ?? null, o[f] ?? null, `spec.${f}`));
  }
  return errs;
}

export function validateJobStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  const status = objOr(next.status);
  for (const f of ['active', 'succeeded', 'failed'])
    errs.push(...validateNonnegative(num(status[f]), `status.${f}`));
  for (const f of ['ready', 'terminating']) {
    if (typeof status[f] === 'number') errs.push(...validateNonnegative(status[f] as number, `status.${f}`));
  }
  return errs;
}
