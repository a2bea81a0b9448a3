/**
 * ValidatePodSpec: the checks every pod spec passes, in a Pod or inside a workload template
 * (the caller's path prefix, e.g. `spec.template.spec`, makes the difference).
 */
import type { FieldError } from '../../api/field-errors.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { isValidIP } from '../../validation/names.ts';
import { validateLabels } from '../../validation/object-meta.ts';
import { child, index, isObj, num, numOpt, objArr, str, strArr, strMap } from './access.ts';
import { duplicate, forbidden, invalid, notSupported, required } from './errors.ts';
import { isDNS1123SubdomainWithUnderscore } from './names-extra.ts';
import type { ContainerContext } from './container.ts';
import { validateContainers, validateEphemeralContainers, validateInitContainers } from './containers.ts';
import {
  validateDNS1123Label,
  validateDNS1123Subdomain,
  validateNameWith,
  validateQualifiedName,
} from './core-names.ts';
import { validateContainerResourceName, validateResourceRequirements } from './resources.ts';
import {
  validateAffinity,
  validateTolerations,
  validateTopologySpreadConstraints,
} from './scheduling-constraints.ts';
import { hostUsersOf, validateHostUsers, validatePodSecurityContext } from './security-context.ts';
import { named } from './values.ts';
import { validateVolumes } from './volumes.ts';

type Obj = Record<string, unknown>;

export interface PodSpecOptions {
  /** The spec belongs to a Pod (not a template): host ports must equal container ports, image volumes need a reference. */
  resourceIsPod: boolean;
  /** The pod's name, when known, for generic ephemeral volume claim names. */
  podName?: string;
}

const restartPolicies = ['Always', 'OnFailure', 'Never'];
const dnsPolicies = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const maxInt32 = 2147483647;

function validateRestartPolicy(policy: string, path: string): FieldError[] {
  if (restartPolicies.includes(policy)) return [];
  if (policy === '') return [required(path)];
  return [notSupported(path, named(policy), restartPolicies)];
}

function validateDNSPolicy(policy: string, path: string): FieldError[] {
  if (dnsPolicies.includes(policy)) return [];
  if (policy === '') return [required(path)];
  return [notSupported(path, named(policy), dnsPolicies)];
}

function validateIP(value: string, path: string): FieldError[] {
  return isValidIP(value).map((msg) => invalid(path, value, msg));
}

function validateDNSConfig(spec: Obj, path: string): FieldError[] {
  const config = spec.dnsConfig;
  if (str(spec.dnsPolicy) === 'None') {
    if (!isObj(config)) return [required(path, 'must provide `dnsConfig` when `dnsPolicy` is None')];
    if (strArr(config.nameservers).length === 0) {
      return [
        required(
          child(path, 'nameservers'),
          'must provide at least one DNS nameserver when `dnsPolicy` is None',
        ),
      ];
    }
  }
  if (!isObj(config)) return [];
  const errs: FieldError[] = [];
  const nameservers = strArr(config.nameservers);
  if (nameservers.length > 3)
    errs.push(invalid(child(path, 'nameservers'), nameservers, 'must not have more than 3 nameservers'));
  nameservers.forEach((ns, i) => errs.push(...validateIP(ns, index(child(path, 'nameservers'), i))));
  const searches = strArr(config.searches);
  if (searches.length > 32)
    errs.push(invalid(child(path, 'searches'), searches, 'must not have more than 32 search paths'));
  if (searches.join(' ').length > 2048) {
    errs.push(
      invalid(
        child(path, 'searches'),
        searches,
        'must not have more than 2048 characters (including spaces) in the search list',
      ),
    );
  }
  searches.forEach((search, i) => {
    if (search === '.') return;
    const trimmed = search.endsWith('.') ? search.slice(0, -1) : search;
    for (const msg of isDNS1123SubdomainWithUnderscore(trimmed)) {
      errs.push(invalid(index(child(path, 'searches'), i), trimmed, msg));
    }
  });
  objArr(config.options).forEach((o, i) => {
    if (str(o.name) === '') errs.push(required(index(child(path, 'options'), i), 'must not be empty'));
  });
  return errs;
}

function validateHostNetworkDeps(spec: Obj, path: string, resourceIsPod: boolean): FieldError[] {
  if (spec.hostNetwork !== true) return [];
  const errs: FieldError[] = [];
  objArr(spec.containers).forEach((container, i) => {
    objArr(container.ports).forEach((port, j) => {
      const hostPort = num(port.hostPort);
      const containerPort = num(port.containerPort);
      if ((resourceIsPod || hostPort !== 0) && hostPort !== containerPort) {
        errs.push(
          invalid(
            child(index(child(index(child(path, 'containers'), i), 'ports'), j), 'hostPort'),
            hostPort,
            'must match `containerPort` when `hostNetwork` is true',
          ),
        );
      }
    });
  });
  return errs;
}

function validateGates(spec: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [];
  objArr(spec.readinessGates).forEach((g, i) => {
    errs.push(
      ...validateQualifiedName(
        str(g.conditionType),
        child(index(child(path, 'readinessGates'), i), 'conditionType'),
      ),
    );
  });
  const seen = new Set<string>();
  objArr(spec.schedulingGates).forEach((g, i) => {
    const name = str(g.name);
    const p = index(child(path, 'schedulingGates'), i);
    errs.push(...validateQualifiedName(name, p));
    if (seen.has(name)) errs.push(duplicate(p, name));
    seen.add(name);
  });
  return errs;
}

