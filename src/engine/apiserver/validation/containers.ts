/**
 * The three container lists of a pod: regular containers (validateContainers), init
 * containers including restartable "sidecars" (validateInitContainers) and ephemeral
 * containers (validateEphemeralContainers).
 */
import type { FieldError } from '../../api/field-errors.ts';
import { child, index, isObj, objArr, str } from './access.ts';
import { duplicate, forbidden, notFound, notSupported, required } from './errors.ts';
import {
  checkHostPortConflicts,
  type ContainerContext,
  validateContainerCommon,
  validateContainerOnlyForPod,
} from './container.ts';
import { validateLifecycle, validateProbeOf } from './probes.ts';
import { named } from './values.ts';

type Obj = Record<string, unknown>;

function validateProbesAndLifecycle(
  container: Obj,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  if (isObj(container.lifecycle))
    errs.push(...validateLifecycle(container.lifecycle, gracePeriod, child(path, 'lifecycle')));
  errs.push(
    ...validateProbeOf('livenessProbe', container.livenessProbe, gracePeriod, child(path, 'livenessProbe')),
  );
  errs.push(
    ...validateProbeOf(
      'readinessProbe',
      container.readinessProbe,
      gracePeriod,
      child(path, 'readinessProbe'),
    ),
  );
  errs.push(
    ...validateProbeOf('startupProbe', container.startupProbe, gracePeriod, child(path, 'startupProbe')),
  );
  return errs;
}

export function validateContainers(
  containers: unknown,
  ctx: ContainerContext,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const list = objArr(containers);
  if (list.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  list.forEach((container, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(container, ctx, p));
    const name = str(container.name);
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else names.add(name);
    errs.push(...validateProbesAndLifecycle(container, gracePeriod, p));
    if (container.restartPolicy !== undefined && container.restartPolicy !== null) {
      errs.push(forbidden(child(p, 'restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  errs.push(...checkHostPortConflicts(list, path));
  return errs;
}

const initOnly = 'may not be set for init containers without restartPolicy=Always';

export function validateInitContainers(
  initContainers: unknown,
  regular: unknown,
  ctx: ContainerContext,
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set(objArr(regular).map((c) => str(c.name)));
  objArr(initContainers).forEach((container, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(container, ctx, p));
    let restartAlways = false;
    if (typeof container.restartPolicy === 'string') {
      if (container.restartPolicy !== 'Always') {
        errs.push(notSupported(child(p, 'restartPolicy'), named(container.restartPolicy), ['Always']));
      }
      restartAlways = container.restartPolicy === 'Always';
    }
    const name = str(container.name);
    if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else if (name !== '') names.add(name);
    // Init containers run one at a time, so their host ports only clash within one container.
    errs.push(...checkHostPortConflicts([container], path));
    if (restartAlways) errs.push(...validateProbesAndLifecycle(container, gracePeriod, p));
    else {
      for (const field of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe']) {
        if (isObj(container[field])) errs.push(forbidden(child(p, field), initOnly));
      }
    }
  });
  return errs;
}

/** Fields an ephemeral container may set; anything else is `cannot be set for an Ephemeral Container`. */
const ephemeralForbidden: readonly (readonly [string, string])[] = [
  ['ports', 'ports'],
  ['resources', 'resources'],
  ['resizePolicy', 'resizePolicy'],
  ['restartPolicy', 'restartPolicy'],
  ['livenessProbe', 'livenessProbe'],
  ['readinessProbe', 'readinessProbe'],
  ['startupProbe', 'startupProbe'],
  ['lifecycle', 'lifecycle'],
];

function isSet(value: unknown): boolean {
  if (value === undefined || value === null) return false;
  if (Array.isArray(value)) return value.length > 0;
  if (isObj(value)) return Object.values(value).some(isSet);
  return true;
}

export function validateEphemeralContainers(
  ephemeral: unknown,
  containers: unknown,
  initContainers: unknown,
  ctx: ContainerContext,
  path: string,
): FieldError[] {
  const list = objArr(ephemeral);
  if (list.length === 0) return [];
  const errs: FieldError[] = [];
  const other = new Set([...objArr(containers), ...objArr(initContainers)].map((c) => str(c.name)));
  const all = new Set(other);
  list.forEach((container, i) => {
    const p = index(path, i);
    errs.push(...validateContainerCommon(container, ctx, p));
    errs.push(...validateContainerOnlyForPod(container, p));
    const name = str(container.name);
    if (all.has(name)) errs.push(duplicate(child(p, 'name'), name));
    else all.add(name);
    const target = str(container.targetContainerName);
    if (target !== '' && !other.has(target)) errs.push(notFound(child(p, 'targetContainerName'), target));
    for (const [field, goName] of ephemeralForbidden) {
      if (isSet(container[field]))
        errs.push(forbidden(child(p, goName), 'cannot be set for an Ephemeral Container'));
    }
    objArr(container.volumeMounts).forEach((mount, j) => {
      const mp = index(child(p, 'volumeMounts'), j);
      if (str(mount.subPath) !== '')
        errs.push(forbidden(child(mp, 'subPath'), 'cannot be set for an Ephemeral Container'));
      if (str(mount.subPathExpr) !== '')
        errs.push(forbidden(child(mp, 'subPathExpr'), 'cannot be set for an Ephemeral Container'));
    });
  });
  return errs;
}
