/**
 * cloud-controller-manager: the controllers that talk to the (simulated) cloud, with their
 * own informers, as the separate binary has.
 */
import { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Cluster } from '../../cluster/cluster.ts';
import { ServiceLoadBalancerController } from './service-lb-controller.ts';

export const CLOUD_INFORMERS_CLIENT = 'cloud-controller-manager/shared-informers';

export function startCloudControllerManager(cluster: Cluster): ServiceLoadBalancerController {
  const informers = new SharedInformerFactory(cluster, cluster.client(CLOUD_INFORMERS_CLIENT));
  const controller = new ServiceLoadBalancerController(cluster, informers);
  cluster.addComponent(controller);
  return controller;
}
