/**
 * The scheduler cache's view of one node (`framework.NodeInfo`): the node, the pods bound
 * or assumed on it, what they request, the host ports they use and the images it holds.
 */
import type { KubeObject } from '../api/types.ts';
import { addResources, parseResourceList, podRequests, type ResourceList } from './resources.ts';
import { podKey, podSpec } from './types.ts';

export interface HostPort {
  readonly ip: string;
  readonly protocol: string;
  readonly port: number;
}

export interface PodEntry {
  readonly pod: KubeObject;
  readonly requests: ResourceList;
  readonly nonZero: ResourceList;
  readonly ports: readonly HostPort[];
}

export function podEntry(pod: KubeObject): PodEntry {
  const spec = podSpec(pod);
  const ports: HostPort[] = [];
  for (const c of spec.containers ?? []) {
    for (const p of c.ports ?? []) {
      if (p.hostPort && p.hostPort > 0) {
        ports.push({ ip: p.hostIP || '0.0.0.0', protocol: p.protocol || 'TCP', port: p.hostPort });
      }
    }
  }
  return { pod, requests: podRequests(spec), nonZero: podRequests(spec, true), ports };
}

function hasPodAffinity(pod: KubeObject): boolean {
  const a = podSpec(pod).affinity;
  return !!(a?.podAffinity || a?.podAntiAffinity);
}

export class NodeInfo {
  node: KubeObject;
  allocatable: ResourceList;
  /** Image name → size in bytes, from node.status.images. */
  images: Map<string, number>;
  readonly pods = new Map<string, PodEntry>();
  readonly requested: ResourceList = new Map();
  readonly nonZeroRequested: ResourceList = new Map();
  /** How many of its pods have pod (anti-)affinity terms. */
  affinityPods = 0;
  /** Memoised counts of matching pods (by selector key), valid until the pods change. */
  readonly matchCounts = new Map<string, number>();

  constructor(node: KubeObject) {
    this.node = node;
    this.allocatable = new Map();
    this.images = new Map();
    this.setNode(node);
  }

  get name(): string {
    return this.node.metadata.name ?? '';
  }

  setNode(node: KubeObject): void {
    this.node = node;
    const status = (node.status ?? {}) as {
      allocatable?: Record<string, unknown>;
      images?: { names?: string[]; sizeBytes?: number }[];
    };
    this.allocatable = parseResourceList(status.allocatable);
    this.images = new Map();
    for (const image of status.images ?? []) {
      for (const name of image.names ?? []) this.images.set(name, image.sizeBytes ?? 0);
    }
  }

  addPod(entry: PodEntry): void {
    const key = podKey(entry.pod);
    if (this.pods.has(key)) this.removePod(key);
    this.pods.set(key, entry);
    this.matchCounts.clear();
    if (hasPodAffinity(entry.pod)) this.affinityPods++;
    addResources(this.requested, entry.requests);
    addResources(this.nonZeroRequested, entry.nonZero);
  }

  removePod(key: string): void {
    const entry = this.pods.get(key);
    if (!entry) return;
    this.pods.delete(key);
    this.matchCounts.clear();
    if (hasPodAffinity(entry.pod)) this.affinityPods--;
    addResources(this.requested, entry.requests, -1);
    addResources(this.nonZeroRequested, entry.nonZero, -1);
  }

  usedPorts(): HostPort[] {
    const out: HostPort[] = [];
    for (const e of this.pods.values()) out.push(...e.ports);
    return out;
  }
}
