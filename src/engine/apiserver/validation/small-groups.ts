/**
 * The small API groups: policy (PodDisruptionBudget), scheduling.k8s.io (PriorityClass),
 * coordination.k8s.io (Lease), node.k8s.io (RuntimeClass) and discovery.k8s.io
 * (EndpointSlice).
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { isQualifiedName, isValidIPv4Address, isValidIPv6Address } from '../../validation/names.ts';
import { validateLabels } from '../../validation/object-meta.ts';
import { child, deepEqual, index, isObj, num, objArr, objOr, str, strArr, strMap } from './access.ts';
import {
  duplicate,
  fieldImmutableErrorMsg,
  forbidden,
  invalid,
  notSupported,
  required,
  tooMany,
  validateNonnegative,
} from './errors.ts';
import { validateDNS1123Label } from './core-names.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { validateNonSpecialIP } from './ip-rules.ts';
import { validateContainerResourceName, validateResourceRequirements } from './resources.ts';
import { validateTolerations } from './scheduling-constraints.ts';
import { validateLabelSelector } from './selector.ts';
import { goStruct, named } from './values.ts';
import { isNotMoreThan100Percent, validatePositiveIntOrPercent } from './workload-template.ts';

export function validatePodDisruptionBudget(pdb: KubeObject): FieldError[] {
  const spec = objOr(pdb.spec);
  const errs: FieldError[] = [];
  const has = (v: unknown) => v !== undefined && v !== null;
  if (has(spec.minAvailable) && has(spec.maxUnavailable)) {
    const value = goStruct(
      ['MinAvailable', spec.minAvailable],
      ['Selector', spec.selector ?? null],
      ['MaxUnavailable', spec.maxUnavailable],
      ['UnhealthyPodEvictionPolicy', spec.unhealthyPodEvictionPolicy ?? null],
    );
    errs.push(invalid('spec', value, 'minAvailable and maxUnavailable cannot be both set'));
  }
  for (const f of ['minAvailable', 'maxUnavailable']) {
    if (!has(spec[f])) continue;
    errs.push(...validatePositiveIntOrPercent(spec[f], `spec.${f}`));
    errs.push(...isNotMoreThan100Percent(spec[f], `spec.${f}`));
  }
  errs.push(...validateLabelSelector(spec.selector, {}, 'spec.selector'));
  const policy = spec.unhealthyPodEvictionPolicy;
  if (typeof policy === 'string' && policy !== 'AlwaysAllow' && policy !== 'IfHealthyBudget') {
    errs.push(
      notSupported('spec.unhealthyPodEvictionPolicy', named(policy), ['AlwaysAllow', 'IfHealthyBudget']),
    );
  }
  return errs;
}

export function validatePodDisruptionBudgetStatusUpdate(next: KubeObject): FieldError[] {
  const status = objOr(next.status);
  const errs: FieldError[] = [];
  for (const f of ['disruptionsAllowed', 'currentHealthy', 'desiredHealthy', 'expectedPods']) {
    errs.push(...validateNonnegative(num(status[f]), `status.${f}`));
  }
  return errs;
}

const systemPriorityClasses: Record<string, number> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

export function validatePriorityClass(pc: KubeObject): FieldError[] {
  const errs = validateMeta(pc.metadata, false, nameIsDNSSubdomain);
  const name = pc.metadata.name ?? '';
  const value = num(pc.value);
  if (name.startsWith('system-')) {
    const known = systemPriorityClasses[name];
    let error: string | undefined;
    if (known === undefined) error = `${name} is not a known system priority class`;
    else if (known !== value) error = `value of ${name} PriorityClass must be ${known}`;
    else if (pc.globalDefault === true) error = `globalDefault of ${name} PriorityClass must be false`;
    if (error !== undefined) {
      errs.push(
        forbidden(
          'metadata.name',
          `priority class names with 'system-' prefix are reserved for system use only. error: ${error}`,
        ),
      );
    }
  } else if (value > 1000000000) {
    errs.push(forbidden('value', 'maximum allowed value of a user defined priority is 1000000000'));
  }
  if (typeof pc.preemptionPolicy === 'string') {
    const p = pc.preemptionPolicy;
    if (p === '') errs.push(required('preemptionPolicy'));
    else if (p !== 'PreemptLowerPriority' && p !== 'Never')
      errs.push(notSupported('preemptionPolicy', named(p), ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

export function validatePriorityClassUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  if (num(next.value) !== num(old.value)) errs.push(forbidden('value', 'may not be changed in an update.'));
  if (!deepEqual(next.preemptionPolicy, old.preemptionPolicy)) {
    errs.push(
      invalid(
        'preemptionPolicy',
        typeof next.preemptionPolicy === 'string' ? named(next.preemptionPolicy) : null,
        fieldImmutableErrorMsg,
      ),
    );
  }
  return errs;
}

export function validateLease(lease: KubeObject): FieldError[] {
  const errs = validateMeta(lease.metadata, true, nameIsDNSSubdomain);
  const spec = objOr(lease.spec);
  if (typeof spec.leaseDurationSeconds === 'number' && spec.leaseDurationSeconds <= 0) {
    errs.push(invalid('spec.leaseDurationSeconds', spec.leaseDurationSeconds, 'must be greater than 0'));
  }
  if (typeof spec.leaseTransitions === 'number' && spec.leaseTransitions < 0) {
    errs.push(invalid('spec.leaseTransitions', spec.leaseTransitions, 'must be greater than or equal to 0'));
  }
  return errs;
}

export function validateLeaseUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [...validateMetaUpdate(next.metadata, old.metadata), ...validateLease(next)];
}

export function validateRuntimeClass(rc: KubeObject): FieldError[] {
  const errs = validateMeta(rc.metadata, false, nameIsDNSSubdomain);
  const handler = str(rc.handler);
  if (handler === '') errs.push(required('handler'));
  else errs.push(...validateDNS1123Label(handler, 'handler'));
  if (isObj(rc.overhead)) {
    errs.push(
      ...validateResourceRequirements(
        { limits: rc.overhead.podFixed },
        validateContainerResourceName,
        new Set(),
        'overhead.podFixed',
      ),
    );
  }
  if (isObj(rc.scheduling)) {
    errs.push(...validateLabels(strMap(rc.scheduling.nodeSelector), 'scheduling.nodeSelector'));
    errs.push(...validateTolerations(rc.scheduling.tolerations, 'scheduling.tolerations'));
  }
  return errs;
}

export function validateRuntimeClassUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  if (str(next.handler) !== str(old.handler))
    errs.push(invalid('handler', str(next.handler), fieldImmutableErrorMsg));
  errs.push(...validateRuntimeClass(next));
  return errs;
}

const addressTypes = ['FQDN', 'IPv4', 'IPv6'];

export function validateEndpointSlice(slice: KubeObject, update = false): FieldError[] {
  const errs = validateMeta(slice.metadata, true, nameIsDNSSubdomain);
  const addressType = str(slice.addressType);
  const valid = update ? [...addressTypes, 'IP'] : addressTypes;
  if (addressType === '') errs.push(required('addressType'));
  else if (!valid.includes(addressType))
    errs.push(notSupported('addressType', named(addressType), [...valid].sort()));
  const endpoints = objArr(slice.endpoints);
  if (endpoints.length > 1000) errs.push(tooMany('endpoints', endpoints.length, 1000));
  else {
    endpoints.forEach((ep, i) => {
      const p = index('endpoints', i);
      const addresses = strArr(ep.addresses);
      const ap = child(p, 'addresses');
      if (addresses.length === 0) errs.push(required(ap, 'must contain at least 1 address'));
      else if (addresses.length > 100) errs.push(tooMany(ap, addresses.length, 100));
      addresses.forEach((a, j) => {
        const aPath = index(ap, j);
        if (addressType === 'IPv4' || addressType === 'IPv6') {
          const msgs = addressType === 'IPv4' ? isValidIPv4Address(a) : isValidIPv6Address(a);
          for (const msg of msgs) errs.push(invalid(aPath, a, msg));
          errs.push(...validateNonSpecialIP(a, aPath));
        }
      });
      if (typeof ep.hostname === 'string')
        errs.push(...validateDNS1123Label(ep.hostname, child(p, 'hostname')));
    });
  }
  const ports = objArr(slice.ports);
  if (ports.length > 100) errs.push(tooMany('ports', ports.length, 100));
  else {
    const names = new Set<string>();
    ports.forEach((port, i) => {
      const p = index('ports', i);
      const name = str(port.name);
      if (name !== '') errs.push(...validateDNS1123Label(name, child(p, 'name')));
      if (names.has(name)) errs.push(duplicate(child(p, 'name'), name));
      else names.add(name);
      if (typeof port.protocol !== 'string') errs.push(required(child(p, 'protocol')));
      else if (!['SCTP', 'TCP', 'UDP'].includes(port.protocol))
        errs.push(notSupported(child(p, 'protocol'), named(port.protocol), ['SCTP', 'TCP', 'UDP']));
      if (typeof port.appProtocol === 'string') {
        for (const msg of isQualifiedName(port.appProtocol))
          errs.push(invalid(child(p, 'appProtocol'), port.appProtocol, msg));
      }
    });
  }
  return errs;
}

export function validateEndpointSliceUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = [...validateEndpointSlice(next, true)];
  if (str(next.addressType) !== str(old.addressType))
    errs.push(invalid('addressType', named(str(next.addressType)), fieldImmutableErrorMsg));
  errs.push(...validateMetaUpdate(next.metadata, old.metadata));
  return errs;
}
