/**
 * The root-ca-cert-publisher of kube-controller-manager
 * (`pkg/controller/certificates/rootcacertpublisher/publisher.go`): every namespace has a
 * `kube-root-ca.crt` ConfigMap holding the cluster CA, which pods mount through their
 * projected service-account volume. It is re-created when deleted and repaired when edited.
 */
import type { KubeObject } from '../../api/types.ts';
import { hasStatusCause, isNotFound } from '../../client/api-client.ts';
import type { SharedInformerFactory } from '../../client/informer-factory.ts';
import type { Lister } from '../../client/lister.ts';
import type { WorkQueue } from '../../client/work-queue.ts';
import { sameJson } from '../../apiserver/strategy.ts';
import { Controller, type ControllerHost } from '../controller.ts';
import { servedResource } from '../discovery.ts';
import { NAMESPACE_TERMINATING_CAUSE } from './serviceaccounts-controller.ts';

export const ROOT_CA_CONFIGMAP_NAME = 'kube-root-ca.crt';
export const DESCRIPTION_ANNOTATION = 'kubernetes.io/description';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. ' +
  'No other usage is guaranteed across distributions of Kubernetes clusters.';

const configMaps = servedResource('', 'v1', 'ConfigMap');
const namespaces = servedResource('', 'v1', 'Namespace');

export type RootCaPlan =
  { readonly action: 'none' } | { readonly action: 'create' | 'update'; readonly object: KubeObject };

/** What the namespace's `kube-root-ca.crt` needs: nothing, a create, or an update of data and description. */
export function planRootCaConfigMap(
  namespace: string,
  existing: KubeObject | undefined,
  caPem: string,
): RootCaPlan {
  const data = { 'ca.crt': caPem };
  if (!existing) {
    return {
      action: 'create',
      object: {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: {
          name: ROOT_CA_CONFIGMAP_NAME,
          namespace,
          annotations: { [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION },
        },
        data,
      },
    };
  }
  const annotations = existing.metadata.annotations ?? {};
  if (sameJson(existing.data ?? {}, data) && (annotations[DESCRIPTION_ANNOTATION] ?? '') !== '') {
    return { action: 'none' };
  }
  return {
    action: 'update',
    object: {
      ...existing,
      metadata: {
        ...existing.metadata,
        annotations: { ...annotations, [DESCRIPTION_ANNOTATION]: ROOT_CA_DESCRIPTION },
      },
      data,
    },
  };
}

export class RootCaCertPublisher extends Controller {
  readonly queue: WorkQueue;
  readonly caPem: string;
  readonly #configMaps: Lister;

  constructor(host: ControllerHost, informers: SharedInformerFactory, caPem: string) {
    super(host, informers, 'root-ca-cert-publisher');
    this.caPem = caPem;
    this.queue = this.newQueue({
      name: 'root_ca_cert_publisher',
      sync: (key) => this.sync(key),
      describe: (key) => `configmaps/${key}/${ROOT_CA_CONFIGMAP_NAME}`,
    });
    const cmInformer = informers.informerFor(configMaps);
    this.#configMaps = cmInformer.lister();
    const enqueueOwnConfigMap = (cm: KubeObject): void => {
      if (cm.metadata.name === ROOT_CA_CONFIGMAP_NAME) this.queue.add(cm.metadata.namespace ?? '');
    };
    cmInformer.addEventHandler({
      onUpdate: (_old, cm) => enqueueOwnConfigMap(cm),
      onDelete: enqueueOwnConfigMap,
    });
    informers.informerFor(namespaces).addEventHandler({
      onAdd: (ns) => this.queue.add(ns.metadata.name ?? ''),
      onUpdate: (_old, ns) => {
        if ((ns.status as { phase?: string } | undefined)?.phase === 'Active')
          this.queue.add(ns.metadata.name ?? '');
      },
    });
  }

  /** Makes the namespace's `kube-root-ca.crt` hold the cluster CA; the key is a namespace name. */
  sync(key: string): void {
    const plan = planRootCaConfigMap(key, this.#configMaps.get(key, ROOT_CA_CONFIGMAP_NAME), this.caPem);
    if (plan.action === 'none') return;
    if (plan.action === 'update') {
      this.api.update(configMaps, plan.object);
      return;
    }
    try {
      this.api.create(configMaps, plan.object);
    } catch (e) {
      // A namespace that is gone or terminating needs no certificate.
      if (isNotFound(e) || hasStatusCause(e, NAMESPACE_TERMINATING_CAUSE)) return;
      throw e;
    }
  }
}
