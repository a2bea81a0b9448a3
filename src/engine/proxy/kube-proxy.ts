/**
 * kube-proxy, one per node: it watches Services and EndpointSlices through its own
 * informers and, at most once a second (its minSyncPeriod), rebuilds the node's rules from
 * what it has seen. Traffic leaving a pod or arriving at the node follows these rules, so a
 * change reaches a node only once its kube-proxy has heard of it and synced. It also watches
 * its own Node: a change of the node's zone label changes which hinted endpoints it uses.
 */
import { builtinResources } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Lister } from '../client/lister.ts';
import type { Cluster, ClusterComponent } from '../cluster/cluster.ts';
import { buildProxyRules, type ProxyServicePort } from './proxy-rules.ts';

const SERVICES = builtinResources.find((r) => r.group === '' && r.plural === 'services')!;
const SLICES = builtinResources.find((r) => r.group === 'discovery.k8s.io' && r.plural === 'endpointslices')!;
const NODES = builtinResources.find((r) => r.group === '' && r.plural === 'nodes')!;
const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** `--iptables-min-sync-period`: changes within a second are applied together. */
export const MIN_SYNC_PERIOD_MS = 1_000;

export class KubeProxy implements ClusterComponent {
  readonly id: string;
  #rules: readonly ProxyServicePort[] = [];
  readonly #informers: SharedInformerFactory;
  readonly #services: Lister;
  readonly #slices: Lister;
  #pending: Cancellable | undefined;
  #lastSync = Number.NEGATIVE_INFINITY;
  /** This node's zone label as last seen (OnTopologyChange). */
  #zone = '';

  constructor(
    private readonly cluster: Cluster,
    readonly nodeName: string,
  ) {
    this.id = `kube-proxy/${nodeName}`;
    this.#informers = new SharedInformerFactory(cluster, cluster.client(this.id));
    const changed = () => this.#requestSync();
    const services = this.#informers.informerFor(SERVICES);
    services.addEventHandler({ onAdd: changed, onUpdate: changed, onDelete: changed });
    this.#services = services.lister();
    const slices = this.#informers.informerFor(SLICES);
    slices.addEventHandler({ onAdd: changed, onUpdate: changed, onDelete: changed });
    this.#slices = slices.lister();
    const nodeSeen = (node: KubeObject) => {
      const zone = node.metadata.labels?.[ZONE_LABEL] ?? '';
      if (zone === this.#zone) return;
      this.#zone = zone;
      this.#requestSync();
    };
    // Like kube-proxy's node informer, it watches only its own Node.
    this.#informers
      .informerFor(NODES, { fieldSelector: `metadata.name=${nodeName}` })
      .addEventHandler({ onAdd: nodeSeen, onUpdate: (_old, n) => nodeSeen(n) });
  }

  /** The rules as last synced. */
  get rules(): readonly ProxyServicePort[] {
    return this.#rules;
  }

  start(): void {
    this.#informers.start();
  }

  stop(): void {
    this.#pending?.cancel();
  }

  #requestSync(): void {
    if (this.#pending) return;
    const now = this.cluster.clock.now();
    const delay = Math.max(0, this.#lastSync + MIN_SYNC_PERIOD_MS - now);
    const cause = this.cluster.trace.currentCause();
    this.#pending = this.cluster.schedule(delay, this.id, () => {
      this.#pending = undefined;
      this.cluster.trace.withCause(cause, () => this.#sync());
    });
  }

  #sync(): void {
    this.#lastSync = this.cluster.clock.now();
    this.#rules = buildProxyRules(this.#services.list(), this.#slices.list(), {
      name: this.nodeName,
      zone: this.#zone,
    });
    const endpoints = this.#rules.reduce((n, r) => n + r.endpoints.length, 0);
    this.cluster.trace.record({
      from: this.id,
      to: this.id,
      type: 'action',
      verb: 'sync',
      object: 'iptables/nat',
      summary: `syncProxyRules: ${this.#rules.length} service ports, ${endpoints} endpoints`,
    });
  }
}

/** Starts a kube-proxy on every node, and on every node added later. */
export function startKubeProxies(cluster: Cluster): void {
  const start = (name: string) => cluster.addComponent(new KubeProxy(cluster, name));
  for (const node of cluster.client('kubeadm').list(builtinResources.find((r) => r.plural === 'nodes')!)
    .items) {
    start(node.metadata.name ?? '');
  }
  cluster.onNodeAdded.push(start);
}