export function validatePodSpec(specValue: unknown, path: string, options: PodSpecOptions): FieldError[] {
  const spec: Obj = isObj(specValue) ? specValue : {};
  const errs: FieldError[] = [];
  const gracePeriod = numOpt(spec.terminationGracePeriodSeconds);
  if (gracePeriod === undefined) errs.push(required(child(path, 'terminationGracePeriodSeconds')));
  const hostUsers = hostUsersOf(spec);
  const { volumes, errors } = validateVolumes(spec.volumes, options.podName, child(path, 'volumes'), options);
  errs.push(...errors);
  const podClaimNames = new Set(
    objArr(spec.resourceClaims)
      .map((c) => str(c.name))
      .filter((n) => n !== ''),
  );
  const ctx: ContainerContext = {
    volumes,
    podClaimNames,
    podRestartPolicy: str(spec.restartPolicy),
    hostUsers,
  };
  errs.push(...validateContainers(spec.containers, ctx, gracePeriod, child(path, 'containers')));
  errs.push(
    ...validateInitContainers(
      spec.initContainers,
      spec.containers,
      ctx,
      gracePeriod,
      child(path, 'initContainers'),
    ),
  );
  errs.push(
    ...validateEphemeralContainers(
      spec.ephemeralContainers,
      spec.containers,
      spec.initContainers,
      ctx,
      child(path, 'ephemeralContainers'),
    ),
  );
  if (isObj(spec.resources)) {
    if (spec.resources.claims !== undefined) {
      errs.push(
        forbidden(child(path, 'resources', 'claims'), 'claims cannot be set for Resources at pod-level'),
      );
    }
    errs.push(
      ...validateResourceRequirements(
        spec.resources,
        validateContainerResourceName,
        podClaimNames,
        child(path, 'resources'),
      ),
    );
  }
  errs.push(...validateHostNetworkDeps(spec, path, options.resourceIsPod));
  errs.push(...validateRestartPolicy(str(spec.restartPolicy), child(path, 'restartPolicy')));
  errs.push(...validateDNSPolicy(str(spec.dnsPolicy), child(path, 'dnsPolicy')));
  errs.push(...validateLabels(strMap(spec.nodeSelector), child(path, 'nodeSelector')));
  errs.push(...validatePodSecurityContext(spec, child(path, 'securityContext')));
  errs.push(...validateAffinity(spec.affinity, child(path, 'affinity')));
  errs.push(...validateDNSConfig(spec, child(path, 'dnsConfig')));
  errs.push(...validateGates(spec, path));
  errs.push(
    ...validateTopologySpreadConstraints(
      spec.topologySpreadConstraints,
      child(path, 'topologySpreadConstraints'),
    ),
  );
  errs.push(...validateHostUsers(spec, path));
  const serviceAccountName = str(spec.serviceAccountName);
  if (serviceAccountName !== '') {
    errs.push(...validateNameWith(nameIsDNSSubdomain, serviceAccountName, child(path, 'serviceAccountName')));
  }
  const nodeName = str(spec.nodeName);
  if (nodeName !== '') errs.push(...validateNameWith(nameIsDNSSubdomain, nodeName, child(path, 'nodeName')));
  const deadline = numOpt(spec.activeDeadlineSeconds);
  if (deadline !== undefined && (deadline < 1 || deadline > maxInt32)) {
    errs.push(
      invalid(child(path, 'activeDeadlineSeconds'), deadline, `must be between 1 and ${maxInt32}, inclusive`),
    );
  }
  if (str(spec.hostname) !== '')
    errs.push(...validateDNS1123Label(str(spec.hostname), child(path, 'hostname')));
  if (str(spec.subdomain) !== '')
    errs.push(...validateDNS1123Label(str(spec.subdomain), child(path, 'subdomain')));
  errs.push(...validateTolerations(spec.tolerations, child(path, 'tolerations')));
  objArr(spec.hostAliases).forEach((alias, i) => {
    const p = index(child(path, 'hostAliases'), i);
    errs.push(...validateIP(str(alias.ip), child(p, 'ip')));
    strArr(alias.hostnames).forEach((h, j) =>
      errs.push(...validateDNS1123Subdomain(h, index(child(p, 'hostnames'), j))),
    );
  });
  const priorityClassName = str(spec.priorityClassName);
  if (priorityClassName !== '') {
    errs.push(...validateNameWith(nameIsDNSSubdomain, priorityClassName, child(path, 'priorityClassName')));
  }
  if (typeof spec.runtimeClassName === 'string') {
    errs.push(
      ...validateNameWith(nameIsDNSSubdomain, spec.runtimeClassName, child(path, 'runtimeClassName')),
    );
  }
  if (typeof spec.preemptionPolicy === 'string') {
    const policy = spec.preemptionPolicy;
    if (policy === '') errs.push(required(child(path, 'preemptionPolicy')));
    else if (policy !== 'PreemptLowerPriority' && policy !== 'Never') {
      errs.push(
        notSupported(child(path, 'preemptionPolicy'), named(policy), ['PreemptLowerPriority', 'Never']),
      );
    }
  }
  if (isObj(spec.overhead)) {
    errs.push(
      ...validateResourceRequirements(
        { limits: spec.overhead },
        validateContainerResourceName,
        new Set(),
        child(path, 'overhead'),
      ),
    );
  }
  if (isObj(spec.os)) {
    const name = str(spec.os.name);
    if (name === '') errs.push(required(child(path, 'os', 'name'), 'cannot be empty'));
    else if (name !== 'linux' && name !== 'windows')
      errs.push(notSupported(child(path, 'os'), named(name), ['linux', 'windows']));
  }
  return errs;
}
