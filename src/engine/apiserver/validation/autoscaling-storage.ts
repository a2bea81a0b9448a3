/**
 * autoscaling (HorizontalPodAutoscaler, v2 shape; v1 objects are checked on their v1 fields)
 * and storage.k8s.io (StorageClass, CSIDriver, CSINode, VolumeAttachment).
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { child, deepEqual, index, isObj, num, objArr, objOr, str } from './access.ts';
import { forbidden, invalid, notSupported, required, tooLong, validateNonnegative } from './errors.ts';
import { validateQualifiedName } from './core-names.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { isValidPathSegmentName } from './names-extra.ts';
import { parseQuantity } from './quantity.ts';
import { named } from './values.ts';

type Obj = Record<string, unknown>;

function validateReference(ref: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of ['kind', 'name']) {
    const v = str(ref[f]);
    if (v === '') errs.push(required(child(path, f)));
    else for (const msg of isValidPathSegmentName(v)) errs.push(invalid(child(path, f), v, msg));
  }
  return errs;
}

const metricTypes = ['ContainerResource', 'External', 'Object', 'Pods', 'Resource'];

function validateTarget(target: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(target.type);
  if (type === '') errs.push(required(child(path, 'type'), 'must specify a metric target type'));
  else if (!['Utilization', 'Value', 'AverageValue'].includes(type)) {
    errs.push(notSupported(child(path, 'type'), named(type), ['AverageValue', 'Utilization', 'Value']));
  }
  for (const f of ['value', 'averageValue']) {
    const q = parseQuantity(target[f]);
    if (q && q.mantissa <= 0n) errs.push(invalid(child(path, f), target[f], 'must be positive'));
  }
  if (typeof target.averageUtilization === 'number' && target.averageUtilization < 1) {
    errs.push(
      invalid(child(path, 'averageUtilization'), target.averageUtilization, 'must be greater than 0'),
    );
  }
  return errs;
}

function validateMetric(metric: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const type = str(metric.type);
  if (type === '') errs.push(required(child(path, 'type'), 'must specify a metric source type'));
  if (!metricTypes.includes(type)) errs.push(notSupported(child(path, 'type'), named(type), metricTypes));
  const present = ['object', 'pods', 'resource', 'containerResource', 'external'].filter((f) =>
    isObj(metric[f]),
  );
  const expected = type.charAt(0).toLowerCase() + type.slice(1);
  if (!present.includes(expected))
    errs.push(
      required(child(path, type.toLowerCase()), 'must populate information for the given metric source'),
    );
  for (const f of present)
    if (f !== expected) errs.push(forbidden(child(path, f), 'must populate the given metric source only'));
  const source = metric[expected];
  if (isObj(source)) {
    const sp = child(path, expected);
    if (expected === 'resource' || expected === 'containerResource') {
      if (str(source.name) === '') errs.push(required(child(sp, 'name'), 'must specify a resource name'));
      if (expected === 'containerResource' && str(source.container) === '')
        errs.push(required(child(sp, 'container'), 'must specify a container'));
    }
    if (isObj(source.metric) && str(source.metric.name) === '')
      errs.push(required(child(sp, 'metric', 'name'), 'must specify a metric name'));
    if (expected === 'object' && isObj(source.describedObject))
      errs.push(...validateReference(source.describedObject, child(sp, 'describedObject')));
    if (isObj(source.target)) errs.push(...validateTarget(source.target, child(sp, 'target')));
    else errs.push(required(child(sp, 'target'), 'must specify a metric target'));
  }
  return errs;
}

function validateHPASpec(hpa: KubeObject): FieldError[] {
  const spec = objOr(hpa.spec);
  const errs: FieldError[] = [];
  const min = spec.minReplicas;
  const max = num(spec.maxReplicas);
  if (typeof min === 'number' && min < 1)
    errs.push(invalid('spec.minReplicas', min, 'must be greater than or equal to 1'));
  if (max < 1) errs.push(invalid('spec.maxReplicas', max, 'must be greater than 0'));
  if (typeof min === 'number' && max < min)
    errs.push(invalid('spec.maxReplicas', max, 'must be greater than or equal to `minReplicas`'));
  errs.push(...validateReference(objOr(spec.scaleTargetRef), 'spec.scaleTargetRef'));
  objArr(spec.metrics).forEach((m, i) => errs.push(...validateMetric(m, index('spec.metrics', i))));
  if (typeof spec.targetCPUUtilizationPercentage === 'number' && spec.targetCPUUtilizationPercentage < 1) {
    errs.push(
      invalid(
        'spec.targetCPUUtilizationPercentage',
        spec.targetCPUUtilizationPercentage,
        'must be greater than 0',
      ),
    );
  }
  return errs;
}

export function validateHPA(hpa: KubeObject): FieldError[] {
  return [...validateMeta(hpa.metadata, true, nameIsDNSSubdomain), ...validateHPASpec(hpa)];
}

export function validateHPAUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [...validateMetaUpdate(next.metadata, old.metadata), ...validateHPASpec(next)];
}

export function validateHPAStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const status = objOr(next.status);
  return [
    ...validateMetaUpdate(next.metadata, old.metadata),
    ...validateNonnegative(num(status.currentReplicas), 'status.currentReplicas'),
    // The upstream path carries this typo.
    ...validateNonnegative(num(status.desiredReplicas), 'status.desiredReplicasa'),
  ];
}

export function validateStorageClass(sc: KubeObject): FieldError[] {
  const errs = validateMeta(sc.metadata, false, nameIsDNSSubdomain);
  const provisioner = str(sc.provisioner);
  if (provisioner === '') errs.push(required('provisioner'));
  else errs.push(...validateQualifiedName(provisioner.toLowerCase(), 'provisioner'));
  const params = objOr(sc.parameters);
  let size = 0;
  for (const [k, v] of Object.entries(params)) {
    if (k.length < 1) errs.push(invalid('parameters', k, 'field can not be empty.'));
    size += k.length + str(v).length;
  }
  if (Object.keys(params).length > 512) errs.push(tooLong('parameters', 512));
  if (size > 256 * 1024) errs.push(tooLong('parameters', 256 * 1024));
  const reclaim = str(sc.reclaimPolicy);
  if (reclaim !== '' && reclaim !== 'Delete' && reclaim !== 'Retain')
    errs.push(notSupported('reclaimPolicy', named(reclaim), ['Delete', 'Retain']));
  const mode = sc.volumeBindingMode;
  if (typeof mode !== 'string') errs.push(required('volumeBindingMode'));
  else if (mode !== 'Immediate' && mode !== 'WaitForFirstConsumer') {
    errs.push(notSupported('volumeBindingMode', named(mode), ['Immediate', 'WaitForFirstConsumer']));
  }
  return errs;
}

export function validateStorageClassUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  if (!deepEqual(next.parameters ?? {}, old.parameters ?? {}))
    errs.push(forbidden('parameters', 'updates to parameters are forbidden.'));
  if (str(next.provisioner) !== str(old.provisioner))
    errs.push(forbidden('provisioner', 'updates to provisioner are forbidden.'));
  if (str(next.reclaimPolicy) !== str(old.reclaimPolicy))
    errs.push(forbidden('reclaimPolicy', 'updates to reclaimPolicy are forbidden.'));
  if (!deepEqual(next.volumeBindingMode, old.volumeBindingMode)) {
    errs.push(
      invalid(
        'volumeBindingMode',
        typeof next.volumeBindingMode === 'string' ? named(next.volumeBindingMode) : null,
        'field is immutable',
      ),
    );
  }
  errs.push(...validateStorageClass(next));
  return errs;
}

/** CSIDriver, CSINode and VolumeAttachment: metadata plus their required fields. */
export function validateStorageObject(obj: KubeObject): FieldError[] {
  const errs = validateMeta(obj.metadata, false, nameIsDNSSubdomain);
  if (obj.kind === 'VolumeAttachment') {
    const spec = objOr(obj.spec);
    if (str(spec.attacher) === '') errs.push(required('spec.attacher'));
    if (str(spec.nodeName) === '') errs.push(required('spec.nodeName'));
    const source = objOr(spec.source);
    if (source.persistentVolumeName === undefined && source.inlineVolumeSpec === undefined) {
      errs.push(
        required('spec.source', 'must specify exactly one of inlineVolumeSpec and persistentVolumeName'),
      );
    }
  }
  if (obj.kind === 'CSINode') {
    objArr(objOr(obj.spec).drivers).forEach((d, i) => {
      if (str(d.name) === '') errs.push(required(child(index('spec.drivers', i), 'name')));
      if (str(d.nodeID) === '') errs.push(required(child(index('spec.drivers', i), 'nodeID')));
    });
  }
  return errs;
}
