/**
 * networking.k8s.io/v1: Ingress, IngressClass and NetworkPolicy
 * (pkg/apis/networking/validation, v1.34: RelaxedServiceNameValidation is off, so backend
 * Service names are DNS-1035 labels).
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain, validateNamespaceName } from '../../validation/generic.ts';
import {
  isDNS1123Subdomain,
  isValidCIDR,
  isValidIP,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
} from '../../validation/names.ts';
import { child, index, isObj, num, objArr, objOr, str, strArr } from './access.ts';
import { fieldImmutableErrorMsg, forbidden, invalid, notSupported, required, tooLong } from './errors.ts';
import { validateServiceName } from './core-names.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { isDomainPrefixedPath, isValidPathSegmentName } from './names-extra.ts';
import { validateLabelSelector } from './selector.ts';
import { named } from './values.ts';

type Obj = Record<string, unknown>;

const pathTypes = ['Exact', 'ImplementationSpecific', 'Prefix'];
const invalidSequences = ['//', '/./', '/../', '%2f', '%2F'];
const invalidSuffixes = ['/..', '/.'];

function validateTypedReference(ref: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof ref.apiGroup === 'string')
    for (const msg of isDNS1123Subdomain(ref.apiGroup))
      errs.push(invalid(child(path, 'apiGroup'), ref.apiGroup, msg));
  for (const field of ['kind', 'name']) {
    const value = str(ref[field]);
    if (value === '') errs.push(required(child(path, field)));
    else for (const msg of isValidPathSegmentName(value)) errs.push(invalid(child(path, field), value, msg));
  }
  return errs;
}

function validateBackend(backend: Obj, path: string): FieldError[] {
  const hasResource = isObj(backend.resource);
  const hasService = isObj(backend.service);
  if (hasResource && hasService) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (hasResource) return validateTypedReference(backend.resource as Obj, child(path, 'resource'));
  if (!hasService) return [invalid(path, '', 'resource or service backend is required')];
  const service = backend.service as Obj;
  const errs: FieldError[] = [];
  const name = str(service.name);
  if (name === '') errs.push(required(child(path, 'service', 'name')));
  else
    for (const msg of validateServiceName(name, false))
      errs.push(invalid(child(path, 'service', 'name'), name, msg));
  const port = objOr(service.port);
  const portName = str(port.name);
  const portNumber = num(port.number);
  if (portName !== '' && portNumber !== 0)
    errs.push(invalid(path, '', 'cannot set both port name & port number'));
  else if (portName !== '') {
    for (const msg of isValidPortName(portName))
      errs.push(invalid(child(path, 'service', 'port', 'name'), portName, msg));
  } else if (portNumber !== 0) {
    for (const msg of isValidPortNum(portNumber))
      errs.push(invalid(child(path, 'service', 'port', 'number'), portNumber, msg));
  } else errs.push(required(path, 'port name or number is required'));
  return errs;
}

function validateHTTPPath(httpPath: Obj, path: string): FieldError[] {
  if (typeof httpPath.pathType !== 'string')
    return [required(child(path, 'pathType'), 'pathType must be specified')];
  const errs: FieldError[] = [];
  const p = str(httpPath.path);
  const type = httpPath.pathType;
  if (type === 'Exact' || type === 'Prefix') {
    if (!p.startsWith('/')) errs.push(invalid(child(path, 'path'), p, 'must be an absolute path'));
    if (p.length > 0) {
      for (const seq of invalidSequences)
        if (p.includes(seq)) errs.push(invalid(child(path, 'path'), p, `must not contain '${seq}'`));
      for (const suffix of invalidSuffixes)
        if (p.endsWith(suffix)) errs.push(invalid(child(path, 'path'), p, `cannot end with '${suffix}'`));
    }
  } else if (type === 'ImplementationSpecific') {
    if (p.length > 0 && !p.startsWith('/'))
      errs.push(invalid(child(path, 'path'), p, 'must be an absolute path'));
  } else errs.push(notSupported(child(path, 'pathType'), named(type), pathTypes));
  errs.push(...validateBackend(objOr(httpPath.backend), child(path, 'backend')));
  return errs;
}

function validateIngressSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const rules = objArr(spec.rules);
  if (rules.length === 0 && !isObj(spec.defaultBackend)) {
    errs.push(
      invalid(
        'spec',
        Array.isArray(spec.rules) ? spec.rules : null,
        'either `defaultBackend` or `rules` must be specified',
      ),
    );
  }
  if (isObj(spec.defaultBackend)) errs.push(...validateBackend(spec.defaultBackend, 'spec.defaultBackend'));
  rules.forEach((rule, i) => {
    const p = index('spec.rules', i);
    const host = str(rule.host);
    if (host !== '') {
      if (isValidIP(host).length === 0)
        errs.push(invalid(child(p, 'host'), host, 'must be a DNS name, not an IP address'));
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) errs.push(invalid(child(p, 'host'), host, msg));
    }
    if (isObj(rule.http)) {
      const paths = objArr(rule.http.paths);
      if (paths.length === 0) errs.push(required(child(p, 'http', 'paths')));
      paths.forEach((hp, j) => errs.push(...validateHTTPPath(hp, index(child(p, 'http', 'paths'), j))));
    }
  });
  objArr(spec.tls).forEach((tls, i) => {
    const p = index('spec.tls', i);
    strArr(tls.hosts).forEach((host, j) => {
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const msg of msgs) errs.push(invalid(index(child(p, 'hosts'), j), host, msg));
    });
    const secretName = str(tls.secretName);
    if (secretName !== '')
      for (const msg of nameIsDNSSubdomain(secretName, false))
        errs.push(invalid(child(p, 'secretName'), secretName, msg));
  });
  if (typeof spec.ingressClassName === 'string') {
    for (const msg of nameIsDNSSubdomain(spec.ingressClassName, false))
      errs.push(invalid('spec.ingressClassName', spec.ingressClassName, msg));
  }
  return errs;
}

export function validateIngress(ing: KubeObject): FieldError[] {
  const errs = [
    ...validateMeta(ing.metadata, true, nameIsDNSSubdomain),
    ...validateIngressSpec(objOr(ing.spec)),
  ];
  const annotation = ing.metadata.annotations?.['kubernetes.io/ingress.class'];
  const className = objOr(ing.spec).ingressClassName;
  if (annotation !== undefined && typeof className === 'string' && annotation !== className) {
    errs.push(
      invalid(
        'annotations.kubernetes.io/ingress.class',
        annotation,
        'must match `ingressClassName` when both are specified',
      ),
    );
  }
  return errs;
}

export function validateIngressUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [
    ...validateMetaUpdate(next.metadata, old.metadata),
    ...validateMeta(next.metadata, true, nameIsDNSSubdomain),
    ...validateIngressSpec(objOr(next.spec)),
  ];
}

export function validateIngressStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  objArr(objOr(objOr(next.status).loadBalancer).ingress).forEach((ing, i) => {
    const p = index('status.loadBalancer.ingress', i);
    const ip = str(ing.ip);
    if (ip !== '') for (const msg of isValidIP(ip)) errs.push(invalid(child(p, 'ip'), ip, msg));
    const hostname = str(ing.hostname);
    if (hostname !== '') {
      for (const msg of isDNS1123Subdomain(hostname)) errs.push(invalid(child(p, 'hostname'), hostname, msg));
      if (isValidIP(hostname).length === 0)
        errs.push(invalid(child(p, 'hostname'), hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}

function validateIngressClassSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const controller = str(spec.controller);
  if (controller === '') errs.push(required('spec.controller'));
  else {
    if (controller.length > 250) errs.push(tooLong('spec.controller', 250));
    errs.push(...isDomainPrefixedPath('spec.controller', controller));
  }
  if (isObj(spec.parameters)) {
    const params = spec.parameters;
    errs.push(...validateTypedReference(params, 'spec.parameters'));
    if (typeof params.scope !== 'string') errs.push(required('spec.parameters.scope'));
    else if (params.scope !== 'Cluster' && params.scope !== 'Namespace') {
      errs.push(notSupported('spec.parameters.scope', params.scope, ['Cluster', 'Namespace']));
    } else if (params.scope === 'Namespace') {
      if (typeof params.namespace !== 'string')
        errs.push(required('spec.parameters.namespace', "`parameters.scope` is set to 'Namespace'"));
      else
        for (const msg of validateNamespaceName(params.namespace, false))
          errs.push(invalid('spec.parameters.namespace', params.namespace, msg));
    } else if (params.namespace !== undefined)
      errs.push(forbidden('spec.parameters.namespace', "`parameters.scope` is set to 'Cluster'"));
  }
  return errs;
}

export function validateIngressClass(ic: KubeObject): FieldError[] {
  return [
    ...validateMeta(ic.metadata, false, nameIsDNSSubdomain),
    ...validateIngressClassSpec(objOr(ic.spec)),
  ];
}

export function validateIngressClassUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  const a = str(objOr(next.spec).controller);
  if (a !== str(objOr(old.spec).controller)) errs.push(invalid('spec.controller', a, fieldImmutableErrorMsg));
  errs.push(...validateIngressClass(next));
  return errs;
}

function validatePolicyPort(port: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (typeof port.protocol === 'string' && !['TCP', 'UDP', 'SCTP'].includes(port.protocol)) {
    errs.push(notSupported(child(path, 'protocol'), named(port.protocol), ['TCP', 'UDP', 'SCTP']));
  }
  const endPort = port.endPort;
  if (typeof port.port === 'number') {
    for (const msg of isValidPortNum(port.port)) errs.push(invalid(child(path, 'port'), port.port, msg));
    if (typeof endPort === 'number') {
      if (endPort < port.port)
        errs.push(invalid(child(path, 'endPort'), endPort, 'must be greater than or equal to `port`'));
      for (const msg of isValidPortNum(endPort)) errs.push(invalid(child(path, 'endPort'), endPort, msg));
    }
  } else if (typeof port.port === 'string') {
    if (typeof endPort === 'number')
      errs.push(invalid(child(path, 'endPort'), endPort, 'may not be specified when `port` is non-numeric'));
    for (const msg of isValidPortName(port.port)) errs.push(invalid(child(path, 'port'), port.port, msg));
  } else if (typeof endPort === 'number') {
    errs.push(invalid(child(path, 'endPort'), endPort, 'may not be specified when `port` is not specified'));
  }
  return errs;
}

function validatePeer(peer: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  if (isObj(peer.podSelector)) {
    count++;
    errs.push(...validateLabelSelector(peer.podSelector, {}, child(path, 'podSelector')));
  }
  if (isObj(peer.namespaceSelector)) {
    count++;
    errs.push(...validateLabelSelector(peer.namespaceSelector, {}, child(path, 'namespaceSelector')));
  }
  if (isObj(peer.ipBlock)) {
    count++;
    const cidr = str(peer.ipBlock.cidr);
    const bp = child(path, 'ipBlock');
    if (cidr === '') errs.push(required(child(bp, 'cidr')));
    else {
      for (const msg of isValidCIDR(cidr)) errs.push(invalid(child(bp, 'cidr'), cidr, msg));
      strArr(peer.ipBlock.except).forEach((e, i) => {
        for (const msg of isValidCIDR(e)) errs.push(invalid(index(child(bp, 'except'), i), e, msg));
      });
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a peer'));
  else if (count > 1 && isObj(peer.ipBlock))
    errs.push(forbidden(path, 'may not specify both ipBlock and another peer'));
  return errs;
}

function validateNetworkPolicySpec(spec: Obj): FieldError[] {
  const errs = validateLabelSelector(objOr(spec.podSelector), {}, 'spec.podSelector');
  for (const [direction, peers] of [
    ['ingress', 'from'],
    ['egress', 'to'],
  ] as const) {
    objArr(spec[direction]).forEach((rule, i) => {
      const rp = index(`spec.${direction}`, i);
      objArr(rule.ports).forEach((port, j) =>
        errs.push(...validatePolicyPort(port, index(child(rp, 'ports'), j))),
      );
      objArr(rule[peers]).forEach((peer, j) => errs.push(...validatePeer(peer, index(child(rp, peers), j))));
    });
  }
  const types = strArr(spec.policyTypes);
  if (types.length > 2) {
    errs.push(invalid('spec.policyTypes', types, 'may not specify more than two policyTypes'));
    return errs;
  }
  types.forEach((t, i) => {
    if (t !== 'Ingress' && t !== 'Egress')
      errs.push(notSupported(index('spec.policyTypes', i), named(t), ['Ingress', 'Egress']));
  });
  return errs;
}

export function validateNetworkPolicy(np: KubeObject): FieldError[] {
  return [
    ...validateMeta(np.metadata, true, nameIsDNSSubdomain),
    ...validateNetworkPolicySpec(objOr(np.spec)),
  ];
}

export function validateNetworkPolicyUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [...validateMetaUpdate(next.metadata, old.metadata), ...validateNetworkPolicySpec(objOr(next.spec))];
}
