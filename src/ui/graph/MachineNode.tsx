/** A machine (worker or control-plane node): its status, its kubelet and the pods bound to it. */
import type { Node, NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { podKeysOn, useCluster } from '../state/cluster-store.ts';
import { Handles } from './Handles.tsx';
import { MACHINE_WIDTH } from './layout.ts';
import { PodChip } from './PodChip.tsx';

export type MachineNodeData = { readonly nodeName: string };

export function MachineNode({ data }: NodeProps<Node<MachineNodeData, 'machine'>>) {
  const status = useCluster((s) => {
    const key = (s.keysByKind['Node'] ?? []).find((k) => s.objects[k]?.name === data.nodeName);
    return key ? (s.objects[key]?.display.status ?? '') : '';
  });
  const podKeys = useCluster(useShallow((s) => podKeysOn(s, data.nodeName)));
  const ready = status.split(',')[0] === 'Ready';
  return (
    <div
      role="group"
      aria-label={`node ${data.nodeName} ${status}`}
      className={`machine${ready ? '' : ' not-ready'}`}
      style={{ width: MACHINE_WIDTH }}
    >
      <Handles />
      <header>
        <strong>{data.nodeName}</strong> <span className="machine-status">{status}</span>
      </header>
      <div className="kubelet">kubelet</div>
      <div className="pods">
        {podKeys.map((k) => (
          <PodChip key={k} podKey={k} />
        ))}
        {podKeys.length === 0 ? <p className="empty">no pods</p> : null}
      </div>
    </div>
  );
}
