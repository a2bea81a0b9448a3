/**
 * The API server's defaulting stage: the registered defaulting functions of each served
 * kind, applied to a fresh copy so that a frozen input stays untouched. Defaulting is
 * idempotent: defaulting an already defaulted object changes nothing.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseApiVersion } from '../../api/types.ts';
import {
  defaultDaemonSet,
  defaultDeployment,
  defaultReplicaSet,
  defaultStatefulSet,
} from './apps-defaults.ts';
import { defaultHpaV1, defaultHpaV2 } from './autoscaling-defaults.ts';
import { defaultCronJob, defaultJob } from './batch-defaults.ts';
import {
  defaultEndpoints,
  defaultLimitRange,
  defaultNamespace,
  defaultNode,
  defaultPersistentVolume,
  defaultPodTemplate,
  defaultReplicationController,
  defaultSecret,
} from './core-defaults.ts';
import {
  defaultCsiDriver,
  defaultEndpointSlice,
  defaultIngressClass,
  defaultNetworkPolicy,
  defaultPriorityClass,
  defaultRoleBinding,
  defaultStorageClass,
} from './group-defaults.ts';
import type { Obj } from './json.ts';
import { cloneJson } from './json.ts';
import { defaultPod } from './pod-defaults.ts';
import { defaultPvc } from './pvc-defaults.ts';
import { defaultService } from './service-defaults.ts';

type Defaulter = (object: Obj) => void;

/** Keyed by `<group>/<version>/<Kind>` ('' group for core). Kinds without defaults are absent. */
const defaulters: ReadonlyMap<string, Defaulter> = new Map<string, Defaulter>([
  ['/v1/Pod', defaultPod],
  ['/v1/PodTemplate', defaultPodTemplate],
  ['/v1/ReplicationController', defaultReplicationController],
  ['/v1/Service', defaultService],
  ['/v1/Namespace', defaultNamespace],
  ['/v1/Secret', defaultSecret],
  ['/v1/PersistentVolume', defaultPersistentVolume],
  ['/v1/PersistentVolumeClaim', defaultPvc],
  ['/v1/Node', defaultNode],
  ['/v1/Endpoints', defaultEndpoints],
  ['/v1/LimitRange', defaultLimitRange],
  ['apps/v1/Deployment', defaultDeployment],
  ['apps/v1/ReplicaSet', defaultReplicaSet],
  ['apps/v1/StatefulSet', defaultStatefulSet],
  ['apps/v1/DaemonSet', defaultDaemonSet],
  ['batch/v1/Job', defaultJob],
  ['batch/v1/CronJob', defaultCronJob],
  ['autoscaling/v2/HorizontalPodAutoscaler', defaultHpaV2],
  ['autoscaling/v1/HorizontalPodAutoscaler', defaultHpaV1],
  ['networking.k8s.io/v1/NetworkPolicy', defaultNetworkPolicy],
  ['networking.k8s.io/v1/IngressClass', defaultIngressClass],
  ['storage.k8s.io/v1/StorageClass', defaultStorageClass],
  ['storage.k8s.io/v1/CSIDriver', defaultCsiDriver],
  ['rbac.authorization.k8s.io/v1/RoleBinding', defaultRoleBinding],
  ['rbac.authorization.k8s.io/v1/ClusterRoleBinding', defaultRoleBinding],
  ['scheduling.k8s.io/v1/PriorityClass', defaultPriorityClass],
  ['discovery.k8s.io/v1/EndpointSlice', defaultEndpointSlice],
]);

/** True when the kind has defaulting functions at all (the rest pass through as copies). */
export function hasDefaults(apiVersion: string, kind: string): boolean {
  return defaulters.has(defaulterKey(apiVersion, kind));
}

/** A defaulted copy of `object`; the input is never modified. */
export function applyDefaults(object: KubeObject): KubeObject {
  const copy = cloneJson(object);
  defaulters.get(defaulterKey(object.apiVersion, object.kind))?.(copy);
  return copy;
}

function defaulterKey(apiVersion: string, kind: string): string {
  const { group, version } = parseApiVersion(apiVersion);
  return `${group}/${version}/${kind}`;
}
