/**
 * The endpointslice controller of kube-controller-manager (`pkg/controller/endpointslice`):
 * for every Service with a selector, EndpointSlices listing the pods it selects, with their
 * IPs, the ports they serve and whether they are ready. Pod and Service changes enqueue the
 * Service; a sync plans the slices (endpointslice-plan.ts) and writes the difference.
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
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  planEndpointSlices,
} from './endpointslice-plan.ts';

const services = servedResource('', 'v1', 'Service');
const pods = servedResource('', 'v1', 'Pod');
const nodes = servedResource('', 'v1', 'Node');
export const endpointSlices = servedResource('discovery.k8s.io', 'v1', 'EndpointSlice');

const ZONE_LABEL = 'topology.kubernetes.io/zone';

type ServiceSelector = Record<string, string> | undefined;
const selectorOf = (service: KubeObject): ServiceSelector =>
  (service.spec as { selector?: Record<string, string> } | undefined)?.selector;

export class EndpointSliceController extends Controller {
  readonly queue: WorkQueue;
  readonly #services: Lister;
  readonly #pods: Lister;
  readonly #slices: Lister;
  readonly #nodes: Lister;

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'endpointslice');
    this.queue = this.newQueue({
      name: 'endpoint_slice',
      workers: 5,
      sync: (key) => this.sync(key),
      describe: (key) => `services/${key}`,
    });
    const serviceInformer = informers.informerFor(services);
    this.#services = serviceInformer.lister();
    const enqueue = (o: KubeObject) =>
      this.queue.add(`${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`);
    serviceInformer.addEventHandler({ onAdd: enqueue, onUpdate: (_old, s) => enqueue(s), onDelete: enqueue });
    const podInformer = informers.informerFor(pods);
    this.#pods = podInformer.lister();
    podInformer.addEventHandler({
      onAdd: (pod) => this.#podChanged(pod),
      onUpdate: (old, pod) => {
        this.#podChanged(pod);
        // A pod whose labels changed may have left a Service.
        if (JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels))
          this.#podChanged(old);
      },
      onDelete: (pod) => this.#podChanged(pod),
    });
    const sliceInformer = informers.informerFor(endpointSlices);
    this.#slices = sliceInformer.lister();
    const sliceChanged = (slice: KubeObject) => {
      const labels = slice.metadata.labels ?? {};
      if (labels[LABEL_MANAGED_BY] !== ENDPOINTSLICE_CONTROLLER_NAME || !labels[LABEL_SERVICE_NAME]) return;
      this.queue.add(`${slice.metadata.namespace ?? ''}/${labels[LABEL_SERVICE_NAME]}`);
    };
    sliceInformer.addEventHandler({
      onAdd: sliceChanged,
      onUpdate: (_old, s) => sliceChanged(s),
      onDelete: sliceChanged,
    });
    this.#nodes = informers.informerFor(nodes).lister();
  }

  /** Enqueues every Service in the pod's namespace that selects it. */
  #podChanged(pod: KubeObject): void {
    for (const service of this.#services.list(pod.metadata.namespace)) {
      const selector = selectorOf(service);
      if (!selector || Object.keys(selector).length === 0) continue;
      if (selectorFromSet(selector).matches(pod.metadata.labels ?? {})) {
        this.queue.add(`${service.metadata.namespace ?? ''}/${service.metadata.name ?? ''}`);
      }
    }
  }

  sync(key: string): void {
    const slash = key.indexOf('/');
    const [namespace, name] = [key.slice(0, slash), key.slice(slash + 1)];
    const service = this.#services.get(namespace, name);
    // A deleted Service's slices go with it, through their owner reference.
    if (!service || service.metadata.deletionTimestamp) return;
    const selector = selectorOf(service);
    // Without a selector the Service's endpoints are whatever its owner writes.
    if (!selector || Object.keys(selector).length === 0) return;
    const plan = planEndpointSlices({
      service,
      pods: this.#pods.list(namespace, selectorFromSet(selector)),
      existing: this.#slices
        .list(namespace)
        .filter(
          (s) =>
            s.metadata.labels?.[LABEL_SERVICE_NAME] === name &&
            s.metadata.labels[LABEL_MANAGED_BY] === ENDPOINTSLICE_CONTROLLER_NAME &&
            (s.metadata.ownerReferences ?? []).some((o) => o.uid === service.metadata.uid),
        ),
      zoneOf: (node) => this.#nodes.get(undefined, node)?.metadata.labels?.[ZONE_LABEL],
    });
    const failures: string[] = [];
    const attempt = (write: () => void) => {
      try {
        write();
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
        if (!isNotFound(e)) failures.push(e.message);
      }
    };
    for (const slice of plan.create) attempt(() => this.api.create(endpointSlices, slice));
    for (const slice of plan.update) attempt(() => this.api.update(endpointSlices, slice));
    for (const slice of plan.delete) {
      attempt(() => this.api.delete(endpointSlices, namespace, slice.metadata.name ?? ''));
    }
    if (failures.length) throw new SyncError(failures.join(', '));
  }
}
