/**
 * Validation entry points for the API server: the kind-specific rules of each registry
 * strategy (pkg/apis/<group>/validation plus the strategies' own update checks), then, as
 * rest.BeforeCreate/BeforeUpdate do once those pass, the generic ObjectMeta rules.
 *
 * Errors come in Kubernetes' order. Identical messages are reported once, as the API
 * server's aggregate message does. Objects must already be defaulted and, for creates,
 * prepared by the strategy (a Job needs its uid and generated selector by now).
 */
import type { FieldError } from '../../api/field-errors.ts';
import { formatFieldError } from '../../api/field-errors.ts';
import { findKind } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { parseApiVersion } from '../../api/types.ts';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.ts';
import * as apps from './apps.ts';
import * as hpa from './autoscaling-storage.ts';
import * as batch from './batch.ts';
import * as cron from './cronjob.ts';
import * as config from './config-objects.ts';
import { validatePathSegmentName } from './names-extra.ts';
import * as net from './networking.ts';
import * as nodes from './node-objects.ts';
import * as pods from './pod.ts';
import * as quota from './quota-objects.ts';
import * as rbac from './rbac.ts';
import * as svc from './service.ts';
import * as svcUpdate from './service-update.ts';
import * as small from './small-groups.ts';
import * as sts from './statefulset.ts';
import * as volumes from './volume-objects.ts';
import { validateMetaUpdate } from './meta.ts';

type Create = (obj: KubeObject) => FieldError[];
type Update = (obj: KubeObject, old: KubeObject) => FieldError[];

interface KindRules {
  create: Create;
  update: Update;
  status?: Update;
}

const rules: Record<string, KindRules> = {
  '/Pod': {
    create: pods.validatePodCreate,
    update: pods.validatePodUpdate,
    status: pods.validatePodStatusUpdate,
  },
  '/PodTemplate': { create: pods.validatePodTemplateKind, update: pods.validatePodTemplateKindUpdate },
  '/Service': {
    create: svc.validateService,
    update: svcUpdate.validateServiceUpdate,
    status: svcUpdate.validateServiceStatusUpdate,
  },
  '/Namespace': {
    create: config.validateNamespace,
    update: config.validateNamespaceUpdate,
    status: config.validateNamespaceStatusUpdate,
  },
  '/ConfigMap': { create: config.validateConfigMap, update: config.validateConfigMapUpdate },
  '/Secret': { create: config.validateSecret, update: config.validateSecretUpdate },
  '/ServiceAccount': { create: config.validateServiceAccount, update: config.validateServiceAccountUpdate },
  '/LimitRange': { create: quota.validateLimitRange, update: quota.validateLimitRangeUpdate },
  '/ResourceQuota': {
    create: quota.validateResourceQuota,
    update: quota.validateResourceQuotaUpdate,
    status: quota.validateResourceQuotaStatusUpdate,
  },
  '/Endpoints': { create: nodes.validateEndpoints, update: nodes.validateEndpointsUpdate },
  '/Node': { create: nodes.validateNode, update: nodes.validateNodeUpdate, status: nodes.validateNodeUpdate },
  '/ReplicationController': {
    create: nodes.validateReplicationController,
    update: nodes.validateReplicationControllerUpdate,
  },
  '/Binding': { create: nodes.validateBinding, update: (o) => nodes.validateBinding(o) },
  '/Event': {
    create: (e) => nodes.validateEvent(e, false),
    update: (e, o) => nodes.validateEventUpdate(e, o, false),
  },
  '/PersistentVolume': {
    create: volumes.validatePersistentVolume,
    update: volumes.validatePersistentVolumeUpdate,
    status: volumes.validatePersistentVolumeStatusUpdate,
  },
  '/PersistentVolumeClaim': {
    create: volumes.validatePersistentVolumeClaim,
    update: volumes.validatePersistentVolumeClaimUpdate,
    status: volumes.validatePersistentVolumeClaimStatusUpdate,
  },
  'apps/Deployment': {
    create: apps.validateDeployment,
    update: apps.validateDeploymentUpdate,
    status: apps.validateDeploymentStatusUpdate,
  },
  'apps/ReplicaSet': {
    create: apps.validateReplicaSet,
    update: apps.validateReplicaSetUpdate,
    status: apps.validateReplicaSetStatusUpdate,
  },
  'apps/DaemonSet': {
    create: apps.validateDaemonSet,
    update: apps.validateDaemonSetUpdate,
    status: apps.validateDaemonSetStatusUpdate,
  },
  'apps/StatefulSet': {
    create: sts.validateStatefulSet,
    update: sts.validateStatefulSetUpdate,
    status: sts.validateStatefulSetStatusUpdate,
  },
  'apps/ControllerRevision': {
    create: sts.validateControllerRevision,
    update: sts.validateControllerRevisionUpdate,
  },
  'batch/Job': {
    create: batch.validateJob,
    update: batch.validateJobUpdate,
    status: batch.validateJobStatusUpdate,
  },
  'batch/CronJob': {
    create: cron.validateCronJob,
    update: cron.validateCronJobUpdate,
    status: cron.validateCronJobStatusUpdate,
  },
  'autoscaling/HorizontalPodAutoscaler': {
    create: hpa.validateHPA,
    update: hpa.validateHPAUpdate,
    status: hpa.validateHPAStatusUpdate,
  },
  'networking.k8s.io/Ingress': {
    create: net.validateIngress,
    update: net.validateIngressUpdate,
    status: net.validateIngressStatusUpdate,
  },
  'networking.k8s.io/IngressClass': {
    create: net.validateIngressClass,
    update: net.validateIngressClassUpdate,
  },
  'networking.k8s.io/NetworkPolicy': {
    create: net.validateNetworkPolicy,
    update: net.validateNetworkPolicyUpdate,
  },
  'rbac.authorization.k8s.io/Role': {
    create: (r) => rbac.validateRole(r, true),
    update: (r, o) => rbac.validateRoleUpdate(r, o, true),
  },
  'rbac.authorization.k8s.io/ClusterRole': {
    create: (r) => rbac.validateRole(r, false),
    update: (r, o) => rbac.validateRoleUpdate(r, o, false),
  },
  'rbac.authorization.k8s.io/RoleBinding': {
    create: (r) => rbac.validateRoleBinding(r, true),
    update: (r, o) => rbac.validateRoleBindingUpdate(r, o, true),
  },
  'rbac.authorization.k8s.io/ClusterRoleBinding': {
    create: (r) => rbac.validateRoleBinding(r, false),
    update: (r, o) => rbac.validateRoleBindingUpdate(r, o, false),
  },
  'policy/PodDisruptionBudget': {
    create: small.validatePodDisruptionBudget,
    update: small.validatePodDisruptionBudget,
    status: small.validatePodDisruptionBudgetStatusUpdate,
  },
  'scheduling.k8s.io/PriorityClass': {
    create: small.validatePriorityClass,
    update: small.validatePriorityClassUpdate,
  },
  'coordination.k8s.io/Lease': { create: small.validateLease, update: small.validateLeaseUpdate },
  'node.k8s.io/RuntimeClass': {
    create: small.validateRuntimeClass,
    update: small.validateRuntimeClassUpdate,
  },
  'discovery.k8s.io/EndpointSlice': {
    create: (s) => small.validateEndpointSlice(s),
    update: small.validateEndpointSliceUpdate,
  },
  'events.k8s.io/Event': {
    create: (e) => nodes.validateEvent(e, true),
    update: (e, o) => nodes.validateEventUpdate(e, o, true),
  },
  'storage.k8s.io/StorageClass': { create: hpa.validateStorageClass, update: hpa.validateStorageClassUpdate },
  'storage.k8s.io/CSIDriver': {
    create: hpa.validateStorageObject,
    update: (o) => hpa.validateStorageObject(o),
  },
  'storage.k8s.io/CSINode': {
    create: hpa.validateStorageObject,
    update: (o) => hpa.validateStorageObject(o),
  },
  'storage.k8s.io/VolumeAttachment': {
    create: hpa.validateStorageObject,
    update: (o) => hpa.validateStorageObject(o),
  },
};

