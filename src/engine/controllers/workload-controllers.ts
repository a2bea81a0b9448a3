/** The workload controllers of kube-controller-manager (deployment, replicaset, …). */
import type { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { Controller } from './controller.ts';

export function createWorkloadControllers(
  _cluster: Cluster,
  _informers: SharedInformerFactory,
): Controller[] {
  return [];
}
