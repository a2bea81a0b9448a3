/** kube-scheduler: places pending pods on nodes and binds them through the API. */
import type { Cluster } from '../cluster/cluster.ts';
import { Scheduler } from './scheduler.ts';

export function startScheduler(cluster: Cluster): Scheduler {
  const scheduler = new Scheduler(cluster);
  cluster.addComponent(scheduler);
  return scheduler;
}
