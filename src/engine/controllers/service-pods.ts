/**
 * What the endpoint and endpointslice controllers both watch: Services, and the pods they
 * select. A Service change enqueues the Service; a pod change enqueues every Service in its
 * namespace whose selector matches it (before or after a label change).
 */
import { builtinResources } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import type { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Lister } from '../client/lister.ts';
import { selectorFromSet } from '../labels/index.ts';

const SERVICES = builtinResources.find((r) => r.group === '' && r.plural === 'services')!;
const PODS = builtinResources.find((r) => r.group === '' && r.plural === 'pods')!;

export const serviceKey = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

/** A Service's selector; empty when it has none (its endpoints are then written by hand). */
export function serviceSelector(service: KubeObject): Record<string, string> {
  return (service.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
}

export function watchServicesAndPods(
  informers: SharedInformerFactory,
  enqueue: (serviceKey: string) => void,
): { services: Lister; pods: Lister } {
  const serviceInformer = informers.informerFor(SERVICES);
  const services = serviceInformer.lister();
  const onService = (s: KubeObject) => enqueue(serviceKey(s));
  serviceInformer.addEventHandler({
    onAdd: onService,
    onUpdate: (_old, s) => onService(s),
    onDelete: onService,
  });
  const podChanged = (pod: KubeObject) => {
    for (const service of services.list(pod.metadata.namespace)) {
      const selector = serviceSelector(service);
      if (Object.keys(selector).length && selectorFromSet(selector).matches(pod.metadata.labels ?? {})) {
        enqueue(serviceKey(service));
      }
    }
  };
  const podInformer = informers.informerFor(PODS);
  podInformer.addEventHandler({
    onAdd: podChanged,
    onUpdate: (old, pod) => {
      podChanged(pod);
      // A pod whose labels changed may have left a Service.
      if (JSON.stringify(old.metadata.labels) !== JSON.stringify(pod.metadata.labels)) podChanged(old);
    },
    onDelete: podChanged,
  });
  return { services, pods: podInformer.lister() };
}
