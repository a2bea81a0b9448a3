/**
 * Policy, quota, autoscaling and RBAC binding kinds (printers.go printPodDisruptionBudget,
 * printResourceQuota, printHorizontalPodAutoscaler, printRoleBinding, printClusterRoleBinding).
 */
import type { KubeObject } from '../../api/types.ts';
import { int, obj, objList, optInt, optObj, path, str, type Obj } from './access.ts';
import { intOrString, quantity } from './cells.ts';
import { ageColumn, column, nameColumn, wide } from './columns.ts';
import { age, nameOf, type KindPrinter } from './printer.ts';

export const podDisruptionBudgetPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    ageColumn,
  ],
  row(pdb, ctx) {
    const spec = obj(pdb['spec']);
    const bound = (v: unknown): string => (v === undefined || v === null ? 'N/A' : intOrString(v));
    return [
      nameOf(pdb),
      bound(spec['minAvailable']),
      bound(spec['maxUnavailable']),
      int(path(pdb, 'status', 'disruptionsAllowed')),
      age(pdb, ctx),
    ];
  },
};

export const resourceQuotaPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column(
      'Request',
      'string',
      'Request represents a minimum amount of cpu/memory that a container may consume.',
    ),
    column(
      'Limit',
      'string',
      'Limits control the maximum amount of cpu/memory that a container may use independent of contention on the node.',
    ),
    ageColumn,
  ],
  row(quota, ctx) {
    const hard = obj(path(quota, 'status', 'hard'));
    const used = obj(path(quota, 'status', 'used'));
    const requests: string[] = [];
    const limits: string[] = [];
    for (const resource of Object.keys(hard).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
      const text = `${resource}: ${quantity(used[resource])}/${quantity(hard[resource])}`;
      const pieces = resource.split('.');
      (pieces.length > 1 && pieces[0] === 'limits' ? limits : requests).push(text);
    }
    return [nameOf(quota), requests.join(', '), limits.join(', '), age(quota, ctx)];
  },
};

/** autoscaling/v1 objects carry one CPU target; the internal form is a metrics list. */
function hpaMetrics(hpa: KubeObject): { specs: Obj[]; statuses: Obj[] } {
  const spec = obj(hpa['spec']);
  const status = obj(hpa['status']);
  if (hpa.apiVersion === 'autoscaling/v1') {
    const target = optInt(spec['targetCPUUtilizationPercentage']);
    const current = optInt(status['currentCPUUtilizationPercentage']);
    return {
      specs:
        target === undefined
          ? []
          : [{ type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: target } } }],
      statuses:
        current === undefined
          ? []
          : [{ type: 'Resource', resource: { name: 'cpu', current: { averageUtilization: current } } }],
    };
  }
  return { specs: objList(spec['metrics']), statuses: objList(status['currentMetrics']) };
}

/** A Quantity pointer's String(): `<nil>` when absent. */
function qty(value: unknown): string {
  return quantity(value, '<nil>');
}

/** One entry of the TARGETS cell, e.g. `cpu: 42%/80%` or `<unknown>/100 (avg)`. */
function formatMetric(spec: Obj, status: Obj | undefined): string {
  const type = str(spec['type']);
  switch (type) {
    case 'External':
    case 'Object': {
      const key = type === 'External' ? 'external' : 'object';
      const target = obj(obj(spec[key])['target']);
      const current = optObj(status?.[key]);
      if (target['averageValue'] !== undefined && target['averageValue'] !== null) {
        const now =
          current !== undefined && path(current, 'current', 'averageValue') != null
            ? qty(path(current, 'current', 'averageValue'))
            : '<unknown>';
        return `${now}/${qty(target['averageValue'])} (avg)`;
      }
      const now = current !== undefined ? qty(path(current, 'current', 'value')) : '<unknown>';
      return `${now}/${qty(target['value'])}`;
    }
    case 'Pods': {
      const current = optObj(status?.['pods']);
      const now = current !== undefined ? qty(path(current, 'current', 'averageValue')) : '<unknown>';
      return `${now}/${qty(path(spec, 'pods', 'target', 'averageValue'))}`;
    }
    case 'Resource':
    case 'ContainerResource': {
      const key = type === 'Resource' ? 'resource' : 'containerResource';
      const source = obj(spec[key]);
      const target = obj(source['target']);
      const current = optObj(status?.[key]);
      const name = str(source['name']);
      if (target['averageValue'] !== undefined && target['averageValue'] !== null) {
        const now = current !== undefined ? qty(path(current, 'current', 'averageValue')) : '<unknown>';
        return `${name}: ${now}/${qty(target['averageValue'])}`;
      }
      const utilization = optInt(path(current, 'current', 'averageUtilization'));
      const now = current !== undefined && utilization !== undefined ? `${utilization}%` : '<unknown>';
      const wanted = optInt(target['averageUtilization']);
      return `${name}: ${now}/${wanted !== undefined ? `${wanted}%` : '<auto>'}`;
    }
    default:
      return '<unknown type>';
  }
}

