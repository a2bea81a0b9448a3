/**
 * Which printer the server uses for each kind. Kinds missing here get the default table,
 * as their registries in kube-apiserver install no printer (roles, limit ranges, bindings).
 */
import { jobPrinter, cronJobPrinter } from './batch.ts';
import {
  configMapPrinter,
  leasePrinter,
  namespacePrinter,
  nodePrinter,
  priorityClassPrinter,
  runtimeClassPrinter,
  secretPrinter,
  serviceAccountPrinter,
} from './cluster.ts';
import { defaultPrinter } from './default-table.ts';
import { eventPrinter } from './event.ts';
import { ingressClassPrinter, ingressPrinter, networkPolicyPrinter } from './networking.ts';
import { podPrinter } from './pod.ts';
import {
  clusterRoleBindingPrinter,
  horizontalPodAutoscalerPrinter,
  podDisruptionBudgetPrinter,
  resourceQuotaPrinter,
  roleBindingPrinter,
} from './policy.ts';
import type { KindPrinter } from './printer.ts';
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from './service.ts';
import {
  csiDriverPrinter,
  csiNodePrinter,
  persistentVolumeClaimPrinter,
  persistentVolumePrinter,
  storageClassPrinter,
  volumeAttachmentPrinter,
} from './storage.ts';
import {
  controllerRevisionPrinter,
  daemonSetPrinter,
  deploymentPrinter,
  podTemplatePrinter,
  replicaSetPrinter,
  replicationControllerPrinter,
  statefulSetPrinter,
} from './workloads.ts';

/** Keyed by `group/Kind` (core group: `/Kind`). */
const printers = new Map<string, KindPrinter>([
  ['/ConfigMap', configMapPrinter],
  ['/Endpoints', endpointsPrinter],
  ['/Event', eventPrinter],
  ['/Namespace', namespacePrinter],
  ['/Node', nodePrinter],
  ['/PersistentVolumeClaim', persistentVolumeClaimPrinter],
  ['/PersistentVolume', persistentVolumePrinter],
  ['/Pod', podPrinter],
  ['/PodTemplate', podTemplatePrinter],
  ['/ReplicationController', replicationControllerPrinter],
  ['/ResourceQuota', resourceQuotaPrinter],
  ['/Secret', secretPrinter],
  ['/ServiceAccount', serviceAccountPrinter],
  ['/Service', servicePrinter],
  ['apps/ControllerRevision', controllerRevisionPrinter],
  ['apps/DaemonSet', daemonSetPrinter],
  ['apps/Deployment', deploymentPrinter],
  ['apps/ReplicaSet', replicaSetPrinter],
  ['apps/StatefulSet', statefulSetPrinter],
  ['autoscaling/HorizontalPodAutoscaler', horizontalPodAutoscalerPrinter],
  ['batch/CronJob', cronJobPrinter],
  ['batch/Job', jobPrinter],
  ['coordination.k8s.io/Lease', leasePrinter],
  ['discovery.k8s.io/EndpointSlice', endpointSlicePrinter],
  ['events.k8s.io/Event', eventPrinter],
  ['networking.k8s.io/IngressClass', ingressClassPrinter],
  ['networking.k8s.io/Ingress', ingressPrinter],
  ['networking.k8s.io/NetworkPolicy', networkPolicyPrinter],
  ['node.k8s.io/RuntimeClass', runtimeClassPrinter],
  ['policy/PodDisruptionBudget', podDisruptionBudgetPrinter],
  ['rbac.authorization.k8s.io/ClusterRoleBinding', clusterRoleBindingPrinter],
  ['rbac.authorization.k8s.io/RoleBinding', roleBindingPrinter],
  ['scheduling.k8s.io/PriorityClass', priorityClassPrinter],
  ['storage.k8s.io/CSIDriver', csiDriverPrinter],
  ['storage.k8s.io/CSINode', csiNodePrinter],
  ['storage.k8s.io/StorageClass', storageClassPrinter],
  ['storage.k8s.io/VolumeAttachment', volumeAttachmentPrinter],
]);

export function printerFor(group: string, kind: string): KindPrinter {
  return printers.get(`${group}/${kind}`) ?? defaultPrinter;
}

/** Whether the server has a dedicated printer for the kind (else the NAME / CREATED AT table). */
export function hasPrinter(group: string, kind: string): boolean {
  return printers.has(`${group}/${kind}`);
}
