/**
 * apps/v1 StatefulSets and ControllerRevisions. StatefulSet templates only get their
 * metadata checked (the pod spec check is still a TODO upstream), and an update may only
 * touch the fields listed in the Forbidden message.
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSLabel, nameIsDNSSubdomain } from '../../validation/generic.ts';
import { validateAnnotations, validateImmutableField, validateLabels } from '../../validation/object-meta.ts';
import { clone, deepEqual, isObj, num, objOr, str, strMap } from './access.ts';
import { forbidden, invalid, notSupported, required, validateNonnegative } from './errors.ts';
import { collisionNotDecremented, counterMsg, spec, strategyValue } from './apps.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { validatePodSpecificAnnotations } from './pod-template.ts';
import { named } from './values.ts';
import {
  intOrPercentValue,
  isNotMoreThan100Percent,
  templateLabelsMismatch,
  validatePositiveIntOrPercent,
  validateWorkloadSelector,
} from './workload-template.ts';

type Obj = Record<string, unknown>;

function validateStatefulSetSpec(s: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const policy = str(s.podManagementPolicy);
  if (policy === '') errs.push(required('spec.podManagementPolicy'));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel') {
    errs.push(invalid('spec.podManagementPolicy', named(policy), "must be 'OrderedReady' or 'Parallel'"));
  }
  const strategy = objOr(s.updateStrategy);
  const type = str(strategy.type);
  if (type === '') errs.push(required('spec.updateStrategy'));
  else if (type === 'OnDelete') {
    if (isObj(strategy.rollingUpdate)) {
      errs.push(
        invalid(
          'spec.updateStrategy.rollingUpdate',
          strategy.rollingUpdate,
          "only allowed for updateStrategy 'RollingUpdate'",
        ),
      );
    }
  } else if (type === 'RollingUpdate') {
    if (isObj(strategy.rollingUpdate)) {
      const ru = strategy.rollingUpdate;
      const p = 'spec.updateStrategy.rollingUpdate';
      errs.push(...validateNonnegative(num(ru.partition), `${p}.partition`));
      if (ru.maxUnavailable !== undefined && ru.maxUnavailable !== null) {
        errs.push(...validatePositiveIntOrPercent(ru.maxUnavailable, `${p}.maxUnavailable`));
        if (intOrPercentValue(ru.maxUnavailable) === 0)
          errs.push(invalid(`${p}.maxUnavailable`, ru.maxUnavailable, 'cannot be 0'));
        errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, `${p}.maxUnavailable`));
      }
    }
  } else {
    errs.push(
      invalid('spec.updateStrategy', strategyValue(strategy), "must be 'RollingUpdate' or 'OnDelete'"),
    );
  }
  const retention = s.persistentVolumeClaimRetentionPolicy;
  if (isObj(retention)) {
    for (const f of ['whenDeleted', 'whenScaled']) {
      const v = str(retention[f]);
      if (v !== 'Retain' && v !== 'Delete') {
        errs.push(
          notSupported(`spec.persistentVolumeClaimRetentionPolicy.${f}`, named(v), ['Retain', 'Delete']),
        );
      }
    }
  }
  errs.push(...validateNonnegative(num(s.replicas), 'spec.replicas'));
  errs.push(...validateNonnegative(num(s.minReadySeconds), 'spec.minReadySeconds'));
  if (isObj(s.ordinals)) errs.push(...validateNonnegative(num(s.ordinals.start), 'spec.ordinals.start'));
  const { errs: selErrs, selector } = validateWorkloadSelector(
    s.selector,
    'spec.selector',
    'statefulset',
    '',
  );
  errs.push(...selErrs);
  if (selector) {
    // StatefulSet templates only get their metadata checked (the pod spec check is a TODO upstream).
    const template = objOr(s.template);
    const meta = objOr(template.metadata);
    errs.push(...templateLabelsMismatch(selector, template, 'spec.template'));
    errs.push(...validateLabels(strMap(meta.labels), 'spec.template.labels'));
    errs.push(...validateAnnotations(strMap(meta.annotations), 'spec.template.annotations'));
    errs.push(
      ...validatePodSpecificAnnotations(
        strMap(meta.annotations),
        objOr(template.spec),
        'spec.template.annotations',
      ),
    );
  }
  const podSpec = objOr(objOr(s.template).spec);
  const restart = str(podSpec.restartPolicy);
  if (restart !== 'Always')
    errs.push(notSupported('spec.template.spec.restartPolicy', named(restart), ['Always']));
  if (podSpec.activeDeadlineSeconds !== undefined && podSpec.activeDeadlineSeconds !== null) {
    errs.push(
      forbidden(
        'spec.template.spec.activeDeadlineSeconds',
        'activeDeadlineSeconds in StatefulSet is not Supported',
      ),
    );
  }
  return errs;
}

export function validateStatefulSet(sts: KubeObject): FieldError[] {
  return [...validateMeta(sts.metadata, true, nameIsDNSLabel), ...validateStatefulSetSpec(spec(sts))];
}

const statefulSetMutable = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'revisionHistoryLimit',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
];

export function validateStatefulSetUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = [...validateMetaUpdate(next.metadata, old.metadata), ...validateStatefulSetSpec(spec(next))];
  const a = clone(spec(next));
  const b = spec(old);
  for (const f of statefulSetMutable) a[f] = b[f];
  if (!deepEqual(a, b)) {
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  }
  return errs;
}

export function validateStatefulSetStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const s = objOr(next.status);
  for (const f of ['replicas', 'readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas']) {
    errs.push(...validateNonnegative(num(s[f]), `status.${f}`));
  }
  if (typeof s.observedGeneration === 'number')
    errs.push(...validateNonnegative(s.observedGeneration, 'status.observedGeneration'));
  if (typeof s.collisionCount === 'number')
    errs.push(...validateNonnegative(s.collisionCount, 'status.collisionCount'));
  const replicas = num(s.replicas);
  for (const f of ['readyReplicas', 'currentReplicas', 'updatedReplicas', 'availableReplicas']) {
    if (num(s[f]) > replicas) errs.push(invalid(`status.${f}`, num(s[f]), counterMsg));
  }
  if (num(s.availableReplicas) > num(s.readyReplicas)) {
    errs.push(
      invalid(
        'status.availableReplicas',
        num(s.availableReplicas),
        'cannot be greater than status.readyReplicas',
      ),
    );
  }
  errs.push(...validateMetaUpdate(next.metadata, old.metadata));
  errs.push(...collisionNotDecremented(s, objOr(old.status)));
  return errs;
}

export function validateControllerRevision(rev: KubeObject): FieldError[] {
  const errs = validateMeta(rev.metadata, true, nameIsDNSSubdomain);
  if (rev.data === undefined || rev.data === null) errs.push(required('data', 'data is mandatory'));
  errs.push(...validateNonnegative(num(rev.revision), 'revision'));
  return errs;
}

export function validateControllerRevisionUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateMetaUpdate(next.metadata, old.metadata),
    ...validateControllerRevision(next),
    ...validateImmutableField(next.data ?? null, old.data ?? null, 'data'),
  ];
}
