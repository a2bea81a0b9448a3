/**
 * The scheduler's cache (`internal/cache`): a NodeInfo per node with the pods bound to it,
 * plus pods assumed on a node between the scheduling decision and the binding's watch
 * event. Nodes are walked zone by zone, round robin, as the cache's node tree does.
 */
import type { KubeObject } from '../api/types.ts';
import { NodeInfo, podEntry } from './node-info.ts';
import { nodeLabels, podKey, ZONE_LABEL } from './types.ts';

export class SchedulerCache {
  readonly #nodes = new Map<string, NodeInfo>();
  /** Pod key → node, for every pod in a NodeInfo (bound or assumed). */
  readonly #podNode = new Map<string, string>();
  /** Pods on nodes the cache has not seen (yet), so that they count once the node arrives. */
  readonly #orphans = new Map<string, KubeObject>();
  #order: NodeInfo[] | undefined;

  get size(): number {
    return this.#nodes.size;
  }

  node(name: string): NodeInfo | undefined {
    return this.#nodes.get(name);
  }

  setNode(node: KubeObject): void {
    const name = node.metadata.name ?? '';
    const info = this.#nodes.get(name);
    if (info) {
      const zoneChanged = nodeLabels(info.node)[ZONE_LABEL] !== nodeLabels(node)[ZONE_LABEL];
      info.setNode(node);
      if (zoneChanged) this.#order = undefined;
      return;
    }
    const fresh = new NodeInfo(node);
    this.#nodes.set(name, fresh);
    this.#order = undefined;
    for (const [key, pod] of [...this.#orphans]) {
      if ((pod.spec as { nodeName?: string }).nodeName === name) {
        this.#orphans.delete(key);
        this.addPod(pod, name);
      }
    }
  }

  removeNode(name: string): void {
    const info = this.#nodes.get(name);
    if (!info) return;
    for (const [key, entry] of info.pods) {
      this.#podNode.delete(key);
      this.#orphans.set(key, entry.pod);
    }
    this.#nodes.delete(name);
    this.#order = undefined;
  }

  /** Puts the pod on `nodeName` (replacing any earlier version of it, wherever it was). */
  addPod(pod: KubeObject, nodeName: string): void {
    const key = podKey(pod);
    this.removePod(key);
    const info = this.#nodes.get(nodeName);
    if (!info) {
      this.#orphans.set(key, pod);
      return;
    }
    info.addPod(podEntry(pod));
    this.#podNode.set(key, nodeName);
  }

  removePod(key: string): void {
    this.#orphans.delete(key);
    const nodeName = this.#podNode.get(key);
    if (nodeName === undefined) return;
    this.#nodes.get(nodeName)?.removePod(key);
    this.#podNode.delete(key);
  }

  nodeOf(key: string): string | undefined {
    return this.#podNode.get(key);
  }

  /** Nodes interleaved across zones (each zone in the order its nodes arrived). */
  ordered(): readonly NodeInfo[] {
    if (this.#order) return this.#order;
    const zones = new Map<string, NodeInfo[]>();
    for (const info of this.#nodes.values()) {
      const labels = nodeLabels(info.node);
      const zone = `${labels['topology.kubernetes.io/region'] ?? ''}:\u0000:${labels[ZONE_LABEL] ?? ''}`;
      let list = zones.get(zone);
      if (!list) zones.set(zone, (list = []));
      list.push(info);
    }
    const lists = [...zones.values()];
    const order: NodeInfo[] = [];
    for (let i = 0; order.length < this.#nodes.size; i++) {
      for (const list of lists) if (i < list.length) order.push(list[i]!);
    }
    this.#order = order;
    return order;
  }
}
