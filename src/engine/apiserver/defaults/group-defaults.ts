/**
 * Defaults of the smaller API groups: networking, storage, RBAC, scheduling and discovery.
 */
import type { Obj } from './json.ts';
import { child, children, defaultPointer, defaultString, ensureChild } from './json.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

export function defaultNetworkPolicy(policy: Obj): void {
  const spec = ensureChild(policy, 'spec');
  // LabelSelector is a plain struct here, so an empty selector still serialises as `{}`.
  ensureChild(spec, 'podSelector');
  if (!Array.isArray(spec.policyTypes) || spec.policyTypes.length === 0) {
    spec.policyTypes =
      Array.isArray(spec.egress) && spec.egress.length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
  }
  for (const rule of [...children(spec, 'ingress'), ...children(spec, 'egress')]) {
    for (const port of children(rule, 'ports')) defaultPointer(port, 'protocol', 'TCP');
  }
}

export function defaultIngressClass(ingressClass: Obj): void {
  const parameters = child(child(ingressClass, 'spec') ?? {}, 'parameters');
  if (parameters) defaultPointer(parameters, 'scope', 'Cluster');
}

export function defaultStorageClass(storageClass: Obj): void {
  defaultPointer(storageClass, 'reclaimPolicy', 'Delete');
  defaultPointer(storageClass, 'volumeBindingMode', 'Immediate');
}

export function defaultCsiDriver(driver: Obj): void {
  const spec = ensureChild(driver, 'spec');
  defaultPointer(spec, 'attachRequired', true);
  defaultPointer(spec, 'podInfoOnMount', false);
  defaultPointer(spec, 'storageCapacity', false);
  defaultPointer(spec, 'fsGroupPolicy', 'ReadWriteOnceWithFSType');
  if (!Array.isArray(spec.volumeLifecycleModes) || spec.volumeLifecycleModes.length === 0) {
    spec.volumeLifecycleModes = ['Persistent'];
  }
  defaultPointer(spec, 'requiresRepublish', false);
  defaultPointer(spec, 'seLinuxMount', false);
}

/** RoleBinding and ClusterRoleBinding: the role and user/group subjects live in the RBAC group. */
export function defaultRoleBinding(binding: Obj): void {
  defaultString(ensureChild(binding, 'roleRef'), 'apiGroup', RBAC_GROUP);
  for (const subject of children(binding, 'subjects')) {
    if (subject.apiGroup !== undefined && subject.apiGroup !== null && subject.apiGroup !== '') continue;
    // A ServiceAccount subject keeps the core group, which serialises as no apiGroup at all.
    if (subject.kind === 'ServiceAccount') delete subject.apiGroup;
    else if (subject.kind === 'User' || subject.kind === 'Group') subject.apiGroup = RBAC_GROUP;
  }
}

export function defaultPriorityClass(priorityClass: Obj): void {
  defaultPointer(priorityClass, 'preemptionPolicy', 'PreemptLowerPriority');
}

export function defaultEndpointSlice(slice: Obj): void {
  for (const port of children(slice, 'ports')) {
    defaultPointer(port, 'name', '');
    defaultPointer(port, 'protocol', 'TCP');
  }
}