function rulesFor(obj: KubeObject): KindRules | undefined {
  const { group } = parseApiVersion(obj.apiVersion);
  return rules[`${group}/${obj.kind}`];
}

function isNamespaced(obj: KubeObject): boolean {
  const { group, version } = parseApiVersion(obj.apiVersion);
  return findKind(group, version, obj.kind)?.namespaced ?? true;
}

/** Kubernetes' aggregate error message lists each distinct message once. */
function distinct(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => {
    const text = formatFieldError(e);
    if (seen.has(text)) return false;
    seen.add(text);
    return true;
  });
}

export function validateCreate(obj: KubeObject): FieldError[] {
  const kindErrors = rulesFor(obj)?.create(obj) ?? [];
  if (kindErrors.length > 0) return distinct(kindErrors);
  return distinct(
    validateObjectMeta(obj.metadata, {
      namespaced: isNamespaced(obj),
      validateName: validatePathSegmentName,
    }),
  );
}

export function validateUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const kindErrors = rulesFor(obj)?.update(obj, old) ?? [];
  if (kindErrors.length > 0) return distinct(kindErrors);
  return distinct([
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateObjectMeta(obj.metadata, {
      namespaced: isNamespaced(obj),
      validateName: validatePathSegmentName,
    }),
  ]);
}

/** A write to the status subresource; kinds without status rules only get the metadata rules. */
export function validateStatusUpdate(obj: KubeObject, old: KubeObject): FieldError[] {
  const status = rulesFor(obj)?.status;
  return distinct(status ? status(obj, old) : validateMetaUpdate(obj.metadata, old.metadata));
}

/** The kinds this module has specific rules for, as `group/Kind` (core kinds as `/Kind`). */
export const validatedKinds: readonly string[] = Object.keys(rules);
