/** Cluster-scoped and configuration objects for printer tests. */
import { ago, meta, object } from './meta.ts';

const nodeInfo = {
  kubeletVersion: 'v1.34.0',
  osImage: 'Debian GNU/Linux 12 (bookworm)',
  kernelVersion: '6.1.0-28-amd64',
  containerRuntimeVersion: 'containerd://1.7.24',
};

export const controlPlaneNode = object(
  'v1',
  'Node',
  meta('control-plane', undefined, 40 * 86400, {
    labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/hostname': 'control-plane' },
  }),
  {
    spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] },
    status: {
      conditions: [
        { type: 'MemoryPressure', status: 'False' },
        { type: 'Ready', status: 'True' },
      ],
      addresses: [
        { type: 'InternalIP', address: '172.18.0.2' },
        { type: 'Hostname', address: 'control-plane' },
      ],
      nodeInfo,
    },
  },
);

export const cordonedNode = object('v1', 'Node', meta('worker-1', undefined, 40 * 86400 - 60), {
  spec: { unschedulable: true },
  status: {
    conditions: [{ type: 'Ready', status: 'True' }],
    addresses: [
      { type: 'InternalIP', address: '172.18.0.3' },
      { type: 'ExternalIP', address: '203.0.113.7' },
    ],
    nodeInfo,
  },
});

export const notReadyNode = object(
  'v1',
  'Node',
  meta('worker-2', undefined, 5 * 86400 + 7 * 3600, {
    labels: { 'kubernetes.io/role': 'worker', 'node-role.kubernetes.io/infra': '' },
  }),
  {
    status: {
      conditions: [{ type: 'Ready', status: 'Unknown', reason: 'NodeStatusUnknown' }],
      addresses: [{ type: 'InternalIP', address: '172.18.0.4' }],
      nodeInfo: { kubeletVersion: 'v1.33.4' },
    },
  },
);

export const namespaces = [
  object('v1', 'Namespace', meta('default', undefined, 40 * 86400), { status: { phase: 'Active' } }),
  object('v1', 'Namespace', meta('old-team', undefined, 800 * 86400, { deletionTimestamp: ago(5) }), {
    status: { phase: 'Terminating' },
  }),
];

export const configMap = object('v1', 'ConfigMap', meta('settings', 'default', 90), {
  data: { 'app.conf': 'port=80\n', mode: 'fast' },
  binaryData: { logo: 'iVBORw0KGgo=' },
});

export const secret = object('v1', 'Secret', meta('db-credentials', 'default', 3 * 86400 + 5 * 3600), {
  type: 'kubernetes.io/basic-auth',
  data: { username: 'YWRtaW4=', password: 'czNjcjN0' },
});

export const serviceAccount = object('v1', 'ServiceAccount', meta('default', 'default', 40 * 86400), {});

export const persistentVolume = object('v1', 'PersistentVolume', meta('pv-data', undefined, 86400), {
  spec: {
    capacity: { storage: '10Gi' },
    accessModes: ['ReadWriteMany', 'ReadWriteOnce'],
    persistentVolumeReclaimPolicy: 'Retain',
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'data' },
  },
  status: { phase: 'Bound' },
});

export const boundClaim = object('v1', 'PersistentVolumeClaim', meta('data', 'default', 86400), {
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '8Gi' } },
    volumeName: 'pv-data',
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
  },
  status: { phase: 'Bound', accessModes: ['ReadWriteMany', 'ReadWriteOnce'], capacity: { storage: '10Gi' } },
});

export const pendingClaim = object('v1', 'PersistentVolumeClaim', meta('scratch', 'default', 30), {
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '1Gi' } },
    storageClassName: 'fast',
    volumeMode: 'Filesystem',
  },
  status: { phase: 'Pending' },
});

export const defaultStorageClass = object(
  'storage.k8s.io/v1',
  'StorageClass',
  meta('standard', undefined, 40 * 86400, {
    annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
  }),
  {
    provisioner: 'rancher.io/local-path',
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
  },
);

export const expandableStorageClass = object(
  'storage.k8s.io/v1',
  'StorageClass',
  meta('fast', undefined, 600),
  {
    provisioner: 'ebs.csi.aws.com',
    allowVolumeExpansion: true,
  },
);

export const priorityClass = object(
  'scheduling.k8s.io/v1',
  'PriorityClass',
  meta('system-cluster-critical', undefined, 40 * 86400),
  {
    value: 2000000000,
    globalDefault: false,
    preemptionPolicy: 'PreemptLowerPriority',
    description:
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
  },
);

export const role = object('rbac.authorization.k8s.io/v1', 'Role', meta('pod-reader', 'default', 300), {
  rules: [{ apiGroups: [''], resources: ['pods'], verbs: ['get', 'list'] }],
});

export const roleBinding = object(
  'rbac.authorization.k8s.io/v1',
  'RoleBinding',
  meta('read-pods', 'default', 300),
  {
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' },
    subjects: [
      { kind: 'User', name: 'jane', apiGroup: 'rbac.authorization.k8s.io' },
      { kind: 'ServiceAccount', name: 'ci', namespace: 'default' },
      { kind: 'User', name: 'joe', apiGroup: 'rbac.authorization.k8s.io' },
    ],
  },
);

export const resourceQuota = object('v1', 'ResourceQuota', meta('compute', 'default', 3600), {
  spec: { hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', pods: '20' } },
  status: {
    hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', 'limits.cpu': '8', pods: '20' },
    used: { 'requests.cpu': '1500m', 'requests.memory': '1536Mi', 'limits.cpu': '3', pods: '5' },
  },
});

export const limitRange = object('v1', 'LimitRange', meta('defaults', 'default', 3600), {
  spec: { limits: [{ type: 'Container', default: { cpu: '500m' } }] },
});

export const lease = object(
  'coordination.k8s.io/v1',
  'Lease',
  meta('worker-1', 'kube-node-lease', 40 * 86400),
  {
    spec: { holderIdentity: 'worker-1', leaseDurationSeconds: 40, renewTime: '2025-01-01T11:59:58.000000Z' },
  },
);

export const event = object('v1', 'Event', meta('web-7c5ddbdf54-x8k2p.17f1a2b3c4d5e6f7', 'default', 610), {
  involvedObject: {
    kind: 'Pod',
    namespace: 'default',
    name: 'web-7c5ddbdf54-x8k2p',
    fieldPath: 'spec.containers{nginx}',
  },
  reason: 'BackOff',
  message: 'Back-off restarting failed container nginx in pod web-7c5ddbdf54-x8k2p_default(uid-web)',
  source: { component: 'kubelet', host: 'worker-1' },
  firstTimestamp: ago(610),
  lastTimestamp: ago(15),
  count: 12,
  type: 'Warning',
});

export const newApiEvent = object('events.k8s.io/v1', 'Event', meta('web.17f1a2b3c4d5e6f8', 'default', 40), {
  eventTime: '2025-01-01T11:59:20.123456Z',
  reportingController: 'deployment-controller',
  reportingInstance: '',
  action: 'ScalingReplicaSet',
  reason: 'ScalingReplicaSet',
  regarding: { kind: 'Deployment', namespace: 'default', name: 'web', apiVersion: 'apps/v1' },
  note: 'Scaled up replica set web-7c5ddbdf54 from 0 to 3\n',
  type: 'Normal',
});
