/** The node agents: one kubelet per registered node (and its container runtime). */
import { builtinResources } from '../api/resources.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { startKubelet } from './kubelet.ts';

const NODES = builtinResources.find((r) => r.group === '' && r.plural === 'nodes')!;

/** Starts a kubelet for every node already registered, and for every node added later. */
export function startKubelets(cluster: Cluster): void {
  const nodes = cluster.client('kubeadm').list(NODES).items;
  for (const node of nodes) startKubelet(cluster, node.metadata.name ?? '');
  cluster.onNodeAdded.push((name) => startKubelet(cluster, name));
}
