/**
 * Starts everything that runs in a cluster besides the API server: the controller manager,
 * the cloud controller manager, the scheduler, and a kubelet and a kube-proxy per node. Each talks to the others only through the API.
 */
import { startCloudControllerManager } from '../controllers/cloud/index.ts';
import { startControllerManager } from '../controllers/index.ts';
import { startKubelets } from '../node/index.ts';
import { startKubeProxies } from '../proxy/kube-proxy.ts';
import { startScheduler } from '../scheduler/index.ts';
import type { Cluster } from './cluster.ts';

export function startComponents(cluster: Cluster): void {
  startControllerManager(cluster);
  startCloudControllerManager(cluster);
  startScheduler(cluster);
  startKubelets(cluster);
  startKubeProxies(cluster);
}
