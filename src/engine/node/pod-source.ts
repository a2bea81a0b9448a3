/**
 * The kubelet's view of its pods: a list and watch of pods with
 * `spec.nodeName=<node>`, relisting after a failed watch, as its reflector does.
 */
import { builtinResources } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import type { WatchEvent, WatchHandle } from '../apiserver/http-types.ts';
import type { Cancellable } from '../apiserver/watch.ts';
import { ApiError, type ApiClient } from '../client/api-client.ts';

export const PODS = builtinResources.find((r) => r.group === '' && r.plural === 'pods')!;

export interface PodSourceHandler {
  upsert(pod: KubeObject): void;
  remove(pod: KubeObject): void;
}

export class PodSource {
  readonly #known = new Map<string, KubeObject>();
  #watch: WatchHandle | undefined;
  #retry: Cancellable | undefined;
  #running = false;
  #resourceVersion = '';

  constructor(
    private readonly api: ApiClient,
    private readonly nodeName: string,
    private readonly handler: PodSourceHandler,
    private readonly retryLater: (run: () => void) => Cancellable,
  ) {}

  start(): void {
    this.#running = true;
    this.#listAndWatch();
  }

  stop(): void {
    this.#running = false;
    this.#watch?.stop();
    this.#watch = undefined;
    this.#retry?.cancel();
    this.#retry = undefined;
  }

  get(uid: string): KubeObject | undefined {
    return this.#known.get(uid);
  }

  #listAndWatch(): void {
    this.#retry = undefined;
    if (!this.#running) return;
    const fieldSelector = `spec.nodeName=${this.nodeName}`;
    try {
      const list = this.api.list(PODS, undefined, { fieldSelector });
      const seen = new Set<string>();
      for (const pod of list.items) {
        seen.add(pod.metadata.uid ?? '');
        this.#upsert(pod);
      }
      for (const [uid, pod] of [...this.#known]) if (!seen.has(uid)) this.#remove(pod);
      this.#resourceVersion = list.metadata.resourceVersion ?? '';
      this.#watch = this.api.watch(
        PODS,
        undefined,
        { fieldSelector, resourceVersion: this.#resourceVersion },
        {
          onEvent: (e) => this.#onEvent(e),
        },
      );
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      this.#retry = this.retryLater(() => this.#listAndWatch());
    }
  }

  #onEvent(event: WatchEvent): void {
    if (!this.#running) return;
    if (event.type === 'ADDED' || event.type === 'MODIFIED') this.#upsert(event.object);
    else if (event.type === 'DELETED') this.#remove(event.object);
    else if (event.type === 'ERROR') {
      this.#watch?.stop();
      this.#watch = undefined;
      this.#retry = this.retryLater(() => this.#listAndWatch());
    }
  }

  #upsert(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    const old = this.#known.get(uid);
    if (old && old.metadata.resourceVersion === pod.metadata.resourceVersion) return;
    this.#known.set(uid, pod);
    this.handler.upsert(pod);
  }

  #remove(pod: KubeObject): void {
    const uid = pod.metadata.uid ?? '';
    if (!this.#known.delete(uid)) return;
    this.handler.remove(pod);
  }
}
