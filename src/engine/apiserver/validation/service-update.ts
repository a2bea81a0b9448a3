/**
 * Service updates (clusterIPs may be added or released but never changed) and status
 * writes (load balancer ingress).
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { isValidIP } from '../../validation/names.ts';
import { child, index, num, objArr, objOr, str } from './access.ts';
import { forbidden, invalid, notSupported, required } from './errors.ts';
import { validateDNS1123Subdomain } from './core-names.ts';
import { validateMetaUpdate } from './meta.ts';
import {
  clusterIPsOf,
  isHeadless,
  needsHealthCheck,
  validateLoadBalancerClass,
  validateService,
} from './service.ts';
import { named } from './values.ts';

type Obj = Record<string, unknown>;

function validateUpgradeDowngradeClusterIPs(old: Obj, spec: Obj): FieldError[] {
  if (str(spec.type) === 'ExternalName' || str(old.type) === 'ExternalName') return [];
  if (isHeadless(old) && isHeadless(spec)) return [];
  const a = clusterIPsOf(old);
  const b = clusterIPsOf(spec);
  const errs: FieldError[] = [];
  if (a.length === b.length) {
    a.forEach((ip, i) => {
      if (ip !== b[i]) errs.push(invalid(index('spec.clusterIPs', i), b, 'may not change once set'));
    });
  } else if (a.length > b.length) {
    if (b.length === 0) errs.push(invalid('spec.clusterIPs[0]', b, 'primary clusterIP can not be unset'));
    if (a.length > 0 && b.length > 0 && b[0] !== a[0])
      errs.push(invalid('spec.clusterIPs[0]', b, 'may not change once set'));
    if (b.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(
        invalid(
          'spec.ipFamilyPolicy',
          spec.ipFamilyPolicy ?? null,
          "must be set to 'SingleStack' when releasing the secondary clusterIP",
        ),
      );
    }
  } else if (a.length > 0 && b[0] !== a[0])
    errs.push(invalid('spec.clusterIPs[0]', b, 'may not change once set'));
  return errs;
}

export function validateServiceUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const spec = objOr(next.spec);
  const oldSpec = objOr(old.spec);
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  errs.push(...validateUpgradeDowngradeClusterIPs(oldSpec, spec));
  errs.push(...validateLoadBalancerClass(oldSpec, spec));
  if (
    needsHealthCheck(oldSpec) &&
    needsHealthCheck(spec) &&
    num(spec.healthCheckNodePort) !== num(oldSpec.healthCheckNodePort)
  ) {
    errs.push(forbidden('spec.healthCheckNodePort', 'field is immutable'));
  }
  errs.push(...validateService(next));
  return errs;
}

export function validateServiceStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  const type = str(objOr(next.spec).type);
  const ingress = objArr(objOr(objOr(next.status).loadBalancer).ingress);
  if (type !== 'LoadBalancer' && ingress.length > 0) {
    errs.push(
      forbidden('status.loadBalancer.ingress', "may only be used when `spec.type` is 'LoadBalancer'"),
    );
    return errs;
  }
  ingress.forEach((ing, i) => {
    const p = index('status.loadBalancer.ingress', i);
    const ip = str(ing.ip);
    if (ip !== '') for (const msg of isValidIP(ip)) errs.push(invalid(child(p, 'ip'), ip, msg));
    if (ing.ipMode === undefined && ip !== '')
      errs.push(required(child(p, 'ipMode'), 'must be specified when `ip` is set'));
    else if (typeof ing.ipMode === 'string' && ip === '')
      errs.push(forbidden(child(p, 'ipMode'), 'may not be specified when `ip` is not set'));
    else if (typeof ing.ipMode === 'string' && ing.ipMode !== 'VIP' && ing.ipMode !== 'Proxy') {
      errs.push(notSupported(child(p, 'ipMode'), named(ing.ipMode), ['Proxy', 'VIP']));
    }
    const hostname = str(ing.hostname);
    if (hostname !== '') {
      errs.push(...validateDNS1123Subdomain(hostname, child(p, 'hostname')));
      if (isValidIP(hostname).length === 0)
        errs.push(invalid(child(p, 'hostname'), hostname, 'must be a DNS name, not an IP address'));
    }
  });
  return errs;
}
