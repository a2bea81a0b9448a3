/**
 * The endpoint controller of kube-controller-manager (`pkg/controller/endpoint`): keeps the
 * v1 Endpoints object of every Service with a selector, which older clients still read.
 */
import type { KubeObject } from '../../api/types.ts';
import { ApiError, isNotFound } from '../../client/api-client.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { selectorFromSet } from '../../labels/index.ts';
import { Controller, SyncError, type ControllerHost } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import {
  desiredEndpoints,
  ENDPOINT_CONTROLLER_NAME,
  ENDPOINTS_MANAGED_BY,
  planEndpoints,
} from './endpoints-plan.ts';

const services = servedResource('', 'v1', 'Service');
const pods = servedResource('', 'v1', 'Pod');
const endpoints = servedResource('', 'v1', 'Endpoints');

const keyOf = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
const selectorOf = (service: KubeObject) =>
  (service.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};

export class EndpointsController extends Controller {
  readonly queue: WorkQueue;
  readonly #services: Lister;
  readonly #pods: Lister;
  readonly #endpoints: Lister;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'endpoint');
    this.queue = this.newQueue({
      name: 'endpoint',
      workers: 5,
      sync: (key) => this.sync(key),
      describe: (key) => `services/${key}`,
    });
    const serviceInformer = informers.informerFor(services);
    this.#services = serviceInformer.lister();
    const enqueue = (o: KubeObject) => this.queue.add(keyOf(o));
    serviceInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_old, s) => enqueue(s), onDelete: enqueue });
    const podInformer = informers.informerFor(pods);
    this.#pods = podInformer.lister();
    const podChanged = (pod: KubeObject) => {
      for (const service of this.#services.list(pod.metadata.namespace)) {
        const selector = selectorOf(service);
        if (Object.keys(selector).length && selectorFromSet(selector).matches(pod.metadata.labels ?? {})) {
          enqueue(service);
        }
      }
    };
    podInformer.addEventHandler({
      onAdd: podChanged,
      onUpdate: (old, pod) => {
        podChanged(pod);
        if (JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels)) podChanged(old);
      },
      onDelete: podChanged,
    });
    const endpointsInformer = informers.informerFor(endpoints);
    this.#endpoints = endpointsInformer.lister();
    endpointsInformer.addEventHandler({ onDelete: enqueue });
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
        return;
      }
      const selector = selectorOf(service);
      if (Object.keys(selector).length === 0 || service.metadata.deletionTimestamp) return;
      const desired = desiredEndpoints(service, this.#pods.list(namespace, selectorFromSet(selector)));
      const write = planEndpoints(current, desired);
      if (!write) return;
      if ('create' in write) this.api.create(endpoints, write.create);
      else this.api.update(endpoints, write.update);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (!isNotFound(e)) throw new SyncError(e.message);
    }
  }
}
