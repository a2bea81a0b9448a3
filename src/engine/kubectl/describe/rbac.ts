/**
 * Describers for RBAC: Roles and ClusterRoles as kubectl's PolicyRule table (each rule broken
 * down to one resource, simple ones merged, sorted as Go prints them), and bindings as their
 * role reference and subjects.
 */
import type { KubeObject } from '../../api/types.ts';
import { DescribeWriter } from './describe-writer.ts';
import { writeIdentity } from './preamble.ts';
import { arr, obj, s, type Obj } from './format.ts';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

const strings = (v: unknown): string[] => arr(v as never).map((x) => s(x));

/** One rule per group and resource (and resource name), and one per non-resource URL. */
function breakdown(rule: Obj): Rule[] {
  const verbs = strings(rule.verbs);
  const out: Rule[] = [];
  for (const group of strings(rule.apiGroups)) {
    for (const resource of strings(rule.resources)) {
      const names = strings(rule.resourceNames);
      for (const name of names.length ? names : [undefined]) {
        out.push({
          verbs,
          apiGroups: [group],
          resources: [resource],
          resourceNames: name ? [name] : [],
          nonResourceURLs: [],
        });
      }
    }
  }
  for (const url of strings(rule.nonResourceURLs)) {
    out.push({ verbs, apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  }
  return out;
}

/** Rules on one group and resource with no names are merged: their verbs are appended. */
function compact(rules: readonly Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const rule of rules) {
    const isSimple =
      rule.apiGroups.length === 1 &&
      rule.resources.length === 1 &&
      !rule.resourceNames.length &&
      !rule.nonResourceURLs.length;
    if (!isSimple) {
      out.push(rule);
      continue;
    }
    const key = `${rule.apiGroups[0]!}/${rule.resources[0]!}`;
    const existing = simple.get(key);
    if (existing) existing.verbs = [...existing.verbs, ...rule.verbs];
    else simple.set(key, { ...rule, verbs: [...rule.verbs] });
  }
  return [...out, ...simple.values()];
}

/** The generated Go String() of a PolicyRule, which kubectl sorts the rows by. */
function goString(rule: Rule): string {
  const list = (xs: readonly string[]) => `[${xs.join(' ')}]`;
  return `&PolicyRule{Verbs:${list(rule.verbs)},APIGroups:${list(rule.apiGroups)},Resources:${list(rule.resources)},ResourceNames:${list(rule.resourceNames)},NonResourceURLs:${list(rule.nonResourceURLs)},}`;
}

function resourceWithGroup(rule: Rule): string {
  return rule.resources
    .flatMap((r) => (rule.apiGroups.length ? rule.apiGroups.map((g) => (g ? `${r}.${g}` : r)) : [r]))
    .join(' ');
}

export function describeRole(object: KubeObject): string {
  const o = object as unknown as Obj;
  const w = new DescribeWriter();
  writeIdentity(w, obj(o.metadata), false);
  const rules = compact(arr(o.rules).map(obj).flatMap(breakdown)).sort((a, b) => {
    const [x, y] = [goString(a), goString(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  const list = (xs: readonly string[]) => `[${xs.join(' ')}]`;
  for (const rule of rules) {
    w.write(
      1,
      `${resourceWithGroup(rule)}\t${list(rule.nonResourceURLs)}\t${list(rule.resourceNames)}\t${list(rule.verbs)}\n`,
    );
  }
  return w.text();
}

export function describeRoleBinding(object: KubeObject): string {
  const o = object as unknown as Obj;
  const w = new DescribeWriter();
  writeIdentity(w, obj(o.metadata), false);
  const ref = obj(o.roleRef);
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${s(ref.kind)}\n`);
  w.write(1, `Name:\t${s(ref.name)}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const subject of arr(o.subjects).map(obj)) {
    w.write(1, `${s(subject.kind)}\t${s(subject.name)}\t${s(subject.namespace)}\n`);
  }
  return w.text();
}
