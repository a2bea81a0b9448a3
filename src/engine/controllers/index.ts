/**
 * kube-controller-manager: the controllers of the cluster, sharing one set of informers
 * (one LIST and WATCH per resource, as `controller-manager/shared-informers`).
 */
import { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { Controller } from './controller.ts';
import { DisruptionController } from './disruption/disruption-controller.ts';
import { EndpointsController } from './endpoint/endpoints-controller.ts';
import { EndpointSliceController } from './endpointslice/endpointslice-controller.ts';
import { GarbageCollector } from './garbagecollector/garbage-collector.ts';
import { createNodeLifecycleControllers } from './node-lifecycle-controllers.ts';
import { createWorkloadControllers } from './workload-controllers.ts';
import { NamespaceController } from './namespace/namespace-controller.ts';
import { generateRootCaPem } from './serviceaccount/root-ca-cert.ts';
import { RootCaCertPublisher } from './serviceaccount/root-ca-publisher.ts';
import { ServiceAccountsController } from './serviceaccount/serviceaccounts-controller.ts';
import { TtlAfterFinishedController } from './ttlafterfinished/ttl-after-finished-controller.ts';

/** The client id of the controller manager's shared informers. */
export const SHARED_INFORMERS_CLIENT = 'controller-manager/shared-informers';

/** The random stream the cluster CA is drawn from. */
export const ROOT_CA_RNG_STREAM = 'pki/ca';

export interface ControllerManager {
  readonly informers: SharedInformerFactory;
  readonly garbageCollector: GarbageCollector;
  readonly namespace: NamespaceController;
  readonly serviceAccounts: ServiceAccountsController;
  readonly rootCaPublisher: RootCaCertPublisher;
  readonly controllers: readonly Controller[];
}

/** Builds the controllers, registers them as cluster components and starts their informers. */
export function startControllerManager(cluster: Cluster): ControllerManager {
  const informers = new SharedInformerFactory(cluster, cluster.client(SHARED_INFORMERS_CLIENT));
  const garbageCollector = new GarbageCollector(cluster, informers);
  const namespace = new NamespaceController(cluster, informers);
  const serviceAccounts = new ServiceAccountsController(cluster, informers);
  const caPem = generateRootCaPem(cluster.rng(ROOT_CA_RNG_STREAM), cluster.startMs);
  const rootCaPublisher = new RootCaCertPublisher(cluster, informers, caPem);
  const controllers: Controller[] = [
    garbageCollector,
    namespace,
    serviceAccounts,
    rootCaPublisher,
    ...createWorkloadControllers(cluster, informers),
    new TtlAfterFinishedController(cluster, informers),
    new EndpointSliceController(cluster, informers),
    new EndpointsController(cluster, informers),
    new DisruptionController(cluster, informers),
    ...createNodeLifecycleControllers(cluster, informers),
  ];
  // Every controller has registered its handlers before the first one starts the informers,
  // so each resource is listed once and every handler sees the first list.
  for (const c of controllers) cluster.addComponent(c);
  return { informers, garbageCollector, namespace, serviceAccounts, rootCaPublisher, controllers };
}
