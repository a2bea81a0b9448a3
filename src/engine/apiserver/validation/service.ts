/**
 * Services (core/validation ValidateService, ValidateServiceUpdate). The strategy keeps
 * clusterIP and clusterIPs in step before validation; a stored object with only clusterIP
 * is read as clusterIPs = [clusterIP] the same way.
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { isValidIP, isValidPortNum } from '../../validation/names.ts';
import { ipFamilySloppy } from '../../validation/ip.ts';
import { isValidCIDR } from '../../validation/names.ts';
import { validateLabels } from '../../validation/object-meta.ts';
import { child, index, isObj, num, objArr, objOr, str, strArr, strMap } from './access.ts';
import { duplicate, forbidden, invalid, notSupported, required } from './errors.ts';
import { supportedProtocols } from './container.ts';
import {
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateQualifiedName,
  validateServiceName,
} from './core-names.ts';
import { validateMeta } from './meta.ts';
import { validatePortNumOrName } from './probes.ts';
import { goStruct, named } from './values.ts';
import { validateNonSpecialIP } from './ip-rules.ts';

type Obj = Record<string, unknown>;

export function clusterIPsOf(spec: Obj): string[] {
  const ips = strArr(spec.clusterIPs);
  if (ips.length > 0) return ips;
  return str(spec.clusterIP) !== '' ? [str(spec.clusterIP)] : [];
}

export function isHeadless(spec: Obj): boolean {
  const ips = clusterIPsOf(spec);
  return ips.length === 1 && ips[0] === 'None';
}

function validateServicePort(
  port: Obj,
  requireName: boolean,
  names: Set<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(port.name);
  if (requireName && name === '') errs.push(required(child(path, 'name')));
  else if (name !== '') {
    errs.push(...validateDNS1123Label(name, child(path, 'name')));
    if (names.has(name)) errs.push(duplicate(child(path, 'name'), name));
    else names.add(name);
  }
  for (const msg of isValidPortNum(num(port.port)))
    errs.push(invalid(child(path, 'port'), num(port.port), msg));
  const protocol = str(port.protocol);
  if (protocol === '') errs.push(required(child(path, 'protocol')));
  else if (!supportedProtocols.includes(protocol))
    errs.push(notSupported(child(path, 'protocol'), named(protocol), supportedProtocols));
  errs.push(...validatePortNumOrName(port.targetPort, child(path, 'targetPort')));
  if (typeof port.appProtocol === 'string')
    errs.push(...validateQualifiedName(port.appProtocol, child(path, 'appProtocol')));
  return errs;
}

function externallyAccessible(spec: Obj): boolean {
  const type = str(spec.type);
  return (
    type === 'LoadBalancer' ||
    type === 'NodePort' ||
    (type === 'ClusterIP' && strArr(spec.externalIPs).length > 0)
  );
}

export function needsHealthCheck(spec: Obj): boolean {
  return str(spec.type) === 'LoadBalancer' && str(spec.externalTrafficPolicy) === 'Local';
}

function validateClusterIPsRelatedFields(spec: Obj): FieldError[] {
  if (str(spec.type) === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips = clusterIPsOf(spec);
  const families = strArr(spec.ipFamilies);
  const clusterIP = str(spec.clusterIP);
  if (clusterIP !== '') {
    if (ips.length === 0) errs.push(required('spec.clusterIPs'));
    else if (ips[0] !== clusterIP)
      errs.push(invalid('spec.clusterIPs', ips, 'first value must match `clusterIP`'));
  } else if (ips.length !== 0)
    errs.push(invalid('spec.clusterIPs', ips, 'must be empty when `clusterIP` is not specified'));
  const seen = new Set<string>();
  families.forEach((family, i) => {
    if (family !== 'IPv4' && family !== 'IPv6')
      errs.push(notSupported(index('spec.ipFamilies', i), named(family), ['IPv4', 'IPv6']));
    if (seen.has(family)) errs.push(duplicate(index('spec.ipFamilies', i), named(family)));
    seen.add(family);
  });
  if (
    typeof spec.ipFamilyPolicy === 'string' &&
    !['PreferDualStack', 'RequireDualStack', 'SingleStack'].includes(spec.ipFamilyPolicy)
  ) {
    errs.push(
      notSupported('spec.ipFamilyPolicy', named(spec.ipFamilyPolicy), [
        'PreferDualStack',
        'RequireDualStack',
        'SingleStack',
      ]),
    );
  }
  let badIPs = false;
  ips.forEach((ip, i) => {
    if (i === 0 && ip === 'None') {
      if (ips.length > 1) {
        badIPs = true;
        errs.push(invalid('spec.clusterIPs', ips, "'None' must be the first and only value"));
      }
      return;
    }
    const msgs = isValidIP(ip);
    if (msgs.length > 0) badIPs = true;
    for (const msg of msgs) errs.push(invalid(index('spec.clusterIPs', i), ip, msg));
  });
  if (ips.length > 2) errs.push(invalid('spec.clusterIPs', ips, 'may only hold up to 2 values'));
  if (badIPs) return errs;
  if (ips.length > 1 && ipFamilySloppy(ips[0] ?? '') === ipFamilySloppy(ips[1] ?? '')) {
    errs.push(invalid('spec.clusterIPs', ips, 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(spec) && ips.length > 0 && families.length > 0) {
    ips.forEach((ip, i) => {
      const family = families[i];
      if (family === undefined) return;
      const isV6 = ipFamilySloppy(ip) === 6;
      if (family === 'IPv4' && isV6)
        errs.push(
          invalid(
            index('spec.clusterIPs', i),
            ip,
            `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
      if (family === 'IPv6' && !isV6)
        errs.push(
          invalid(
            index('spec.clusterIPs', i),
            ip,
            `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``,
          ),
        );
    });
  }
  return errs;
}

const serviceTypes = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];

export function validateService(svc: KubeObject): FieldError[] {
  const errs = validateMeta(svc.metadata, true, validateServiceName);
  const spec = objOr(svc.spec);
  const type = str(spec.type);
  const ports = objArr(spec.ports);
  const headless = isHeadless(spec);
  if (ports.length === 0 && !headless && type !== 'ExternalName') errs.push(required('spec.ports'));
  const ips = clusterIPsOf(spec);
  if ((type === 'LoadBalancer' || type === 'NodePort') && headless) {
    errs.push(invalid('spec.clusterIPs[0]', ips[0] ?? '', `may not be set to 'None' for ${type} services`));
  } else if (type === 'ExternalName') {
    if (ips.length > 0) errs.push(forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
    if (strArr(spec.ipFamilies).length > 0)
      errs.push(forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
    if (spec.ipFamilyPolicy !== undefined && spec.ipFamilyPolicy !== null) {
      errs.push(forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
    }
    const cname = str(spec.externalName).replace(/\.$/, '');
    if (cname !== '') errs.push(...validateDNS1123Subdomain(cname, 'spec.externalName'));
    else errs.push(required('spec.externalName'));
  }
  const names = new Set<string>();
  ports.forEach((port, i) =>
    errs.push(...validateServicePort(port, ports.length > 1, names, index('spec.ports', i))),
  );
  if (isObj(spec.selector)) errs.push(...validateLabels(strMap(spec.selector), 'spec.selector'));
  const affinity = str(spec.sessionAffinity);
  if (affinity === '') errs.push(required('spec.sessionAffinity'));
  else if (affinity !== 'ClientIP' && affinity !== 'None')
    errs.push(notSupported('spec.sessionAffinity', named(affinity), ['ClientIP', 'None']));
  if (affinity === 'ClientIP') errs.push(...validateClientIPAffinity(spec.sessionAffinityConfig));
  else if (affinity === 'None' && isObj(spec.sessionAffinityConfig)) {
    errs.push(forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }
  errs.push(...validateClusterIPsRelatedFields(spec));
  strArr(spec.externalIPs).forEach((ip, i) => {
    const p = index('spec.externalIPs', i);
    const msgs = isValidIP(ip);
    if (msgs.length > 0) for (const msg of msgs) errs.push(invalid(p, ip, msg));
    else errs.push(...validateNonSpecialIP(ip, p));
  });
  if (type === '') errs.push(required('spec.type'));
  else if (!serviceTypes.includes(type)) errs.push(notSupported('spec.type', named(type), serviceTypes));
  if (type === 'ClusterIP') {
    ports.forEach((port, i) => {
      if (num(port.nodePort) !== 0)
        errs.push(forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    const nodePort = num(port.nodePort);
    if (nodePort === 0) return;
    const key = `${str(port.protocol)}/${nodePort}`;
    if (nodePorts.has(key)) errs.push(duplicate(`spec.ports[${i}].nodePort`, nodePort));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((port, i) => {
    const key = `${str(port.protocol)}/${num(port.port)}`;
    if (portKeys.has(key)) errs.push(duplicate(`spec.ports[${i}]`, servicePortKey(port)));
    portKeys.add(key);
  });
  const ranges = strArr(spec.loadBalancerSourceRanges);
  if (ranges.length > 0) {
    if (type !== 'LoadBalancer')
      errs.push(forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    ranges.forEach((value, i) => {
      const trimmed = value.trim();
      for (const msg of isValidCIDR(trimmed))
        errs.push(invalid(index('spec.LoadBalancerSourceRanges', i), trimmed, msg));
    });
  }
  if (
    spec.allocateLoadBalancerNodePorts !== undefined &&
    spec.allocateLoadBalancerNodePorts !== null &&
    type !== 'LoadBalancer'
  ) {
    errs.push(
      forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"),
    );
  }
  if (
    type === 'LoadBalancer' &&
    (spec.allocateLoadBalancerNodePorts === undefined || spec.allocateLoadBalancerNodePorts === null)
  ) {
    errs.push(required('allocateLoadBalancerNodePorts'));
  }
  errs.push(...validateLoadBalancerClass(undefined, spec));
  errs.push(...validateTrafficPolicies(spec));
  return errs;
}

/** The (protocol, port) key Go prints for a duplicate port: an internal ServicePort. */
function servicePortKey(port: Obj): unknown {
  return goStruct(
    ['Name', ''],
    ['Protocol', named(str(port.protocol))],
    ['AppProtocol', null],
    ['Port', num(port.port)],
    ['TargetPort', 0],
    ['NodePort', 0],
  );
}

