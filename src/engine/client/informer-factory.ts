/**
 * One informer per resource (and namespace) for a whole component process, shared by all
 * its controllers, as kube-controller-manager shares its informers: one LIST and one WATCH
 * per resource however many controllers read it.
 */
import type { ResourceInfo } from '../api/resources.ts';
import type { ApiClient } from './api-client.ts';
import type { ClientHost } from './host.ts';
import type { Indexers } from './indexer.ts';
import { SharedInformer } from './informer.ts';

export class SharedInformerFactory {
  readonly #host: ClientHost;
  readonly #api: ApiClient;
  readonly #informers = new Map<string, SharedInformer>();
  #started = false;

  /** @param api the client the informers list and watch with (its id names them in the trace). */
  constructor(host: ClientHost, api: ApiClient) {
    this.#host = host;
    this.#api = api;
  }

  /**
   * The shared informer for a resource (in one namespace, or all; optionally only the objects
   * a field selector matches). Indexers given here are added to it if it has none of those
   * names yet. An informer asked for after `start` starts at once.
   */
  informerFor(
    resource: ResourceInfo,
    options: { namespace?: string; indexers?: Indexers; fieldSelector?: string } = {},
  ): SharedInformer {
    const namespace = resource.namespaced ? options.namespace : undefined;
    const { fieldSelector } = options;
    const key = `${resource.group}/${resource.version}/${resource.plural}@${namespace ?? ''}?${fieldSelector ?? ''}`;
    let informer = this.#informers.get(key);
    if (!informer) {
      informer = new SharedInformer(this.#host, this.#api, resource, {
        ...(namespace ? { namespace } : {}),
        ...(fieldSelector ? { fieldSelector } : {}),
      });
      this.#informers.set(key, informer);
      if (this.#started) informer.run();
    }
    const missing = Object.entries(options.indexers ?? {}).filter(
      ([name]) => !informer.indexer.hasIndex(name),
    );
    if (missing.length) informer.addIndexers(Object.fromEntries(missing));
    return informer;
  }

  /** Starts every informer not yet started (in the order they were asked for); idempotent. */
  start(): void {
    this.#started = true;
    for (const informer of this.#informers.values()) informer.run();
  }

  hasSynced(): boolean {
    return [...this.#informers.values()].every((i) => i.hasSynced());
  }

  get informers(): readonly SharedInformer[] {
    return [...this.#informers.values()];
  }

  stop(): void {
    for (const informer of this.#informers.values()) informer.stop();
  }
}
