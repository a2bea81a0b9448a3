/**
 * The resources this API server serves, as `kubectl api-resources` lists them on a
 * Kubernetes v1.34 cluster (names, short names, scope, verbs and categories).
 * Only kinds the simulator stores and validates are listed: a kind missing here is
 * answered the way a real server answers an unknown kind.
 */

export interface ResourceInfo {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Lower-case plural: the path segment and the name kubectl prints. */
  readonly plural: string;
  readonly singular: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly categories: readonly string[];
  readonly subresources: readonly string[];
  /** The version objects are persisted in when the group serves several. */
  readonly storageVersion: string;
}

const all = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'] as const;

function res(
  group: string,
  version: string,
  kind: string,
  plural: string,
  namespaced: boolean,
  opts: {
    short?: string[];
    categories?: string[];
    subresources?: string[];
    verbs?: readonly string[];
    storage?: string;
  } = {},
): ResourceInfo {
  return {
    group,
    version,
    kind,
    plural,
    singular: kind.toLowerCase(),
    shortNames: opts.short ?? [],
    namespaced,
    verbs: opts.verbs ?? all,
    categories: opts.categories ?? [],
    subresources: opts.subresources ?? [],
    storageVersion: opts.storage ?? version,
  };
}

const ALL = ['all'];

/** In discovery order: core first, then groups as a v1.34 server lists them. */
export const builtinResources: readonly ResourceInfo[] = [
  res('', 'v1', 'Binding', 'bindings', true, { verbs: ['create'] }),
  res('', 'v1', 'ConfigMap', 'configmaps', true, { short: ['cm'] }),
  res('', 'v1', 'Endpoints', 'endpoints', true, { short: ['ep'] }),
  res('', 'v1', 'Event', 'events', true, { short: ['ev'] }),
  res('', 'v1', 'LimitRange', 'limitranges', true, { short: ['limits'] }),
  res('', 'v1', 'Namespace', 'namespaces', false, {
    short: ['ns'],
    subresources: ['finalize', 'status'],
    verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  }),
  res('', 'v1', 'Node', 'nodes', false, { short: ['no'], subresources: ['status'] }),
  res('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', true, {
    short: ['pvc'],
    subresources: ['status'],
  }),
  res('', 'v1', 'PersistentVolume', 'persistentvolumes', false, { short: ['pv'], subresources: ['status'] }),
  res('', 'v1', 'Pod', 'pods', true, {
    short: ['po'],
    categories: ALL,
    subresources: [
      'attach',
      'binding',
      'ephemeralcontainers',
      'eviction',
      'exec',
      'log',
      'portforward',
      'proxy',
      'resize',
      'status',
    ],
  }),
  res('', 'v1', 'PodTemplate', 'podtemplates', true),
  res('', 'v1', 'ReplicationController', 'replicationcontrollers', true, {
    short: ['rc'],
    categories: ALL,
    subresources: ['scale', 'status'],
  }),
  res('', 'v1', 'ResourceQuota', 'resourcequotas', true, { short: ['quota'], subresources: ['status'] }),
  res('', 'v1', 'Secret', 'secrets', true),
  res('', 'v1', 'ServiceAccount', 'serviceaccounts', true, { short: ['sa'], subresources: ['token'] }),
  res('', 'v1', 'Service', 'services', true, { short: ['svc'], categories: ALL, subresources: ['status'] }),
  res('apps', 'v1', 'ControllerRevision', 'controllerrevisions', true),
  res('apps', 'v1', 'DaemonSet', 'daemonsets', true, {
    short: ['ds'],
    categories: ALL,
    subresources: ['status'],
  }),
  res('apps', 'v1', 'Deployment', 'deployments', true, {
    short: ['deploy'],
    categories: ALL,
    subresources: ['scale', 'status'],
  }),
  res('apps', 'v1', 'ReplicaSet', 'replicasets', true, {
    short: ['rs'],
    categories: ALL,
    subresources: ['scale', 'status'],
  }),
  res('apps', 'v1', 'StatefulSet', 'statefulsets', true, {
    short: ['sts'],
    categories: ALL,
    subresources: ['scale', 'status'],
  }),
  res('autoscaling', 'v2', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    short: ['hpa'],
    categories: ALL,
    subresources: ['status'],
  }),
  res('autoscaling', 'v1', 'HorizontalPodAutoscaler', 'horizontalpodautoscalers', true, {
    short: ['hpa'],
    categories: ALL,
    subresources: ['status'],
    storage: 'v2',
  }),
  res('batch', 'v1', 'CronJob', 'cronjobs', true, {
    short: ['cj'],
    categories: ALL,
    subresources: ['status'],
  }),
  res('batch', 'v1', 'Job', 'jobs', true, { categories: ALL, subresources: ['status'] }),
  res('coordination.k8s.io', 'v1', 'Lease', 'leases', true),
  res('discovery.k8s.io', 'v1', 'EndpointSlice', 'endpointslices', true),
  res('events.k8s.io', 'v1', 'Event', 'events', true, { short: ['ev'] }),
  res('networking.k8s.io', 'v1', 'IngressClass', 'ingressclasses', false),
  res('networking.k8s.io', 'v1', 'Ingress', 'ingresses', true, { short: ['ing'], subresources: ['status'] }),
  res('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', true, { short: ['netpol'] }),
  res('node.k8s.io', 'v1', 'RuntimeClass', 'runtimeclasses', false),
  res('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', true, {
    short: ['pdb'],
    subresources: ['status'],
  }),
  res('rbac.authorization.k8s.io', 'v1', 'ClusterRoleBinding', 'clusterrolebindings', false),
  res('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', false),
  res('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings', true),
  res('rbac.authorization.k8s.io', 'v1', 'Role', 'roles', true),
  res('scheduling.k8s.io', 'v1', 'PriorityClass', 'priorityclasses', false, { short: ['pc'] }),
  res('storage.k8s.io', 'v1', 'CSIDriver', 'csidrivers', false),
  res('storage.k8s.io', 'v1', 'CSINode', 'csinodes', false),
  res('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', false, { short: ['sc'] }),
  res('storage.k8s.io', 'v1', 'VolumeAttachment', 'volumeattachments', false, { subresources: ['status'] }),
];

/** Group versions in discovery order, each group's preferred version first. */
export const servedGroupVersions: readonly { group: string; versions: readonly string[] }[] = (() => {
  const groups = new Map<string, string[]>();
  for (const r of builtinResources) {
    const versions = groups.get(r.group) ?? [];
    if (!versions.includes(r.version)) versions.push(r.version);
    groups.set(r.group, versions);
  }
  return [...groups].map(([group, versions]) => ({ group, versions }));
})();

export function findResource(group: string, version: string, plural: string): ResourceInfo | undefined {
  return builtinResources.find((r) => r.group === group && r.version === version && r.plural === plural);
}

export function findKind(group: string, version: string, kind: string): ResourceInfo | undefined {
  return builtinResources.find((r) => r.group === group && r.version === version && r.kind === kind);
}
