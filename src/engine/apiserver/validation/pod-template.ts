/**
 * Pod metadata rules shared by Pods and pod templates: the pod-specific annotations
 * (mirror pods, deletion cost, seccomp and AppArmor) and ValidatePodTemplateSpec.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { validateAnnotations, validateLabels } from '../../validation/object-meta.ts';
import { child, isObj, objArr, objOr, str, strMap } from './access.ts';
import { forbidden, invalid } from './errors.ts';
import { validateLocalDescendingPath } from './downward-api.ts';
import { type PodSpecOptions, validatePodSpec } from './pod-spec.ts';
import { goQuote } from './values.ts';

type Obj = Record<string, unknown>;

const mirrorPodAnnotation = 'kubernetes.io/config.mirror';
const deletionCostAnnotation = 'controller.kubernetes.io/pod-deletion-cost';
const seccompPodAnnotation = 'seccomp.security.alpha.kubernetes.io/pod';
const seccompContainerPrefix = 'container.seccomp.security.alpha.kubernetes.io/';
export const appArmorContainerPrefix = 'container.apparmor.security.beta.kubernetes.io/';

function validateSeccompAnnotationValue(profile: string, path: string): FieldError[] {
  if (profile === 'runtime/default' || profile === 'docker/default' || profile === 'unconfined') return [];
  if (profile.startsWith('localhost/'))
    return validateLocalDescendingPath(profile.slice('localhost/'.length), path);
  return [invalid(path, profile, 'must be a valid seccomp profile')];
}

function isInt32(text: string): boolean {
  if (!/^[+-]?[0-9]+$/.test(text)) return false;
  const n = Number(text);
  return n >= -2147483648 && n <= 2147483647;
}

/** Every container of a pod spec, in Go's VisitContainers order. */
export function allContainers(spec: Obj): Obj[] {
  return [...objArr(spec.initContainers), ...objArr(spec.containers), ...objArr(spec.ephemeralContainers)];
}

/** ValidatePodSpecificAnnotations. */
export function validatePodSpecificAnnotations(
  annotations: Record<string, string>,
  spec: Obj,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const mirror = annotations[mirrorPodAnnotation];
  if (mirror !== undefined && str(spec.nodeName) === '') {
    errs.push(
      invalid(
        `${path}[${mirrorPodAnnotation}]`,
        mirror,
        'must set spec.nodeName if mirror pod annotation is set',
      ),
    );
  }
  const cost = annotations[deletionCostAnnotation];
  if (cost !== undefined && !isInt32(cost)) {
    errs.push(invalid(`${path}[${deletionCostAnnotation}]`, cost, 'must be a 32bit integer'));
  }
  const podSeccomp = annotations[seccompPodAnnotation];
  if (podSeccomp !== undefined)
    errs.push(...validateSeccompAnnotationValue(podSeccomp, child(path, seccompPodAnnotation)));
  for (const [key, value] of Object.entries(annotations)) {
    if (key.startsWith(seccompContainerPrefix))
      errs.push(...validateSeccompAnnotationValue(value, child(path, key)));
  }
  const names = new Set(allContainers(spec).map((c) => str(c.name)));
  for (const [key, value] of Object.entries(annotations)) {
    if (!key.startsWith(appArmorContainerPrefix)) continue;
    const container = key.slice(appArmorContainerPrefix.length);
    if (!names.has(container)) errs.push(invalid(`${path}[${key}]`, container, 'container not found'));
    if (
      value !== '' &&
      value !== 'runtime/default' &&
      value !== 'unconfined' &&
      !value.startsWith('localhost/')
    ) {
      errs.push(invalid(`${path}[${key}]`, value, `invalid AppArmor profile name: ${goQuote(value)}`));
    }
  }
  return errs;
}

/** validateSeccompAnnotationsAndFields: a profile set both ways must agree. */
export function validateSeccompAnnotationsAndFields(
  annotations: Record<string, string>,
  spec: Obj,
  specPath: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const check = (annotation: string | undefined, profile: unknown, path: string) => {
    if (annotation === undefined || !isObj(profile)) return;
    const type = str(profile.type);
    if (type === 'Unconfined' && annotation !== 'unconfined') {
      errs.push(forbidden(child(path, 'type'), 'seccomp type in annotation and field must match'));
    } else if (
      type === 'RuntimeDefault' &&
      annotation !== 'runtime/default' &&
      annotation !== 'docker/default'
    ) {
      errs.push(forbidden(child(path, 'type'), 'seccomp type in annotation and field must match'));
    } else if (type === 'Localhost') {
      if (!annotation.startsWith('localhost/'))
        errs.push(forbidden(child(path, 'type'), 'seccomp type in annotation and field must match'));
      else if (annotation.slice('localhost/'.length) !== str(profile.localhostProfile)) {
        errs.push(
          forbidden(child(path, 'localhostProfile'), 'seccomp profile in annotation and field must match'),
        );
      }
    }
  };
  check(
    annotations[seccompPodAnnotation],
    objOr(spec.securityContext).seccompProfile,
    child(specPath, 'securityContext', 'seccompProfile'),
  );
  for (const [field, list] of [
    ['initContainers', spec.initContainers],
    ['containers', spec.containers],
    ['ephemeralContainers', spec.ephemeralContainers],
  ] as const) {
    objArr(list).forEach((c, i) => {
      const profile = objOr(c.securityContext).seccompProfile;
      check(
        annotations[seccompContainerPrefix + str(c.name)],
        profile,
        child(`${child(specPath, field)}[${i}]`, 'securityContext', 'seccompProfile'),
      );
    });
  }
  return errs;
}

/** ValidatePodTemplateSpec at `path` (e.g. `spec.template`). */
export function validatePodTemplateSpec(
  template: unknown,
  path: string,
  options: PodSpecOptions = { resourceIsPod: false },
): FieldError[] {
  const t = objOr(template);
  const meta = objOr(t.metadata);
  const spec = objOr(t.spec);
  const annotations = strMap(meta.annotations);
  const errs = validateLabels(strMap(meta.labels), child(path, 'labels'));
  errs.push(...validateAnnotations(annotations, child(path, 'annotations')));
  errs.push(...validatePodSpecificAnnotations(annotations, spec, child(path, 'annotations')));
  errs.push(...validatePodSpec(t.spec, child(path, 'spec'), options));
  errs.push(...validateSeccompAnnotationsAndFields(annotations, spec, child(path, 'spec')));
  if (objArr(spec.ephemeralContainers).length > 0) {
    errs.push(
      forbidden(
        child(path, 'spec', 'ephemeralContainers'),
        'ephemeral containers not allowed in pod template',
      ),
    );
  }
  return errs;
}
