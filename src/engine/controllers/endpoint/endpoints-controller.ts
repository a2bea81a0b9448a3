/**
 * The endpoint controller of kube-controller-manager (`pkg/controller/endpoint`): keeps the
 * v1 Endpoints object of every Service with a selector, which older clients still read.
 */
import { ApiError, isNotFound } from '../../client/api-client.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { selectorFromSet } from '../../labels/index.ts';
import { Controller, SyncError, type ControllerHost } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { TriggerTimeTracker } from '../endpointslice/trigger-time.ts';
import { serviceKey, serviceSelector, watchServicesAndPods } from '../service-pods.ts';
import {
  desiredEndpoints,
  ENDPOINT_CONTROLLER_NAME,
  ENDPOINTS_MANAGED_BY,
  planEndpoints,
} from './endpoints-plan.ts';

const endpoints = servedResource('', 'v1', 'Endpoints');

export class EndpointsController extends Controller {
  readonly queue: WorkQueue;
  readonly #services: Lister;
  readonly #pods: Lister;
  readonly #endpoints: Lister;
  readonly #triggerTimes = new TriggerTimeTracker();

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'endpoint');
    this.queue = this.newQueue({
      name: 'endpoint',
      workers: 5,
      sync: (key) => this.sync(key),
      describe: (key) => `services/${key}`,
    });
    ({ services: this.#services, pods: this.#pods } = watchServicesAndPods(informers, (key) =>
      this.queue.add(key),
    ));
    const endpointsInformer = informers.informerFor(endpoints);
    this.#endpoints = endpointsInformer.lister();
    endpointsInformer.addEventHandler({ onDelete: (e) => this.queue.add(serviceKey(e)) });
  }

  sync(key: string): void {
    const slash = key.indexOf('/');
    const [namespace, name] = [key.slice(0, slash), key.slice(slash + 1)];
    const service = this.#services.get(namespace, name);
    const current = this.#endpoints.get(namespace, name);
    try {
      if (!service) {
        // The Endpoints this controller kept go with their Service.
        if (current?.metadata.labels?.[ENDPOINTS_MANAGED_BY] === ENDPOINT_CONTROLLER_NAME) {
          this.api.delete(endpoints, namespace, name);
        }
        this.#triggerTimes.deleteService(namespace, name);
        return;
      }
      const selector = serviceSelector(service);
      if (Object.keys(selector).length === 0 || service.metadata.deletionTimestamp) return;
      const pods = this.#pods.list(namespace, selectorFromSet(selector));
      // Computed on every sync, so the tracker's state moves even when nothing is written.
      const triggerTime = this.#triggerTimes.compute(service, pods);
      const write = planEndpoints(current, desiredEndpoints(service, pods), triggerTime);
      if (!write) return;
      if ('create' in write) this.api.create(endpoints, write.create);
      else this.api.update(endpoints, write.update);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (!isNotFound(e)) throw new SyncError(e.message);
    }
  }
}
