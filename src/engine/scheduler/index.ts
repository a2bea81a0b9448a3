/** kube-scheduler: places pending pods on nodes and binds them through the API. */
import type { Cluster } from '../cluster/cluster.ts';

export function startScheduler(_cluster: Cluster): void {}
