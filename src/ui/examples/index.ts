/** Example manifests for the editor's menu: the classic first steps with Kubernetes. */
import crashloop from './crashloop-pod.yaml?raw';
import daemonset from './daemonset.yaml?raw';
import ingress from './ingress-fanout.yaml?raw';
import job from './job.yaml?raw';
import loadBalancer from './loadbalancer-service.yaml?raw';
import mongo from './mongodb-mongo-express.yaml?raw';
import nginxService from './nginx-deployment-service.yaml?raw';
import nginx from './nginx-deployment.yaml?raw';
import nodePort from './nodeport-service.yaml?raw';

export interface Example {
  readonly id: string;
  readonly title: string;
  readonly yaml: string;
}

export const examples: readonly Example[] = [
  { id: 'nginx', title: 'nginx Deployment', yaml: nginx },
  { id: 'nginx-service', title: 'nginx Deployment and Service', yaml: nginxService },
  { id: 'mongo', title: 'MongoDB and Mongo Express (Secret, ConfigMap)', yaml: mongo },
  { id: 'nodeport', title: 'NodePort Service', yaml: nodePort },
  { id: 'loadbalancer', title: 'LoadBalancer Service', yaml: loadBalancer },
  { id: 'ingress', title: 'Ingress fan-out', yaml: ingress },
  { id: 'daemonset', title: 'DaemonSet', yaml: daemonset },
  { id: 'job', title: 'Job', yaml: job },
  { id: 'crashloop', title: 'Crash-looping Pod', yaml: crashloop },
];
