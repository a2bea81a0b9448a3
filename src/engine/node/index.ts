/** The node agents: one kubelet per registered node (and its container runtime). */
import type { Cluster } from '../cluster/cluster.ts';

export function startKubelets(_cluster: Cluster): void {}
