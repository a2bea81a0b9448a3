/** The workload controllers of kube-controller-manager (deployment, replicaset, …). */
import type { SharedInformerFactory } from '../client/informer-factory.ts';
import type { Cluster } from '../cluster/cluster.ts';
import type { Controller } from './controller.ts';
import { CronJobController } from './cronjob/cronjob-controller.ts';
import { DaemonSetController } from './daemonset/daemonset-controller.ts';
import { DeploymentController } from './deployment/deployment-controller.ts';
import { JobController } from './job/job-controller.ts';
import { ReplicaSetController } from './replicaset/replicaset-controller.ts';
import { StatefulSetController } from './statefulset/statefulset-controller.ts';

export function createWorkloadControllers(cluster: Cluster, informers: SharedInformerFactory): Controller[] {
  return [
    new DeploymentController(cluster, informers),
    new ReplicaSetController(cluster, informers),
    new DaemonSetController(cluster, informers),
    new StatefulSetController(cluster, informers),
    new JobController(cluster, informers),
    new CronJobController(cluster, informers),
  ];
}