/** printers.go formatHPAMetrics: at most two targets, then ` + N more...`. */
export function formatHpaTargets(hpa: KubeObject): string {
  const { specs, statuses } = hpaMetrics(hpa);
  if (specs.length === 0) return '<none>';
  // Statuses are matched to specs by position, as the server does.
  const entries = specs.map((spec, i) => formatMetric(spec, statuses[i]));
  if (entries.length <= 2) return entries.join(', ');
  return `${entries.slice(0, 2).join(', ')} + ${entries.length - 2} more...`;
}

export const horizontalPodAutoscalerPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Reference', 'string', 'scaleTargetRef points to the target resource to scale.'),
    column(
      'Targets',
      'string',
      'metrics contains the specifications for which to use to calculate the desired replica count.',
    ),
    column(
      'MinPods',
      'string',
      'minReplicas is the lower limit for the number of replicas to which the autoscaler can scale down.',
    ),
    column(
      'MaxPods',
      'string',
      'maxReplicas is the upper limit for the number of replicas to which the autoscaler can scale up.',
    ),
    column(
      'Replicas',
      'string',
      'currentReplicas is current number of replicas of pods managed by this autoscaler.',
    ),
    ageColumn,
  ],
  row(hpa, ctx) {
    const spec = obj(hpa['spec']);
    const ref = obj(spec['scaleTargetRef']);
    const min = optInt(spec['minReplicas']);
    return [
      nameOf(hpa),
      `${str(ref['kind'])}/${str(ref['name'])}`,
      formatHpaTargets(hpa),
      min === undefined ? '<unset>' : String(min),
      int(spec['maxReplicas']),
      int(path(hpa, 'status', 'currentReplicas')),
      age(hpa, ctx),
    ];
  },
};

/** rbac.SubjectsStrings: users, groups and `namespace/name` service accounts. */
function subjects(binding: KubeObject): [string, string, string] {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const subject of objList(binding['subjects'])) {
    const name = str(subject['name']);
    if (subject['kind'] === 'ServiceAccount') serviceAccounts.push(`${str(subject['namespace'])}/${name}`);
    else if (subject['kind'] === 'User') users.push(name);
    else if (subject['kind'] === 'Group') groups.push(name);
  }
  return [users.join(', '), groups.join(', '), serviceAccounts.join(', ')];
}

function bindingPrinter(what: string): KindPrinter {
  return {
    columns: [
      nameColumn,
      column(
        'Role',
        'string',
        `RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace.`,
      ),
      ageColumn,
      wide('Users', 'string', `Users in the ${what}`),
      wide('Groups', 'string', `Groups in the ${what}`),
      wide('ServiceAccounts', 'string', `ServiceAccounts in the ${what}`),
    ],
    row(binding, ctx) {
      const ref = obj(binding['roleRef']);
      return [
        nameOf(binding),
        `${str(ref['kind'])}/${str(ref['name'])}`,
        age(binding, ctx),
        ...subjects(binding),
      ];
    },
  };
}

export const roleBindingPrinter = bindingPrinter('roleBinding');
export const clusterRoleBindingPrinter = bindingPrinter('clusterRoleBinding');