function validateClientIPAffinity(config: unknown): FieldError[] {
  const detail = 'when session affinity type is ClientIP';
  if (!isObj(config)) return [required('spec.sessionAffinityConfig', detail)];
  if (!isObj(config.clientIP)) return [required('spec.sessionAffinityConfig.clientIP', detail)];
  const timeout = config.clientIP.timeoutSeconds;
  const p = 'spec.sessionAffinityConfig.clientIP.timeoutSeconds';
  if (typeof timeout !== 'number') return [required(p, detail)];
  return timeout <= 0 || timeout > 86400
    ? [invalid(p, timeout, 'must be greater than 0 and less than 86400')]
    : [];
}

export function validateLoadBalancerClass(old: Obj | undefined, spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const lbClass = spec.loadBalancerClass;
  if (
    old &&
    str(old.type) === 'LoadBalancer' &&
    str(spec.type) === 'LoadBalancer' &&
    old.loadBalancerClass !== lbClass
  ) {
    errs.push(invalid('spec.loadBalancerClass', lbClass ?? null, 'may not change once set'));
  }
  if (str(spec.type) === 'LoadBalancer') {
    if (typeof lbClass === 'string') errs.push(...validateQualifiedName(lbClass, 'spec.loadBalancerClass'));
  } else if (typeof lbClass === 'string') {
    errs.push(forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
  }
  return errs;
}

function validateTrafficPolicies(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const etp = str(spec.externalTrafficPolicy);
  if (!externallyAccessible(spec)) {
    if (etp !== '')
      errs.push(
        invalid(
          'spec.externalTrafficPolicy',
          named(etp),
          'may only be set for externally-accessible services',
        ),
      );
  } else if (etp === '') errs.push(required('spec.externalTrafficPolicy'));
  else if (etp !== 'Cluster' && etp !== 'Local')
    errs.push(notSupported('spec.externalTrafficPolicy', named(etp), ['Cluster', 'Local']));
  const hc = num(spec.healthCheckNodePort);
  if (!needsHealthCheck(spec)) {
    if (hc !== 0) {
      errs.push(
        invalid(
          'spec.healthCheckNodePort',
          hc,
          "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'",
        ),
      );
    }
  } else if (hc === 0) errs.push(required('spec.healthCheckNodePort'));
  else for (const msg of isValidPortNum(hc)) errs.push(invalid('spec.healthCheckNodePort', hc, msg));
  const itp = spec.internalTrafficPolicy;
  const type = str(spec.type);
  if (
    (itp === undefined || itp === null) &&
    (type === 'NodePort' || type === 'LoadBalancer' || type === 'ClusterIP')
  ) {
    errs.push(required('spec.internalTrafficPolicy'));
  }
  if (typeof itp === 'string' && itp !== 'Cluster' && itp !== 'Local') {
    errs.push(notSupported('spec.internalTrafficPolicy', named(itp), ['Cluster', 'Local']));
  }
  if (
    typeof spec.trafficDistribution === 'string' &&
    !TRAFFIC_DISTRIBUTIONS.includes(spec.trafficDistribution)
  ) {
    errs.push(notSupported('spec.trafficDistribution', spec.trafficDistribution, TRAFFIC_DISTRIBUTIONS));
  }
  return errs;
}

/**
 * validateServiceTrafficDistribution: PreferClose, and with the PreferSameTrafficDistribution
 * gate (beta, on by default in 1.34) PreferSameZone and PreferSameNode, in this order.
 */
const TRAFFIC_DISTRIBUTIONS = ['PreferClose', 'PreferSameZone', 'PreferSameNode'];
