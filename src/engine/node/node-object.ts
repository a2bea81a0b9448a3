/**
 * The Node object a kubelet registers, shaped like a node of a kubeadm cluster (kind's
 * layout: one control plane, workers named `<cluster>-worker`, `<cluster>-worker2`, …).
 */
import type { KubeObject } from '../api/types.ts';
import { formatTimestamp } from '../time/clock.ts';
import { KUBERNETES_BUILD } from '../api/version.ts';

export interface NodeSpecInput {
  readonly name: string;
  readonly controlPlane: boolean;
  readonly internalIP: string;
  readonly podCIDR: string;
  /** CPU cores, e.g. "4" or "3500m". */
  readonly cpu: string;
  /** Memory as a quantity, e.g. "8Gi". */
  readonly memory: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly taints: readonly { key: string; value?: string; effect: string }[];
  readonly bootId: string;
  readonly machineId: string;
  readonly systemUuid: string;
}

export const KUBELET_VERSION = KUBERNETES_BUILD.gitVersion;
export const CONTAINER_RUNTIME_VERSION = 'containerd://2.1.3';
export const OS_IMAGE = 'Debian GNU/Linux 12 (bookworm)';
export const KERNEL_VERSION = '6.8.0-1030-generic';

export function nodeObject(input: NodeSpecInput, nowMs: number): KubeObject {
  const time = formatTimestamp(nowMs);
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': input.name,
    'kubernetes.io/os': 'linux',
    ...(input.controlPlane
      ? {
          'node-role.kubernetes.io/control-plane': '',
          'node.kubernetes.io/exclude-from-external-load-balancers': '',
        }
      : {}),
    ...input.labels,
  };
  const resources = {
    cpu: input.cpu,
    'ephemeral-storage': '102626232Ki',
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: toKi(input.memory),
    pods: '110',
  };
  const condition = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    lastHeartbeatTime: time,
    lastTransitionTime: time,
    reason,
    message,
  });
  const spec: Record<string, unknown> = { podCIDR: input.podCIDR, podCIDRs: [input.podCIDR] };
  if (input.taints.length) spec.taints = input.taints.map((t) => ({ ...t }));
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: input.name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec,
    status: {
      addresses: [
        { type: 'InternalIP', address: input.internalIP },
        { type: 'Hostname', address: input.name },
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [
        condition(
          'MemoryPressure',
          'False',
          'KubeletHasSufficientMemory',
          'kubelet has sufficient memory available',
        ),
        condition('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: input.bootId,
        containerRuntimeVersion: CONTAINER_RUNTIME_VERSION,
        kernelVersion: KERNEL_VERSION,
        kubeProxyVersion: '',
        kubeletVersion: KUBELET_VERSION,
        machineID: input.machineId,
        operatingSystem: 'linux',
        osImage: OS_IMAGE,
        systemUUID: input.systemUuid,
      },
    },
  };
}

/** Memory capacity as the kubelet reports it, in Ki. */
function toKi(quantity: string): string {
  const m = /^(\d+)(Ki|Mi|Gi|Ti)?$/.exec(quantity);
  if (!m) return quantity;
  const factor = { Ki: 1, Mi: 1024, Gi: 1024 * 1024, Ti: 1024 * 1024 * 1024 }[m[2] ?? 'Ki'] ?? 1;
  return `${Number(m[1]) * factor}Ki`;
}

/** The node's InternalIP, where its kubelet and node ports are reached ('' before it reports one). */
export function internalIP(node: KubeObject): string {
  const addresses =
    (node.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? [];
  return addresses.find((a) => a.type === 'InternalIP')?.address ?? '';
}
