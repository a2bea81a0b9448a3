/**
 * apps/v1 Deployments, ReplicaSets and DaemonSets (pkg/apis/apps/validation and the apps
 * registry strategies, which add selector immutability for apps/v1).
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { child, deepEqual, isObj, num, objOr, str, strMap } from './access.ts';
import {
  fieldImmutableErrorMsg,
  forbidden,
  invalid,
  notSupported,
  required,
  validateNonnegative,
} from './errors.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { validatePodTemplateSpec } from './pod-template.ts';
import {
  labelSelectorAsSelector,
  selectorIsEmpty,
  selectorMatches,
  selectorValue,
  validateLabelSelector,
} from './selector.ts';
import { goStruct, named } from './values.ts';
import {
  intOrPercentValue,
  isNotMoreThan100Percent,
  validateAlwaysRestartTemplate,
  validatePositiveIntOrPercent,
  validateTemplateForReplicaSet,
  validateWorkloadSelector,
} from './workload-template.ts';

type Obj = Record<string, unknown>;

export function spec(o: KubeObject): Obj {
  return objOr(o.spec);
}

export function strategyValue(strategy: Obj): unknown {
  return goStruct(['Type', named(str(strategy.type))], ['RollingUpdate', strategy.rollingUpdate ?? null]);
}

function validateDeploymentStrategy(strategy: Obj, path: string): FieldError[] {
  const type = str(strategy.type);
  if (type === 'Recreate') {
    return isObj(strategy.rollingUpdate)
      ? [forbidden(child(path, 'rollingUpdate'), "may not be specified when strategy `type` is 'Recreate'")]
      : [];
  }
  if (type !== 'RollingUpdate')
    return [notSupported(path, strategyValue(strategy), ['Recreate', 'RollingUpdate'])];
  if (!isObj(strategy.rollingUpdate))
    return [required(child(path, 'rollingUpdate'), 'this should be defaulted and never be nil')];
  const ru = strategy.rollingUpdate;
  const p = child(path, 'rollingUpdate');
  const errs = validatePositiveIntOrPercent(ru.maxUnavailable, child(p, 'maxUnavailable'));
  errs.push(...validatePositiveIntOrPercent(ru.maxSurge, child(p, 'maxSurge')));
  if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
    errs.push(
      invalid(child(p, 'maxUnavailable'), ru.maxUnavailable ?? 0, 'may not be 0 when `maxSurge` is 0'),
    );
  }
  errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, child(p, 'maxUnavailable')));
  return errs;
}

function validateDeploymentSpec(s: Obj): FieldError[] {
  const errs = validateNonnegative(num(s.replicas), 'spec.replicas');
  const { errs: selErrs, selector } = validateWorkloadSelector(
    s.selector,
    'spec.selector',
    'deployment',
    'invalid label selector',
  );
  errs.push(...selErrs);
  if (selector)
    errs.push(...validateTemplateForReplicaSet(selector, s.template, 'spec.template', 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(objOr(s.strategy), 'spec.strategy'));
  errs.push(...validateNonnegative(num(s.minReadySeconds), 'spec.minReadySeconds'));
  if (typeof s.revisionHistoryLimit === 'number')
    errs.push(...validateNonnegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  if (isObj(s.rollbackTo))
    errs.push(...validateNonnegative(num(s.rollbackTo.revision), 'spec.rollback.version'));
  if (typeof s.progressDeadlineSeconds === 'number') {
    errs.push(...validateNonnegative(s.progressDeadlineSeconds, 'spec.progressDeadlineSeconds'));
    if (s.progressDeadlineSeconds <= num(s.minReadySeconds)) {
      errs.push(
        invalid(
          'spec.progressDeadlineSeconds',
          s.progressDeadlineSeconds,
          'must be greater than minReadySeconds',
        ),
      );
    }
  }
  return errs;
}

export function validateDeployment(d: KubeObject): FieldError[] {
  return [...validateMeta(d.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(spec(d))];
}

function selectorImmutable(next: KubeObject, old: KubeObject): FieldError[] {
  const a = spec(next).selector;
  const b = spec(old).selector;
  return deepEqual(a, b) ? [] : [invalid('spec.selector', selectorValue(a), fieldImmutableErrorMsg)];
}

export function validateDeploymentUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateMetaUpdate(next.metadata, old.metadata),
    ...validateDeploymentSpec(spec(next)),
    ...selectorImmutable(next, old),
  ];
}

export const counterMsg = 'cannot be greater than status.replicas';

export function validateDeploymentStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  const s = objOr(next.status);
  for (const f of [
    'observedGeneration',
    'replicas',
    'updatedReplicas',
    'readyReplicas',
    'availableReplicas',
    'unavailableReplicas',
  ]) {
    errs.push(...validateNonnegative(num(s[f]), `status.${f}`));
  }
  if (typeof s.collisionCount === 'number')
    errs.push(...validateNonnegative(s.collisionCount, 'status.collisionCount'));
  const replicas = num(s.replicas);
  for (const f of ['updatedReplicas', 'readyReplicas', 'availableReplicas']) {
    if (num(s[f]) > replicas) errs.push(invalid(`status.${f}`, num(s[f]), counterMsg));
  }
  if (num(s.availableReplicas) > num(s.readyReplicas)) {
    errs.push(
      invalid('status.availableReplicas', num(s.availableReplicas), 'cannot be greater than readyReplicas'),
    );
  }
  errs.push(...collisionNotDecremented(s, objOr(old.status)));
  return errs;
}

export function collisionNotDecremented(s: Obj, old: Obj): FieldError[] {
  const a = s.collisionCount;
  const b = old.collisionCount;
  const decremented = typeof b === 'number' && (typeof a !== 'number' || a < b);
  return decremented
    ? [invalid('status.collisionCount', typeof a === 'number' ? a : 0, 'cannot be decremented')]
    : [];
}

function validateReplicaSetSpec(s: Obj): FieldError[] {
  const errs = validateNonnegative(num(s.replicas), 'spec.replicas');
  errs.push(...validateNonnegative(num(s.minReadySeconds), 'spec.minReadySeconds'));
  const { errs: selErrs, selector } = validateWorkloadSelector(
    s.selector,
    'spec.selector',
    'deployment',
    'invalid label selector',
  );
  errs.push(...selErrs);
  if (selector)
    errs.push(...validateTemplateForReplicaSet(selector, s.template, 'spec.template', 'ReplicaSet'));
  return errs;
}

export function validateReplicaSet(rs: KubeObject): FieldError[] {
  return [...validateMeta(rs.metadata, true, nameIsDNSSubdomain), ...validateReplicaSetSpec(spec(rs))];
}

export function validateReplicaSetUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateMetaUpdate(next.metadata, old.metadata),
    ...validateReplicaSetSpec(spec(next)),
    ...selectorImmutable(next, old),
  ];
}

export function validateReplicaSetStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  const s = objOr(next.status);
  for (const f of [
    'replicas',
    'fullyLabeledReplicas',
    'readyReplicas',
    'availableReplicas',
    'observedGeneration',
  ]) {
    errs.push(...validateNonnegative(num(s[f]), `status.${f}`));
  }
  const replicas = num(s.replicas);
  for (const f of ['fullyLabeledReplicas', 'readyReplicas', 'availableReplicas']) {
    if (num(s[f]) > replicas) errs.push(invalid(`status.${f}`, num(s[f]), counterMsg));
  }
  if (num(s.availableReplicas) > num(s.readyReplicas)) {
    errs.push(
      invalid('status.availableReplicas', num(s.availableReplicas), 'cannot be greater than readyReplicas'),
    );
  }
  return errs;
}

function validateDaemonSetSpec(s: Obj): FieldError[] {
  const errs = validateLabelSelector(s.selector, {}, 'spec.selector');
  const selector = labelSelectorAsSelector(s.selector);
  if (selector && !selectorMatches(selector, strMap(objOr(objOr(s.template).metadata).labels))) {
    errs.push(
      invalid(
        'spec.template.metadata.labels',
        strMap(objOr(objOr(s.template).metadata).labels),
        '`selector` does not match template `labels`',
      ),
    );
  }
  if (isObj(s.selector) && selector && selectorIsEmpty(selector)) {
    errs.push(invalid('spec.selector', selectorValue(s.selector), 'empty selector is invalid for daemonset'));
  }
  errs.push(...validatePodTemplateSpec(s.template, 'spec.template'));
  errs.push(...validateAlwaysRestartTemplate(s.template, 'spec.template', 'DaemonSet'));
  errs.push(...validateNonnegative(num(s.minReadySeconds), 'spec.minReadySeconds'));
  const strategy = objOr(s.updateStrategy);
  const type = str(strategy.type);
  if (type === 'RollingUpdate') {
    if (!isObj(strategy.rollingUpdate)) errs.push(required('spec.updateStrategy.rollingUpdate'));
    else {
      const ru = strategy.rollingUpdate;
      const p = 'spec.updateStrategy.rollingUpdate';
      errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...validatePositiveIntOrPercent(ru.maxSurge, `${p}.maxSurge`));
      errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      errs.push(...isNotMoreThan100Percent(ru.maxSurge, `${p}.maxSurge`));
      const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
      const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
      if (hasUnavailable && hasSurge)
        errs.push(
          invalid(`${p}.maxSurge`, ru.maxSurge ?? 0, 'may not be set when maxUnavailable is non-zero'),
        );
      if (!hasUnavailable && !hasSurge)
        errs.push(required(`${p}.maxUnavailable`, 'cannot be 0 when maxSurge is 0'));
    }
  } else if (type !== 'OnDelete') {
    errs.push(notSupported('spec.updateStrategy', strategyValue(strategy), ['RollingUpdate', 'OnDelete']));
  }
  if (typeof s.revisionHistoryLimit === 'number')
    errs.push(...validateNonnegative(s.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
  return errs;
}

export function validateDaemonSet(ds: KubeObject): FieldError[] {
  return [...validateMeta(ds.metadata, true, nameIsDNSSubdomain), ...validateDaemonSetSpec(spec(ds))];
}

export function validateDaemonSetUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateMetaUpdate(next.metadata, old.metadata),
    ...validateDaemonSetSpec(spec(next)),
    ...selectorImmutable(next, old),
  ];
}

export function validateDaemonSetStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  const s = objOr(next.status);
  for (const f of [
    'currentNumberScheduled',
    'numberMisscheduled',
    'desiredNumberScheduled',
    'numberReady',
    'observedGeneration',
    'updatedNumberScheduled',
    'numberAvailable',
    'numberUnavailable',
  ]) {
    errs.push(...validateNonnegative(num(s[f]), `status.${f}`));
  }
  if (typeof s.collisionCount === 'number')
    errs.push(...validateNonnegative(s.collisionCount, 'status.collisionCount'));
  errs.push(...collisionNotDecremented(s, objOr(old.status)));
  return errs;
}
