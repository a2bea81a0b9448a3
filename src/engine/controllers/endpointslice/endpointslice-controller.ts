/**
 * The endpointslice controller of kube-controller-manager (`pkg/controller/endpointslice`):
 * for every Service with a selector, EndpointSlices listing the pods it selects, with their
 * IPs, the ports they serve and whether they are ready. Pod and Service changes enqueue the
 * Service; a sync works out the last-change trigger time (trigger-time.ts), plans the slices
 * (endpointslice-plan.ts) and writes the difference.
 */
import type { KubeObject } from '../../api/types.ts';
import { ApiError, isNotFound } from '../../client/api-client.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { selectorFromSet } from '../../labels/index.ts';
import { Controller, SyncError, type ControllerHost } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { serviceSelector, watchServicesAndPods } from '../service-pods.ts';
import {
  ENDPOINTSLICE_CONTROLLER_NAME,
  LABEL_MANAGED_BY,
  LABEL_SERVICE_NAME,
  planEndpointSlices,
} from './endpointslice-plan.ts';
import { TriggerTimeTracker } from './trigger-time.ts';

const nodes = servedResource('', 'v1', 'Node');
export const endpointSlices = servedResource('discovery.k8s.io', 'v1', 'EndpointSlice');

const ZONE_LABEL = 'topology.kubernetes.io/zone';

export class EndpointSliceController extends Controller {
  readonly queue: WorkQueue;
  readonly #services: Lister;
  readonly #pods: Lister;
  readonly #slices: Lister;
  readonly #nodes: Lister;
  readonly #triggerTimes = new TriggerTimeTracker();

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'endpointslice');
    this.queue = this.newQueue({
      name: 'endpoint_slice',
      workers: 5,
      sync: (key) => this.sync(key),
      describe: (key) => `services/${key}`,
    });
    ({ services: this.#services, pods: this.#pods } = watchServicesAndPods(informers, (key) =>
      this.queue.add(key),
    ));
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

  sync(key: string): void {
    const slash = key.indexOf('/');
    const [namespace, name] = [key.slice(0, slash), key.slice(slash + 1)];
    const service = this.#services.get(namespace, name);
    if (!service) {
      // A deleted Service's slices go with it, through their owner reference.
      this.#triggerTimes.deleteService(namespace, name);
      return;
    }
    if (service.metadata.deletionTimestamp) return;
    const selector = serviceSelector(service);
    // Without a selector the Service's endpoints are whatever its owner writes.
    if (Object.keys(selector).length === 0) return;
    const pods = this.#pods.list(namespace, selectorFromSet(selector));
    // Computed on every sync, so the tracker's state moves even when nothing is written.
    const triggerTime = this.#triggerTimes.compute(service, pods);
    const plan = planEndpointSlices({
      service,
      pods,
      triggerTime,
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
