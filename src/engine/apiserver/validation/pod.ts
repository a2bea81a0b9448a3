/**
 * Pods: ValidatePodCreate, ValidatePodUpdate (only a few spec fields may change),
 * ValidatePodStatusUpdate and the PodTemplate kind.
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { isValidIP } from '../../validation/names.ts';
import { child, clone, deepEqual, index, isObj, objArr, objOr, str, strMap } from './access.ts';
import { forbidden, invalid, required } from './errors.ts';
import { validateContainerOnlyForPod } from './container.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { validatePodSpec } from './pod-spec.ts';
import {
  appArmorContainerPrefix,
  validatePodSpecificAnnotations,
  validatePodTemplateSpec,
  validateSeccompAnnotationsAndFields,
} from './pod-template.ts';
import { podSpecDiff } from './pod-spec-diff.ts';
import { validateTolerations } from './scheduling-constraints.ts';
import { validateQualifiedName } from './core-names.ts';

type Obj = Record<string, unknown>;
const maxInt32 = 2147483647;

function specOf(pod: KubeObject): Obj {
  return objOr(pod.spec);
}

function validatePodMetadataAndSpec(pod: KubeObject): FieldError[] {
  const spec = specOf(pod);
  const errs = validateMeta(pod.metadata, true, nameIsDNSSubdomain);
  errs.push(...validatePodSpecificAnnotations(pod.metadata.annotations ?? {}, spec, 'metadata.annotations'));
  errs.push(...validatePodSpec(spec, 'spec', { resourceIsPod: true, podName: pod.metadata.name }));
  if (str(spec.serviceAccountName) === '') {
    objArr(spec.volumes).forEach((volume, vi) => {
      if (!isObj(volume.projected)) return;
      objArr(volume.projected.sources).forEach((source, si) => {
        if (isObj(source.serviceAccountToken)) {
          errs.push(
            forbidden(
              `spec.volumes[${vi}].projected.sources[${si}].serviceAccountToken`,
              'must not be specified when serviceAccountName is not set',
            ),
          );
        }
      });
    });
  }
  objArr(spec.containers).forEach((c, i) =>
    errs.push(...validateContainerOnlyForPod(c, index('spec.containers', i))),
  );
  objArr(spec.initContainers).forEach((c, i) =>
    errs.push(...validateContainerOnlyForPod(c, index('spec.initContainers', i))),
  );
  return errs;
}

export function validatePodCreate(pod: KubeObject): FieldError[] {
  const spec = specOf(pod);
  const errs = validatePodMetadataAndSpec(pod);
  if (objArr(spec.ephemeralContainers).length > 0)
    errs.push(forbidden('spec.ephemeralContainers', 'cannot be set on create'));
  if (str(spec.nodeName) !== '' && objArr(spec.schedulingGates).length > 0) {
    errs.push(forbidden('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  errs.push(...validateSeccompAnnotationsAndFields(pod.metadata.annotations ?? {}, spec, 'spec'));
  return errs;
}

function validateAnnotationUpdates(next: KubeObject, old: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const a = next.metadata.annotations ?? {};
  const b = old.metadata.annotations ?? {};
  const path = 'metadata.annotations';
  for (const [k, v] of Object.entries(b)) {
    if (a[k] === v) continue;
    if (k.startsWith(appArmorContainerPrefix))
      errs.push(forbidden(`${path}[${k}]`, 'may not remove or update AppArmor annotations'));
    if (k === 'kubernetes.io/config.mirror')
      errs.push(forbidden(`${path}[${k}]`, 'may not remove or update mirror pod annotation'));
  }
  for (const k of Object.keys(a)) {
    if (k in b) continue;
    if (k.startsWith(appArmorContainerPrefix))
      errs.push(forbidden(`${path}[${k}]`, 'may not add AppArmor annotations'));
    if (k === 'kubernetes.io/config.mirror')
      errs.push(forbidden(`${path}[${k}]`, 'may not add mirror pod annotation'));
  }
  errs.push(...validatePodSpecificAnnotations(a, specOf(next), path));
  return errs;
}

function validateContainerUpdates(
  next: unknown,
  old: unknown,
  path: string,
): { errs: FieldError[]; stop: boolean } {
  const a = objArr(next);
  const b = objArr(old);
  if (a.length !== b.length)
    return { errs: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errs: FieldError[] = [];
  a.forEach((c, i) => {
    const image = str(c.image);
    if (image === '') errs.push(required(child(index(path, i), 'image')));
    if (image.trim() !== image)
      errs.push(
        invalid(child(index(path, i), 'image'), image, 'must not have leading or trailing whitespace'),
      );
  });
  return { errs, stop: false };
}

/** validateOnlyAddedTolerations: existing tolerations may only change their tolerationSeconds. */
function validateOnlyAddedTolerations(next: unknown, old: unknown, path: string): FieldError[] {
  const newList = objArr(next);
  for (const o of objArr(old)) {
    const found = newList.some((n) => deepEqual({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
    if (!found)
      return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return validateTolerations(next, path);
}

const updatableFields =
  '`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,' +
  '`spec.tolerations` (only additions to existing tolerations),' +
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)';

export function validatePodUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  errs.push(...validatePodMetadataAndSpec(next));
  errs.push(...validateAnnotationUpdates(next, old));
  const spec = specOf(next);
  const oldSpec = specOf(old);
  for (const field of ['containers', 'initContainers']) {
    const result = validateContainerUpdates(spec[field], oldSpec[field], `spec.${field}`);
    errs.push(...result.errs);
    if (result.stop) return errs;
  }
  const deadline = spec.activeDeadlineSeconds;
  const oldDeadline = oldSpec.activeDeadlineSeconds;
  if (typeof deadline === 'number') {
    if (deadline < 0 || deadline > maxInt32) {
      errs.push(
        invalid('spec.activeDeadlineSeconds', deadline, `must be between 0 and ${maxInt32}, inclusive`),
      );
      return errs;
    }
    if (typeof oldDeadline === 'number' && oldDeadline < deadline) {
      errs.push(
        invalid('spec.activeDeadlineSeconds', deadline, 'must be less than or equal to previous value'),
      );
      return errs;
    }
  } else if (typeof oldDeadline === 'number') {
    errs.push(
      invalid('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'),
    );
  }
  errs.push(...validateOnlyAddedTolerations(spec.tolerations, oldSpec.tolerations, 'spec.tolerations'));
  const newGates = objArr(spec.schedulingGates);
  const oldGateNames = new Set(objArr(oldSpec.schedulingGates).map((g) => str(g.name)));
  newGates.forEach((g, i) => {
    const name = str(g.name);
    if (!oldGateNames.has(name)) {
      errs.push(
        forbidden(
          `spec.schedulingGates[${i}].name`,
          `only deletion is allowed, but found new scheduling gate '${name}'`,
        ),
      );
    }
  });
  if (deepEqual(spec, oldSpec)) return errs;
  const munged = clone(spec);
  objArr(munged.containers).forEach((c, i) => (c.image = objArr(oldSpec.containers)[i]?.image));
  objArr(munged.initContainers).forEach((c, i) => (c.image = objArr(oldSpec.initContainers)[i]?.image));
  munged.activeDeadlineSeconds = oldSpec.activeDeadlineSeconds;
  munged.schedulingGates = oldSpec.schedulingGates;
  munged.tolerations = oldSpec.tolerations;
  const oldGrace = oldSpec.terminationGracePeriodSeconds;
  if (typeof oldGrace === 'number' && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  if (oldGateNames.size > 0) {
    const oldSelector = strMap(oldSpec.nodeSelector);
    const newSelector = strMap(munged.nodeSelector);
    if (!deepEqual(oldSelector, newSelector)) {
      if (Object.entries(oldSelector).some(([k, v]) => newSelector[k] !== v)) {
        errs.push(
          invalid(
            'spec.nodeSelector',
            newSelector,
            'only additions to spec.nodeSelector are allowed (no mutations or deletions)',
          ),
        );
      }
      munged.nodeSelector = oldSpec.nodeSelector;
    }
    const oldAffinity = objOr(oldSpec.affinity).nodeAffinity;
    if (!deepEqual(objOr(munged.affinity).nodeAffinity, oldAffinity)) {
      munged.affinity = { ...objOr(munged.affinity), nodeAffinity: oldAffinity };
      if (deepEqual(munged.affinity, { nodeAffinity: undefined }) && oldSpec.affinity === undefined)
        delete munged.affinity;
    }
  }
  if (!deepEqual(munged, oldSpec)) {
    errs.push(
      forbidden(
        'spec',
        `pod updates may not change fields other than ${updatableFields}\n${podSpecDiff(oldSpec, munged)}`,
      ),
    );
  }
  return errs;
}

/** ValidatePodStatusUpdate: metadata, condition types, the node binding and IPs. */
export function validatePodStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  errs.push(...validateAnnotationUpdates(next, old));
  const status = objOr(next.status);
  const oldStatus = objOr(old.status);
  const system = new Set(['PodScheduled', 'Ready', 'Initialized']);
  objArr(status.conditions).forEach((c, i) => {
    const type = str(c.type);
    if (!system.has(type)) errs.push(...validateQualifiedName(type, `metadata.conditions[${i}].Type`));
  });
  if (str(specOf(next).nodeName) !== str(specOf(old).nodeName))
    errs.push(forbidden('status.nodeName', 'may not be changed directly'));
  const nominated = str(status.nominatedNodeName);
  if (nominated !== str(oldStatus.nominatedNodeName) && nominated !== '') {
    for (const msg of nameIsDNSSubdomain(nominated, false))
      errs.push(invalid('status.nominatedNodeName', nominated, msg));
  }
  if (str(status.qosClass) !== str(oldStatus.qosClass))
    errs.push(invalid('status.qosClass', str(status.qosClass), 'field is immutable'));
  objArr(status.podIPs).forEach((ip, i) => {
    for (const msg of isValidIP(str(ip.ip))) errs.push(invalid(`status.podIPs[${i}]`, str(ip.ip), msg));
  });
  const hostIPs = objArr(status.hostIPs);
  if (hostIPs.length > 0 && str(status.hostIP) !== str(hostIPs[0]?.ip)) {
    errs.push(invalid('status.hostIPs[0].ip', str(hostIPs[0]?.ip), 'must be equal to `hostIP`'));
  }
  return errs;
}

export function validatePodTemplateKind(template: KubeObject): FieldError[] {
  return [
    ...validateMeta(template.metadata, true, nameIsDNSSubdomain),
    ...validatePodTemplateSpec(template.template, 'template'),
  ];
}

export function validatePodTemplateKindUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateMetaUpdate(next.metadata, old.metadata),
    ...validatePodTemplateSpec(next.template, 'template'),
  ];
}
