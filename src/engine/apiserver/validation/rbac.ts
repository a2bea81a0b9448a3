/**
 * rbac.authorization.k8s.io/v1 (pkg/apis/rbac/validation): roles need verbs and, for
 * resource rules, apiGroups and resources; bindings may never change their roleRef.
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain } from '../../validation/generic.ts';
import { child, deepEqual, index, objArr, objOr, str, strArr } from './access.ts';
import { invalid, notSupported, required } from './errors.ts';
import { validateMeta, validateMetaUpdate } from './meta.ts';
import { isValidPathSegmentName, validatePathSegmentName } from './names-extra.ts';
import { goStruct } from './values.ts';

const rbacGroup = 'rbac.authorization.k8s.io';

function validatePolicyRule(rule: Record<string, unknown>, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (strArr(rule.verbs).length === 0)
    errs.push(required(child(path, 'verbs'), 'verbs must contain at least one value'));
  const urls = strArr(rule.nonResourceURLs);
  if (urls.length > 0) {
    if (namespaced)
      errs.push(
        invalid(child(path, 'nonResourceURLs'), urls, 'namespaced rules cannot apply to non-resource URLs'),
      );
    if (
      strArr(rule.apiGroups).length > 0 ||
      strArr(rule.resources).length > 0 ||
      strArr(rule.resourceNames).length > 0
    ) {
      errs.push(
        invalid(
          child(path, 'nonResourceURLs'),
          urls,
          'rules cannot apply to both regular resources and non-resource URLs',
        ),
      );
    }
    return errs;
  }
  if (strArr(rule.apiGroups).length === 0)
    errs.push(required(child(path, 'apiGroups'), 'resource rules must supply at least one api group'));
  if (strArr(rule.resources).length === 0)
    errs.push(required(child(path, 'resources'), 'resource rules must supply at least one resource'));
  if (strArr(rule.resourceNames).length > 0 && strArr(rule.resources).length > 1) {
    errs.push(required(child(path, 'resourceNames'), 'resource names cannot apply to multiple resources'));
  }
  return errs;
}

export function validateRole(role: KubeObject, namespaced: boolean): FieldError[] {
  const errs = validateMeta(role.metadata, namespaced, validatePathSegmentName);
  objArr(role.rules).forEach((rule, i) =>
    errs.push(...validatePolicyRule(rule, namespaced, index('rules', i))),
  );
  return errs;
}

export function validateRoleUpdate(next: KubeObject, old: KubeObject, namespaced: boolean): FieldError[] {
  return [...validateRole(next, namespaced), ...validateMetaUpdate(next.metadata, old.metadata)];
}

function validateSubject(subject: Record<string, unknown>, namespaced: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const name = str(subject.name);
  const apiGroup = str(subject.apiGroup);
  if (name === '') errs.push(required(child(path, 'name')));
  switch (str(subject.kind)) {
    case 'ServiceAccount':
      if (name !== '')
        for (const msg of nameIsDNSSubdomain(name, false)) errs.push(invalid(child(path, 'name'), name, msg));
      if (apiGroup !== '') errs.push(notSupported(child(path, 'apiGroup'), apiGroup, ['']));
      if (!namespaced && str(subject.namespace) === '') errs.push(required(child(path, 'namespace')));
      break;
    case 'User':
    case 'Group':
      if (name === '')
        errs.push(
          invalid(child(path, 'name'), name, `${str(subject.kind).toLowerCase()} name cannot be empty`),
        );
      if (apiGroup !== rbacGroup) errs.push(notSupported(child(path, 'apiGroup'), apiGroup, [rbacGroup]));
      break;
    default:
      errs.push(notSupported(child(path, 'kind'), str(subject.kind), ['ServiceAccount', 'User', 'Group']));
  }
  return errs;
}

export function validateRoleBinding(binding: KubeObject, namespaced: boolean): FieldError[] {
  const errs = validateMeta(binding.metadata, namespaced, validatePathSegmentName);
  const ref = objOr(binding.roleRef);
  if (str(ref.apiGroup) !== rbacGroup)
    errs.push(notSupported('roleRef.apiGroup', str(ref.apiGroup), [rbacGroup]));
  const kinds = namespaced ? ['Role', 'ClusterRole'] : ['ClusterRole'];
  if (!kinds.includes(str(ref.kind))) errs.push(notSupported('roleRef.kind', str(ref.kind), kinds));
  const name = str(ref.name);
  if (name === '') errs.push(required('roleRef.name'));
  else for (const msg of isValidPathSegmentName(name)) errs.push(invalid('roleRef.name', name, msg));
  objArr(binding.subjects).forEach((s, i) =>
    errs.push(...validateSubject(s, namespaced, index('subjects', i))),
  );
  return errs;
}

export function validateRoleBindingUpdate(
  next: KubeObject,
  old: KubeObject,
  namespaced: boolean,
): FieldError[] {
  const errs = [...validateRoleBinding(next, namespaced), ...validateMetaUpdate(next.metadata, old.metadata)];
  const a = objOr(next.roleRef);
  if (!deepEqual(a, objOr(old.roleRef))) {
    errs.push(
      invalid(
        'roleRef',
        goStruct(['APIGroup', str(a.apiGroup)], ['Kind', str(a.kind)], ['Name', str(a.name)]),
        'cannot change roleRef',
      ),
    );
  }
  return errs;
}
