/** A control-plane component (or kubectl, the user's client) on the graph. */
import type { Node, NodeProps } from '@xyflow/react';
import { useSelection } from '../state/selection-store.ts';
import { Handles } from './Handles.tsx';
import { COMPONENT_SIZE } from './layout.ts';

export type ComponentNodeData = { readonly name: string };

const roles: Record<string, string> = {
  kubectl: 'your client',
  'kube-apiserver': 'the front door',
  etcd: 'the cluster store',
  'kube-scheduler': 'places pods',
  'kube-controller-manager': 'controllers',
  'cloud-controller-manager': 'load balancers',
};

export function ComponentNode({ data }: NodeProps<Node<ComponentNodeData, 'component'>>) {
  const selected = useSelection((s) => s.selected === data.name);
  return (
    <div
      role="group"
      aria-label={data.name}
      className={`component component-${data.name}${selected ? ' selected' : ''}`}
      style={COMPONENT_SIZE}
      onClick={() => useSelection.getState().select(data.name)}
    >
      <Handles />
      <strong>{data.name}</strong>
      <small>{roles[data.name]}</small>
    </div>
  );
}
