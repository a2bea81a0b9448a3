/**
 * Where trace participants sit on the graph: the engine's component ids
 * (`controller-manager/deployment`, `kubelet/<node>`, …) mapped to graph node ids, and
 * the words the caption uses for them.
 */

export const CONTROL_PLANE = [
  'kubectl',
  'kube-apiserver',
  'etcd',
  'kube-scheduler',
  'kube-controller-manager',
  'cloud-controller-manager',
] as const;

export type ControlPlaneId = (typeof CONTROL_PLANE)[number];

/** Graph node id of a worker (or control-plane) machine, which holds its kubelet. */
export const machineNodeId = (nodeName: string) => `node/${nodeName}`;

/** The graph node a trace participant is drawn at, or undefined for one that is not on the graph. */
export function graphNodeOf(component: string): string | undefined {
  if (component === 'kubectl' || component === 'kubeadm') return 'kubectl';
  if (component === 'etcd') return 'etcd';
  if (component === 'apiserver' || component.startsWith('apiserver/')) return 'kube-apiserver';
  if (component === 'scheduler' || component.startsWith('scheduler/')) return 'kube-scheduler';
  if (component === 'controller-manager/shared-informers') return 'the controller manager’s informers';
  if (component.startsWith('controller-manager/')) return 'kube-controller-manager';
  if (component.startsWith('cloud-controller-manager/')) return 'cloud-controller-manager';
  if (component.startsWith('kubelet/')) return machineNodeId(component.slice('kubelet/'.length));
  if (component.startsWith('kube-proxy/')) return machineNodeId(component.slice('kube-proxy/'.length));
  return undefined;
}

/** How the caption names a participant. */
export function componentPhrase(component: string): string {
  if (component === 'kubectl') return 'kubectl';
  if (component === 'etcd') return 'etcd';
  if (component === 'apiserver' || component.startsWith('apiserver/')) return 'the API server';
  if (component === 'scheduler') return 'the scheduler';
  if (component === 'controller-manager/shared-informers') return 'the controller manager’s informers';
  if (component.startsWith('controller-manager/'))
    return `the ${component.slice('controller-manager/'.length)} controller`;
  if (component.startsWith('cloud-controller-manager/'))
    return `the cloud ${component.slice('cloud-controller-manager/'.length)} controller`;
  if (component.startsWith('kubelet/')) return `the kubelet on ${component.slice('kubelet/'.length)}`;
  if (component.startsWith('kube-proxy/')) return `kube-proxy on ${component.slice('kube-proxy/'.length)}`;
  return component;
}
