/**
 * Test support: a cluster with the controller manager and stand-in kubelets that only
 * renew their node Leases and post node status, so node health can be driven through the
 * API exactly as kubelets drive it.
 */
import type { KubeObject } from '../../api/types.ts';
import type { ApiClient } from '../../client/api-client.ts';
import { Cluster, resourceOf } from '../../cluster/cluster.ts';
import { defaultParts } from '../../cluster/default-parts.ts';
import { formatMicroTimestamp, formatTimestamp } from '../../time/clock.ts';
import { startControllerManager } from '../index.ts';
import type { NodeLifecycleController } from './node-lifecycle-controller.ts';
import type { TaintEvictionController } from '../tainteviction/taint-eviction-controller.ts';

export const nodesResource = resourceOf('Node');
export const podsResource = resourceOf('Pod');
export const leasesResource = resourceOf('Lease', 'coordination.k8s.io');
export const eventsResource = resourceOf('Event');

export const LEASE_RENEW_MS = 10_000;

export interface TestCluster {
  readonly cluster: Cluster;
  readonly api: ApiClient;
  readonly lifecycle: NodeLifecycleController;
  readonly eviction: TaintEvictionController;
  /** Nodes whose stand-in kubelet renews the Lease; delete one to make it go silent. */
  readonly alive: Set<string>;
  readonly workers: readonly string[];
}

export function setupTestCluster(workers = 3): TestCluster {
  const cluster = new Cluster(defaultParts(), { seed: 7, workers });
  startControllerManager(cluster);
  const api = cluster.client('test');
  const names = api.list(nodesResource).items.map((n) => n.metadata.name ?? '');
  const alive = new Set(names);
  const renew = (): void => {
    for (const name of alive) renewLease(cluster, name);
    cluster.schedule(LEASE_RENEW_MS, 'test/kubelets', renew, 'periodic');
  };
  renew();
  cluster.settle();
  return {
    cluster,
    api,
    lifecycle: cluster.component<NodeLifecycleController>('controller-manager/nodelifecycle')!,
    eviction: cluster.component<TaintEvictionController>('controller-manager/taint-eviction')!,
    alive,
    workers: names.filter((n) => !n.endsWith('control-plane')),
  };
}

/** Creates or renews a node's Lease, as the kubelet's lease controller does. */
export function renewLease(cluster: Cluster, name: string): void {
  const kubelet = cluster.client(`kubelet/${name}`);
  const renewTime = formatMicroTimestamp(cluster.clock.now());
  try {
    kubelet.patch(leasesResource, 'kube-node-lease', name, 'merge', { spec: { renewTime } });
  } catch {
    kubelet.create(leasesResource, {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: { name, namespace: 'kube-node-lease' },
      spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime },
    });
  }
}

/** Posts node status with a fresh heartbeat (Ready, or not ready as a kubelet whose runtime is down). */
export function postReadyStatus(cluster: Cluster, name: string, ready = true): void {
  const kubelet = cluster.client(`kubelet/${name}`);
  const node = kubelet.get(nodesResource, undefined, name);
  const now = formatTimestamp(cluster.clock.now());
  const kubeletConditions: Record<string, [string, string, string]> = {
    MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
    DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
    PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
    Ready: ready
      ? ['True', 'KubeletReady', 'kubelet is posting ready status']
      : ['False', 'KubeletNotReady', 'container runtime is down'],
  };
  const conditions = ((node.status as { conditions: Record<string, string>[] }).conditions ?? []).map((c) => {
    const [status, reason, message] = kubeletConditions[c.type ?? ''] ?? [c.status, c.reason, c.message];
    return {
      ...c,
      status,
      lastHeartbeatTime: now,
      lastTransitionTime: status === c.status ? c.lastTransitionTime : now,
      reason,
      message,
    };
  });
  kubelet.updateStatus(nodesResource, { ...node, status: { ...(node.status ?? {}), conditions } });
}

/** A running, Ready pod bound to `node` (what scheduler and kubelet would have made of it). */
export function runningPod(
  cluster: Cluster,
  name: string,
  node: string,
  tolerations?: unknown[],
): KubeObject {
  const api = cluster.client('test');
  const pod = api.create(podsResource, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default' },
    spec: {
      nodeName: node,
      containers: [{ name: 'app', image: 'nginx:1.27' }],
      ...(tolerations ? { tolerations } : {}),
    },
  });
  const now = formatTimestamp(cluster.clock.now());
  const condition = (type: string) => ({
    type,
    status: 'True',
    lastProbeTime: null,
    lastTransitionTime: now,
  });
  return cluster.client(`kubelet/${node}`).updateStatus(podsResource, {
    ...pod,
    status: {
      phase: 'Running',
      conditions: [
        'PodReadyToStartContainers',
        'Initialized',
        'Ready',
        'ContainersReady',
        'PodScheduled',
      ].map(condition),
    },
  });
}

export function taintsOf(api: ApiClient, name: string): string[] {
  const taints =
    (api.get(nodesResource, undefined, name).spec as { taints?: Record<string, string>[] }).taints ?? [];
  return taints.map((t) => `${t.key}:${t.effect}`);
}

export function conditionOf(object: KubeObject, type: string): Record<string, string> | undefined {
  return ((object.status as { conditions?: Record<string, string>[] }).conditions ?? []).find(
    (c) => c.type === type,
  );
}

/** `<reason> <message> (<source>)` of the events about an object. */
export function eventsAbout(api: ApiClient, name: string, namespace = 'default'): string[] {
  return api
    .list(eventsResource, namespace)
    .items.filter((e) => (e.involvedObject as { name: string }).name === name)
    .map(
      (e) =>
        `${String(e.type)} ${String(e.reason)} ${String(e.message)} (${(e.source as { component: string }).component})`,
    );
}
