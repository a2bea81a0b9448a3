/**
 * The service controller of cloud-controller-manager (`k8s.io/cloud-provider`): for every
 * Service of type LoadBalancer it asks the (simulated) cloud for a load balancer, and once
 * the cloud has one, writes its address into `status.loadBalancer.ingress`, so EXTERNAL-IP
 * turns from `<pending>` into an address. A Service that stops being a LoadBalancer loses it.
 */
import type { KubeObject } from '../../api/types.ts';
import { EventRecorder } from '../../client/event-recorder.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { Controller, type ControllerHost, type SyncResult } from '../controller.ts';
import { servedResource } from '../discovery.ts';

const services = servedResource('', 'v1', 'Service');

/** How long the simulated cloud takes to provision a load balancer. */
export const LOAD_BALANCER_PROVISION_MS = 3_000;
/** The simulated cloud hands out addresses from this block (the documentation range TEST-NET-3). */
const ADDRESS_BLOCK = '203.0.113.';

interface ServiceShape {
  spec?: { type?: string };
  status?: { loadBalancer?: { ingress?: { ip?: string }[] } };
}

export class ServiceLoadBalancerController extends Controller {
  readonly queue: WorkQueue;
  readonly #services: Lister;
  readonly #recorder: EventRecorder;
  /** When each Service's load balancer was first asked for, and the address the cloud gave it. */
  readonly #requested = new Map<string, number>();
  readonly #addresses = new Map<string, string>();

  constructor(host: ControllerHost, informers: SharedInformerFactory) {
    super(host, informers, 'service', 'cloud-controller-manager');
    this.#recorder = new EventRecorder(this.api, { component: 'service-controller' }, () => host.clock.now());
    this.queue = this.newQueue({
      name: 'service',
      sync: (key) => this.sync(key),
      describe: (key) => `services/${key}`,
    });
    const informer = informers.informerFor(services);
    this.#services = informer.lister();
    const enqueue = (o: KubeObject) =>
      this.queue.add(`${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`);
    informer.addEventHandler({ onAdd: enqueue, onUpdate: (_old, s) => enqueue(s), onDelete: enqueue });
  }

  #addressFor(key: string): string {
    let address = this.#addresses.get(key);
    if (!address) {
      address = `${ADDRESS_BLOCK}${this.#addresses.size + 10}`;
      this.#addresses.set(key, address);
    }
    return address;
  }

  sync(key: string): SyncResult {
    const slash = key.indexOf('/');
    const service = this.#services.get(key.slice(0, slash), key.slice(slash + 1));
    const shape = service as ServiceShape | undefined;
    const wanted = shape?.spec?.type === 'LoadBalancer' && !service?.metadata.deletionTimestamp;
    const ingress = shape?.status?.loadBalancer?.ingress ?? [];
    if (!service || !wanted) {
      this.#requested.delete(key);
      // A Service that is no longer a LoadBalancer gives its address back.
      if (service && ingress.length > 0) this.#writeIngress(service, []);
      return;
    }
    if (ingress.length > 0) return;
    const now = this.host.clock.now();
    const asked = this.#requested.get(key);
    if (asked === undefined) {
      this.#requested.set(key, now);
      this.#recorder.event(service, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
      return { requeueAfterMs: LOAD_BALANCER_PROVISION_MS };
    }
    if (now - asked < LOAD_BALANCER_PROVISION_MS)
      return { requeueAfterMs: asked + LOAD_BALANCER_PROVISION_MS - now };
    this.#writeIngress(service, [{ ip: this.#addressFor(key), ipMode: 'VIP' }]);
    this.#recorder.event(service, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
    return;
  }

  #writeIngress(service: KubeObject, ingress: { ip: string; ipMode: string }[]): void {
    this.api.updateStatus(services, {
      ...service,
      status: { ...(service.status ?? {}), loadBalancer: ingress.length ? { ingress } : {} },
    });
  }
}
