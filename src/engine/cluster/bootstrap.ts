/**
 * What `kubeadm init` + `kubeadm join` leave behind before any user command: the built-in
 * namespaces, one registered Node per machine, and the `kubernetes` Service that fronts
 * the API server.
 */
import type { Cluster } from './cluster.ts';
import { resourceOf } from './cluster.ts';
import type { NodeSpecInput } from '../node/node-object.ts';
import type { KubeObject } from '../api/types.ts';
import { coreDnsObjects } from '../dns/coredns-addon.ts';

/** Where the control-plane node's API server listens, as kubeadm on kind advertises it. */
export const API_SERVER_ADDRESS = '172.18.0.2:6443';

export interface NodeOptions {
  readonly name: string;
  readonly cpu?: string;
  readonly memory?: string;
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly { key: string; value?: string; effect: string }[];
  readonly controlPlane?: boolean;
}

/** kind's default multi-node layout in this simulator: one control plane and three workers. */
export const DEFAULT_WORKERS = 3;

export const BUILTIN_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

const CONTROL_PLANE_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };

/** Node n (0 = control plane) gets 172.18.0.(n+2) and the pod range 10.244.n.0/24, as in kind. */
export function nodeInputFor(options: NodeOptions, index: number, uid: () => string): NodeSpecInput {
  const controlPlane = options.controlPlane ?? false;
  const taints = [...(controlPlane ? [CONTROL_PLANE_TAINT] : []), ...(options.taints ?? [])];
  return {
    name: options.name,
    controlPlane,
    internalIP: nodeIP(index),
    podCIDR: podCIDR(index),
    cpu: options.cpu ?? '4',
    memory: options.memory ?? '8Gi',
    labels: options.labels ?? {},
    taints,
    bootId: uid(),
    machineId: uid().replace(/-/g, ''),
    systemUuid: uid(),
  };
}

/**
 * Node n's pod range. kubeadm's usual cluster CIDR 10.244.0.0/16 holds 256 nodes; larger
 * simulated clusters continue into 10.245.0.0/16 and on, as a wider --cluster-cidr would.
 */
function podCIDR(index: number): string {
  return `10.${244 + (index >> 8)}.${index & 255}.0/24`;
}

/** Node n's address on the machines' network (172.18.0.0/16, as kind's docker network). */
function nodeIP(index: number): string {
  const host = index + 2;
  return `172.18.${host >> 8}.${host & 255}`;
}

export function workerName(clusterName: string, n: number): string {
  return n === 1 ? `${clusterName}-worker` : `${clusterName}-worker${n}`;
}

/** `kubeadm init`'s addon phase: CoreDNS, created through the API like any other objects. */
export function installCoreDns(cluster: Cluster): void {
  const kubeadm = cluster.client('kubeadm');
  for (const object of coreDnsObjects()) {
    const group = object.apiVersion.includes('/') ? object.apiVersion.split('/')[0]! : '';
    kubeadm.create(resourceOf(object.kind, group), object);
  }
}

/** `kubeadm join` on each worker, after the control plane and its addons are up. */
export function joinWorkers(cluster: Cluster, workers: number): void {
  for (let n = 1; n <= workers; n++) cluster.addNode({ name: workerName(cluster.clusterName, n) });
}

export function bootstrapCluster(cluster: Cluster, workers: number): void {
  const admin = cluster.client('kubeadm');
  const namespaces = resourceOf('Namespace');
  for (const name of BUILTIN_NAMESPACES) {
    admin.create(namespaces, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }
  cluster.addNode({ name: `${cluster.clusterName}-control-plane`, controlPlane: true });
  joinWorkers(cluster, workers);
  cluster.client('apiserver').create(resourceOf('Service'), {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { component: 'apiserver', provider: 'kubernetes' },
    },
    spec: {
      type: 'ClusterIP',
      clusterIP: '10.96.0.1',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
    },
  });
  publishApiServerEndpoints(cluster);
}

/**
 * The API server keeps the `kubernetes` Service's endpoints itself (the Service has no
 * selector): its own address, in an Endpoints object and an EndpointSlice of that name.
 */
function publishApiServerEndpoints(cluster: Cluster): void {
  const apiserver = cluster.client('apiserver');
  const [ip = '', port = '6443'] = API_SERVER_ADDRESS.split(':');
  apiserver.create(resourceOf('Endpoints'), {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' },
    },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: Number(port), protocol: 'TCP' }] }],
  } as KubeObject);
  apiserver.create(resourceOf('EndpointSlice', 'discovery.k8s.io'), {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'kubernetes',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'kubernetes' },
    },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: Number(port), protocol: 'TCP' }],
  } as KubeObject);
}
