/**
 * Nodes, Endpoints, ReplicationControllers, Bindings and core Events (core/validation).
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import {
  isDNS1123Subdomain,
  isValidCIDR,
  isValidIP,
  isValidLabelValue,
  isValidPortNum,
} from '../../validation/names.ts';
import { ipFamilySloppy } from '../../validation/ip.ts';
import { validateLabelName } from '../../validation/object-meta.ts';
import { child, deepEqual, index, num, objArr, objOr, str, strArr, strMap } from './access.ts';
import { duplicate, forbidden, invalid, notSupported, required, validateNonnegative } from './errors.ts';
import { validateDNS1123Label, validateQualifiedName } from './core-names.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { validateNonSpecialIP } from './ip-rules.ts';
import { supportedProtocols } from './container.ts';
import { mapSelectorMatches } from './selector.ts';
import { validateResourceQuantityValue } from './resources.ts';
import { validateTaintEffect } from './scheduling-constraints.ts';
import { validateAlwaysRestartTemplate } from './workload-template.ts';
import { validatePodTemplateSpec } from './pod-template.ts';
import { goStruct, named } from './values.ts';

function validateNodeTaints(taints: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const unique = new Map<string, Set<string>>();
  objArr(taints).forEach((taint, i) => {
    const p = index(path, i);
    const key = str(taint.key);
    const value = str(taint.value);
    const effect = str(taint.effect);
    errs.push(...validateLabelName(key, child(p, 'key')));
    const msgs = isValidLabelValue(value);
    if (msgs.length > 0) errs.push(invalid(child(p, 'value'), value, msgs.join(';')));
    errs.push(...validateTaintEffect(effect, false, child(p, 'effect')));
    const keys = unique.get(effect) ?? new Set<string>();
    if (keys.has(key)) {
      const error = duplicate(
        p,
        goStruct(
          ['Key', key],
          ['Value', value],
          ['Effect', named(effect)],
          ['TimeAdded', taint.timeAdded ?? null],
        ),
      );
      error.detail = 'taints must be unique by key and effect pair';
      errs.push(error);
      return;
    }
    keys.add(key);
    unique.set(effect, keys);
  });
  return errs;
}

function validateNodeResources(node: KubeObject): FieldError[] {
  const status = objOr(node.status);
  const errs: FieldError[] = [];
  for (const section of ['capacity', 'allocatable']) {
    for (const [k, v] of Object.entries(objOr(status[section]))) {
      errs.push(...validateResourceQuantityValue(k, v, `status.${section}.${k}`));
    }
  }
  return errs;
}

export function validateNode(node: KubeObject): FieldError[] {
  const errs = validateMeta(node.metadata, false, nameIsDNSSubdomain);
  const spec = objOr(node.spec);
  // Go validates node taints under metadata.taints.
  errs.push(...validateNodeTaints(spec.taints, 'metadata.taints'));
  errs.push(...validateNodeResources(node));
  const cidrs = strArr(spec.podCIDRs);
  cidrs.forEach((c, i) => {
    for (const msg of isValidCIDR(c)) errs.push(invalid(index('spec.podCIDRs', i), c, msg));
  });
  if (cidrs.length > 1) {
    const families = cidrs.map((c) => ipFamilySloppy(c.split('/')[0] ?? ''));
    if (cidrs.length > 2 || families[0] === families[1]) {
      errs.push(invalid('spec.podCIDRs', cidrs, 'may specify no more than one CIDR for each IP family'));
    }
    const seen = new Set<string>();
    cidrs.forEach((c, i) => {
      if (seen.has(c)) errs.push(duplicate(index('spec.podCIDRs', i), c));
      seen.add(c);
    });
  }
  return errs;
}

export function validateNodeUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateNode(next);
  errs.push(...validateMetaUpdate(next.metadata, old.metadata));
  errs.push(...validateNodeResources(next));
  const seen = new Set<string>();
  objArr(objOr(next.status).addresses).forEach((a, i) => {
    const key = `${str(a.type)}/${str(a.address)}`;
    if (seen.has(key))
      errs.push(
        duplicate(
          index('status.addresses', i),
          goStruct(['Type', named(str(a.type))], ['Address', str(a.address)]),
        ),
      );
    seen.add(key);
  });
  const oldCIDRs = strArr(objOr(old.spec).podCIDRs);
  const newCIDRs = strArr(objOr(next.spec).podCIDRs);
  const cidrMsg = 'node updates may not change podCIDR except from "" to valid';
  if (oldCIDRs.length > 0) {
    if (oldCIDRs.length !== newCIDRs.length) errs.push(forbidden('spec.podCIDRs', cidrMsg));
    else oldCIDRs.forEach((c, i) => c !== newCIDRs[i] && errs.push(forbidden('spec.podCIDRs', cidrMsg)));
  }
  const oldProvider = str(objOr(old.spec).providerID);
  if (oldProvider !== '' && oldProvider !== str(objOr(next.spec).providerID)) {
    errs.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  errs.push(...validateNodeTaints(objOr(next.spec).taints, 'metadata.taints'));
  if (str(objOr(next.spec).externalID) !== str(objOr(old.spec).externalID))
    errs.push(forbidden('spec.externalID', 'may not be updated'));
  return errs;
}

function validateEndpointAddress(address: Record<string, unknown>, path: string): FieldError[] {
  const ip = str(address.ip);
  const errs = isValidIP(ip).map((msg) => invalid(child(path, 'ip'), ip, msg));
  if (str(address.hostname) !== '')
    errs.push(...validateDNS1123Label(str(address.hostname), child(path, 'hostname')));
  if (typeof address.nodeName === 'string') {
    for (const msg of nameIsDNSSubdomain(address.nodeName, false))
      errs.push(invalid(child(path, 'nodeName'), address.nodeName, msg));
  }
  errs.push(...validateNonSpecialIP(ip, child(path, 'ip')));
  return errs;
}

export function validateEndpoints(ep: KubeObject): FieldError[] {
  const errs = validateMeta(ep.metadata, true, nameIsDNSSubdomain);
  objArr(ep.subsets).forEach((ss, i) => {
    const p = index('subsets', i);
    const addresses = objArr(ss.addresses);
    const notReady = objArr(ss.notReadyAddresses);
    if (addresses.length === 0 && notReady.length === 0)
      errs.push(required(p, 'must specify `addresses` or `notReadyAddresses`'));
    addresses.forEach((a, j) => errs.push(...validateEndpointAddress(a, index(child(p, 'addresses'), j))));
    notReady.forEach((a, j) =>
      errs.push(...validateEndpointAddress(a, index(child(p, 'notReadyAddresses'), j))),
    );
    const ports = objArr(ss.ports);
    ports.forEach((port, j) => {
      const pp = index(child(p, 'ports'), j);
      const name = str(port.name);
      if (ports.length > 1 && name === '') errs.push(required(child(pp, 'name')));
      else if (name !== '') errs.push(...validateDNS1123Label(name, child(pp, 'name')));
      for (const msg of isValidPortNum(num(port.port)))
        errs.push(invalid(child(pp, 'port'), num(port.port), msg));
      const protocol = str(port.protocol);
      if (protocol === '') errs.push(required(child(pp, 'protocol')));
      else if (!supportedProtocols.includes(protocol))
        errs.push(notSupported(child(pp, 'protocol'), named(protocol), supportedProtocols));
      if (typeof port.appProtocol === 'string')
        errs.push(...validateQualifiedName(port.appProtocol, child(pp, 'appProtocol')));
    });
  });
  return errs;
}

export function validateEndpointsUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [...validateMetaUpdate(next.metadata, old.metadata), ...validateEndpoints(next)];
}

function validateRCSpec(spec: Record<string, unknown>): FieldError[] {
  const errs = validateNonnegative(num(spec.minReadySeconds), 'spec.minReadySeconds');
  const selector = strMap(spec.selector);
  if (Object.keys(selector).length === 0) errs.push(required('spec.selector'));
  errs.push(...validateNonnegative(num(spec.replicas), 'spec.replicas'));
  if (spec.template === undefined || spec.template === null) {
    errs.push(required('spec.template'));
    return errs;
  }
  const labels = strMap(objOr(objOr(spec.template).metadata).labels);
  if (Object.keys(selector).length > 0 && !mapSelectorMatches(selector, labels)) {
    errs.push(
      invalid('spec.template.metadata.labels', labels, '`selector` does not match template `labels`'),
    );
  }
  errs.push(...validatePodTemplateSpec(spec.template, 'spec.template'));
  errs.push(...validateAlwaysRestartTemplate(spec.template, 'spec.template', 'ReplicationController'));
  return errs;
}

export function validateReplicationController(rc: KubeObject): FieldError[] {
  return [...validateMeta(rc.metadata, true, nameIsDNSSubdomain), ...validateRCSpec(objOr(rc.spec))];
}

export function validateReplicationControllerUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [...validateMetaUpdate(next.metadata, old.metadata), ...validateRCSpec(objOr(next.spec))];
}

export function validateBinding(binding: KubeObject): FieldError[] {
  const target = objOr(binding.target);
  const errs: FieldError[] = [];
  const kind = str(target.kind);
  if (kind !== '' && kind !== 'Node') errs.push(notSupported('target.kind', kind, ['Node', '<empty>']));
  if (str(target.name) === '') errs.push(required('target.name'));
  return errs;
}

/** core/v1 Events keep the legacy rules; events.k8s.io/v1 ones add the strict series rules. */
export function validateEvent(event: KubeObject, strict: boolean): FieldError[] {
  const errs: FieldError[] = [];
  const involved = objOr(strict ? event.regarding : event.involvedObject);
  const namespace = event.metadata.namespace ?? '';
  const involvedNs = str(involved.namespace);
  const reportingController = str(strict ? event.reportingController : event.reportingComponent);
  const controllerField = strict ? 'reportingController' : 'reportingComponent';
  const message = str(strict ? event.note : event.message);
  if (!event.eventTime) {
    if (involvedNs === '' ? namespace !== '' && namespace !== 'default' : namespace !== involvedNs) {
      errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
    }
  } else {
    if (involvedNs === '' && namespace !== 'default' && namespace !== 'kube-system') {
      errs.push(invalid('involvedObject.namespace', involvedNs, 'does not match event.namespace'));
    }
    if (reportingController === '') errs.push(required(controllerField));
    errs.push(...validateQualifiedName(reportingController, controllerField));
    const limits: readonly [string, string, number][] = [
      ['reportingInstance', str(event.reportingInstance), 128],
      ['action', str(event.action), 128],
      ['reason', str(event.reason), 128],
    ];
    for (const [field, value, limit] of limits) {
      if (value === '') errs.push(required(field));
      if (value.length > limit) errs.push(invalid(field, '', `can have at most ${limit} characters`));
    }
    if (message.length > 1024) errs.push(invalid('message', '', 'can have at most 1024 characters'));
  }
  for (const msg of isDNS1123Subdomain(namespace)) errs.push(invalid('namespace', namespace, msg));
  if (strict) {
    errs.push(...validateMeta(event.metadata, true, nameIsDNSSubdomain));
    if (!event.eventTime) errs.push(required('eventTime'));
    const type = str(event.type);
    if (type !== 'Normal' && type !== 'Warning') errs.push(invalid('type', '', `has invalid value: ${type}`));
    if (event.deprecatedFirstTimestamp)
      errs.push(invalid('deprecatedFirstTimestamp', '', 'needs to be unset'));
    if (event.deprecatedLastTimestamp) errs.push(invalid('deprecatedLastTimestamp', '', 'needs to be unset'));
    if (num(event.deprecatedCount) !== 0) errs.push(invalid('deprecatedCount', '', 'needs to be unset'));
    const source = objOr(event.deprecatedSource);
    if (str(source.component) !== '' || str(source.host) !== '')
      errs.push(invalid('deprecatedSource', '', 'needs to be unset'));
  }
  return errs;
}

export function validateEventUpdate(next: KubeObject, old: KubeObject, strict: boolean): FieldError[] {
  const errs = [...validateMetaUpdate(next.metadata, old.metadata), ...validateEvent(next, false)];
  if (strict) {
    for (const f of [
      'regarding',
      'reason',
      'action',
      'reportingController',
      'reportingInstance',
      'eventTime',
      'type',
      'related',
    ]) {
      if (!deepEqual(next[f], old[f])) errs.push(invalid(f, next[f] ?? null, 'field is immutable'));
    }
  }
  return errs;
}
