/** The node lifecycle controller and the taint-based eviction controller. */
import type { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { Controller } from './controller.ts';
import { NodeLifecycleController } from './nodelifecycle/node-lifecycle-controller.ts';
import { TaintEvictionController } from './tainteviction/taint-eviction-controller.ts';

export function createNodeLifecycleControllers(
  cluster: Cluster,
  informers: SharedInformerFactory,
): Controller[] {
  return [new NodeLifecycleController(cluster, informers), new TaintEvictionController(cluster, informers)];
}
