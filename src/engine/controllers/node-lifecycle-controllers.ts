/** The node lifecycle controller and the taint-based eviction controller. */
import type { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { Controller } from './controller.ts';

export function createNodeLifecycleControllers(
  _cluster: Cluster,
  _informers: SharedInformerFactory,
): Controller[] {
  return [];
}
