/**
 * Cluster-level and configuration kinds (printers.go printNode, printNamespace,
 * printConfigMap, printSecret, printServiceAccount, printLease, printRuntimeClass,
 * printPriorityClass).
 */
import type { KubeObject } from '../../api/types.ts';
import { int, list, obj, objList, optStr, path, str } from './access.ts';
import { ageColumn, column, nameColumn, wide } from './columns.ts';
import { age, nameOf, type KindPrinter } from './printer.ts';

/** printers.go findNodeRoles: `node-role.kubernetes.io/<role>` keys and `kubernetes.io/role` values. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith('node-role.kubernetes.io/')) {
      const role = key.slice('node-role.kubernetes.io/'.length);
      if (role !== '') roles.add(role);
    } else if (key === 'kubernetes.io/role' && value !== '') {
      roles.add(value);
    }
  }
  return [...roles].sort();
}

function nodeStatus(node: KubeObject): string {
  const ready = objList(path(node, 'status', 'conditions')).findLast((c) => c['type'] === 'Ready');
  const status = ready === undefined ? ['Unknown'] : [ready['status'] === 'True' ? 'Ready' : 'NotReady'];
  if (path(node, 'spec', 'unschedulable') === true) status.push('SchedulingDisabled');
  return status.join(',');
}

function nodeAddress(node: KubeObject, type: string): string {
  const found = objList(path(node, 'status', 'addresses')).find((a) => a['type'] === type);
  return found === undefined ? '<none>' : str(found['address']);
}

export const nodePrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Status', 'string', 'The status of the node'),
    column('Roles', 'string', 'The roles of the node'),
    ageColumn,
    column('Version', 'string', 'Kubelet Version reported by the node.'),
    wide('Internal-IP', 'string', 'List of addresses reachable to the node.'),
    wide('External-IP', 'string', 'List of addresses reachable to the node.'),
    wide(
      'OS-Image',
      'string',
      'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).',
    ),
    wide(
      'Kernel-Version',
      'string',
      "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).",
    ),
    wide(
      'Container-Runtime',
      'string',
      'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).',
    ),
  ],
  row(node, ctx) {
    const info = obj(path(node, 'status', 'nodeInfo'));
    const roles = nodeRoles(node);
    return [
      nameOf(node),
      nodeStatus(node),
      roles.length > 0 ? roles.join(',') : '<none>',
      age(node, ctx),
      str(info['kubeletVersion']),
      nodeAddress(node, 'InternalIP'),
      nodeAddress(node, 'ExternalIP'),
      str(info['osImage']) || '<unknown>',
      str(info['kernelVersion']) || '<unknown>',
      str(info['containerRuntimeVersion']) || '<unknown>',
    ];
  },
};

export const namespacePrinter: KindPrinter = {
  columns: [nameColumn, column('Status', 'string', 'The status of the namespace'), ageColumn],
  row(ns, ctx) {
    return [nameOf(ns), str(path(ns, 'status', 'phase')), age(ns, ctx)];
  },
};

export const configMapPrinter: KindPrinter = {
  columns: [nameColumn, column('Data', 'string', 'Data contains the configuration data.'), ageColumn],
  row(cm, ctx) {
    return [
      nameOf(cm),
      Object.keys(obj(cm['data'])).length + Object.keys(obj(cm['binaryData'])).length,
      age(cm, ctx),
    ];
  },
};

export const secretPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Type', 'string', 'Used to facilitate programmatic handling of secret data.'),
    column('Data', 'string', 'Data contains the secret data.'),
    ageColumn,
  ],
  row(secret, ctx) {
    // stringData is merged into data when the object is decoded.
    const keys = new Set([...Object.keys(obj(secret['data'])), ...Object.keys(obj(secret['stringData']))]);
    return [nameOf(secret), optStr(secret['type']) ?? 'Opaque', keys.size, age(secret, ctx)];
  },
};

export const serviceAccountPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column(
      'Secrets',
      'string',
      'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use.',
    ),
    ageColumn,
  ],
  row(sa, ctx) {
    return [nameOf(sa), list(sa['secrets']).length, age(sa, ctx)];
  },
};

export const leasePrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'),
    ageColumn,
  ],
  row(lease, ctx) {
    return [nameOf(lease), str(path(lease, 'spec', 'holderIdentity')), age(lease, ctx)];
  },
};

export const runtimeClassPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Handler', 'string', 'Handler specifies the underlying runtime and configuration.'),
    ageColumn,
  ],
  row(rc, ctx) {
    return [nameOf(rc), str(rc['handler']), age(rc, ctx)];
  },
};

export const priorityClassPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Value', 'integer', 'value represents the integer value of this priority class.'),
    column(
      'Global-Default',
      'boolean',
      'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.',
    ),
    ageColumn,
    // Not marked wide by the server, so kubectl always shows it.
    column(
      'PreemptionPolicy',
      'string',
      'preemptionPolicy is the Policy for preempting pods with lower priority.',
    ),
  ],
  row(pc, ctx) {
    return [
      nameOf(pc),
      int(pc['value']),
      pc['globalDefault'] === true,
      age(pc, ctx),
      str(pc['preemptionPolicy']),
    ];
  },
};
