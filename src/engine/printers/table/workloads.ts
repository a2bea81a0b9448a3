/**
 * Workload controllers (printers.go printDeployment, printReplicaSet,
 * printReplicationController, printStatefulSet, printDaemonSet, printControllerRevision,
 * printPodTemplate). Counts come from status; desired replicas from spec.
 */
import { parseApiVersion, type KubeObject } from '../../api/types.ts';
import { int, obj, path, strMap } from './access.ts';
import {
  containerCells,
  formatLabels,
  formatLabelSelector,
  groupKindText,
  labelSelectorString,
} from './cells.ts';
import { ageColumn, column, containersColumn, imagesColumn, nameColumn, wide } from './columns.ts';
import { age, nameOf, type KindPrinter } from './printer.ts';

const selectorColumn = wide(
  'Selector',
  'string',
  'Label query over pods that should match the replicas count.',
);

function templateSpec(o: KubeObject): unknown {
  return path(o, 'spec', 'template', 'spec');
}

export const deploymentPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'Number of the pod with ready state'),
    column(
      'Up-to-date',
      'string',
      'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
    ),
    column(
      'Available',
      'string',
      'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
    ),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  row(d, ctx) {
    const spec = obj(d['spec']);
    const status = obj(d['status']);
    // printDeployment prints the selector without FormatLabelSelector's `<none>`.
    const selector = labelSelectorString(spec['selector']);
    const [names, images] = containerCells(templateSpec(d));
    return [
      nameOf(d),
      `${int(status['readyReplicas'])}/${int(spec['replicas'])}`,
      int(status['updatedReplicas']),
      int(status['availableReplicas']),
      age(d, ctx),
      names,
      images,
      selector === null ? '<invalid>' : (selector ?? ''),
    ];
  },
};

const replicaCountColumns = [
  nameColumn,
  column('Desired', 'integer', 'Replicas is the number of desired replicas.'),
  column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
  column('Ready', 'integer', 'The number of ready replicas for this replica set.'),
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn,
];

export const replicaSetPrinter: KindPrinter = {
  columns: replicaCountColumns,
  row(rs, ctx) {
    const spec = obj(rs['spec']);
    const status = obj(rs['status']);
    const [names, images] = containerCells(templateSpec(rs));
    return [
      nameOf(rs),
      int(spec['replicas']),
      int(status['replicas']),
      int(status['readyReplicas']),
      age(rs, ctx),
      names,
      images,
      formatLabelSelector(spec['selector']),
    ];
  },
};

export const replicationControllerPrinter: KindPrinter = {
  columns: replicaCountColumns,
  row(rc, ctx) {
    const spec = obj(rc['spec']);
    const status = obj(rc['status']);
    const [names, images] = containerCells(templateSpec(rc));
    return [
      nameOf(rc),
      int(spec['replicas']),
      int(status['replicas']),
      int(status['readyReplicas']),
      age(rc, ctx),
      names,
      images,
      formatLabels(strMap(spec['selector'])),
    ];
  },
};

export const statefulSetPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Ready', 'string', 'Number of the pod with ready state'),
    ageColumn,
    containersColumn,
    imagesColumn,
  ],
  row(sts, ctx) {
    const [names, images] = containerCells(templateSpec(sts));
    return [
      nameOf(sts),
      `${int(path(sts, 'status', 'readyReplicas'))}/${int(path(sts, 'spec', 'replicas'))}`,
      age(sts, ctx),
      names,
      images,
    ];
  },
};

export const daemonSetPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Desired', 'integer', 'The total number of nodes that should be running the daemon pod.'),
    column(
      'Current',
      'integer',
      'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.',
    ),
    column(
      'Ready',
      'integer',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.',
    ),
    column('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    column(
      'Available',
      'integer',
      'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available.',
    ),
    column(
      'Node Selector',
      'string',
      'NodeSelector is a selector which must be true for the pod to fit on a node.',
    ),
    ageColumn,
    containersColumn,
    imagesColumn,
    selectorColumn,
  ],
  row(ds, ctx) {
    const status = obj(ds['status']);
    const [names, images] = containerCells(templateSpec(ds));
    return [
      nameOf(ds),
      int(status['desiredNumberScheduled']),
      int(status['currentNumberScheduled']),
      int(status['numberReady']),
      int(status['updatedNumberScheduled']),
      int(status['numberAvailable']),
      formatLabels(strMap(path(ds, 'spec', 'template', 'spec', 'nodeSelector'))),
      age(ds, ctx),
      names,
      images,
      formatLabelSelector(path(ds, 'spec', 'selector')),
    ];
  },
};

export const controllerRevisionPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Controller', 'string', 'Controller of the object'),
    column('Revision', 'string', 'Revision indicates the revision of the state represented by Data.'),
    ageColumn,
  ],
  row(cr, ctx) {
    const owner = (cr.metadata.ownerReferences ?? []).find((ref) => ref.controller === true);
    const controller =
      owner === undefined
        ? '<none>'
        : `${groupKindText(parseApiVersion(owner.apiVersion).group, owner.kind)}/${owner.name}`;
    return [nameOf(cr), controller, int(cr['revision']), age(cr, ctx)];
  },
};

export const podTemplatePrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Containers', 'string', 'Names of each container in the template.'),
    column('Images', 'string', 'Images referenced by each container in the template.'),
    column('Pod Labels', 'string', 'The labels for the pod template.'),
  ],
  row(pt) {
    const [names, images] = containerCells(path(pt, 'template', 'spec'));
    return [nameOf(pt), names, images, formatLabels(strMap(path(pt, 'template', 'metadata', 'labels')))];
  },
};
