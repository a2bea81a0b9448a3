/**
 * ingress-nginx as `sim addon ingress-nginx` installs it: its namespace, the `nginx`
 * IngressClass, the controller Deployment and its NodePort Service — real objects the
 * cluster runs — and the controller's control loop, which watches Ingresses and, once a
 * controller pod is ready, publishes its node's address in their status (ADDRESS).
 */
import { builtinResources } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import { ApiError, isAlreadyExists, type ApiClient } from '../client/api-client.ts';
import { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Lister } from '../client/lister.ts';
import type { Cluster, ClusterComponent } from '../cluster/cluster.ts';
import { INGRESS_CLASS } from './ingress-routes.ts';
import { internalIP } from '../node/node-object.ts';

export const INGRESS_NAMESPACE = 'ingress-nginx';
export const CONTROLLER_NAME = 'ingress-nginx-controller';
export const CONTROLLER_LABELS = {
  'app.kubernetes.io/name': 'ingress-nginx',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/component': 'controller',
};
const IMAGE = 'registry.k8s.io/ingress-nginx/controller:v1.13.3';
/** The controller container's HTTPS listener; its HTTP one is 80. */
export const HTTPS_CONTAINER_PORT = 443;

const resource = (group: string, plural: string) =>
  builtinResources.find((r) => r.group === group && r.plural === plural)!;
const INGRESSES = resource('networking.k8s.io', 'ingresses');
const PODS = resource('', 'pods');
const NODES = resource('', 'nodes');

/** The objects of the controller's install manifest (a small subset of the upstream one). */
export function ingressNginxObjects(): KubeObject[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: INGRESS_NAMESPACE,
        labels: { ...CONTROLLER_LABELS, 'app.kubernetes.io/component': undefined },
      },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: {
        name: INGRESS_CLASS,
        labels: CONTROLLER_LABELS,
        annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' },
      },
      spec: { controller: 'k8s.io/ingress-nginx' },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: CONTROLLER_NAME, namespace: INGRESS_NAMESPACE, labels: CONTROLLER_LABELS },
      spec: {
        replicas: 1,
        selector: { matchLabels: CONTROLLER_LABELS },
        template: {
          metadata: { labels: CONTROLLER_LABELS },
          spec: {
            containers: [
              {
                name: 'controller',
                image: IMAGE,
                ports: [
                  { name: 'http', containerPort: 80, protocol: 'TCP' },
                  { name: 'https', containerPort: HTTPS_CONTAINER_PORT, protocol: 'TCP' },
                ],
                readinessProbe: { httpGet: { path: '/healthz', port: 80 }, periodSeconds: 10 },
              },
            ],
          },
        },
      },
    },
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: CONTROLLER_NAME, namespace: INGRESS_NAMESPACE, labels: CONTROLLER_LABELS },
      spec: {
        type: 'NodePort',
        selector: CONTROLLER_LABELS,
        ports: [
          { name: 'http', port: 80, protocol: 'TCP', targetPort: 'http', appProtocol: 'http' },
          { name: 'https', port: 443, protocol: 'TCP', targetPort: 'https', appProtocol: 'https' },
        ],
      },
    },
  ].map((o) => JSON.parse(JSON.stringify(o)) as KubeObject);
}

export function isControllerPod(pod: KubeObject): boolean {
  return (
    pod.metadata.namespace === INGRESS_NAMESPACE &&
    pod.metadata.labels?.['app.kubernetes.io/component'] === 'controller'
  );
}

/** The controller's loop: publish the address of a ready controller pod's node on every Ingress it serves. */
export class IngressNginxController implements ClusterComponent {
  readonly id = 'ingress-nginx/controller';
  readonly #api: ApiClient;
  readonly #informers: SharedInformerFactory;
  readonly #ingresses: Lister;
  readonly #pods: Lister;
  readonly #nodes: Lister;
  #pending: Cancellable | undefined;

  constructor(private readonly cluster: Cluster) {
    this.#api = cluster.client(this.id);
    this.#informers = new SharedInformerFactory(cluster, this.#api);
    const changed = () => this.#requestSync();
    const ingresses = this.#informers.informerFor(INGRESSES);
    ingresses.addEventHandler({ onAdd: changed, onUpdate: changed });
    this.#ingresses = ingresses.lister();
    const pods = this.#informers.informerFor(PODS);
    pods.addEventHandler({ onAdd: changed, onUpdate: changed, onDelete: changed });
    this.#pods = pods.lister();
    this.#nodes = this.#informers.informerFor(NODES).lister();
  }

  start(): void {
    this.#informers.start();
  }

  stop(): void {
    this.#pending?.cancel();
  }

  #requestSync(): void {
    if (this.#pending) return;
    this.#pending = this.cluster.schedule(100, this.id, () => {
      this.#pending = undefined;
      this.#sync();
    });
  }

  #address(): string | undefined {
    const ready = this.#pods
      .list(INGRESS_NAMESPACE)
      .filter(isControllerPod)
      .find((p) =>
        (
          (p.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []
        ).some((c) => c.type === 'Ready' && c.status === 'True'),
      );
    const node = ready && this.#nodes.get(undefined, (ready.spec as { nodeName?: string }).nodeName ?? '');
    return node ? internalIP(node) || undefined : undefined;
  }

  #sync(): void {
    const address = this.#address();
    if (!address) return;
    for (const ingress of this.#ingresses.list()) {
      const spec = (ingress.spec ?? {}) as { ingressClassName?: string };
      if (spec.ingressClassName !== undefined && spec.ingressClassName !== INGRESS_CLASS) continue;
      const current = (ingress.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)
        ?.loadBalancer?.ingress;
      if (current?.length === 1 && current[0]?.ip === address) continue;
      try {
        this.#api.updateStatus(INGRESSES, {
          ...ingress,
          status: { loadBalancer: { ingress: [{ ip: address }] } },
        });
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
  }
}

/** Applies the install manifest as kubectl would and starts the controller's loop; the lines kubectl prints. */
export function installIngressNginx(cluster: Cluster): string[] {
  const kubectl = cluster.client('kubectl');
  const lines: string[] = [];
  for (const object of ingressNginxObjects()) {
    const info = builtinResources.find(
      (r) => r.kind === object.kind && r.version === object.apiVersion.split('/').pop(),
    )!;
    const group = info.group ? `.${info.group}` : '';
    try {
      kubectl.create(info, object);
      lines.push(`${object.kind.toLowerCase()}${group}/${object.metadata.name ?? ''} created`);
    } catch (e) {
      if (!isAlreadyExists(e)) throw e;
      lines.push(`${object.kind.toLowerCase()}${group}/${object.metadata.name ?? ''} unchanged`);
    }
  }
  if (!cluster.component('ingress-nginx/controller'))
    cluster.addComponent(new IngressNginxController(cluster));
  return lines;
}
