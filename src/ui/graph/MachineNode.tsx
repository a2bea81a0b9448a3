/**
 * A machine (worker or control-plane node): its status and taints, its node agents
 * (kubelet, kube-proxy, the containerd runtime), how much of its CPU and memory the pods on
 * it request, and the pods bound to it.
 */
import type { Node, NodeProps } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { podKeysOn, useCluster } from '../state/cluster-store.ts';
import { Handles } from './Handles.tsx';
import { MACHINE_WIDTH } from './layout.ts';
import { useAggregated } from './level-of-detail.ts';
import { PodChip } from './PodChip.tsx';
import { PodSummary } from './PodSummary.tsx';

export type MachineNodeData = { readonly nodeName: string };

function Usage({ label, used, total, unit }: { label: string; used: number; total: number; unit: string }) {
  const percent = total > 0 ? Math.min(100, Math.round((used / total) * 100)) : 0;
  return (
    <div className="usage" title={`${label} requested: ${used}${unit} of ${total}${unit} allocatable`}>
      <span>{label}</span>
      <span
        className="bar"
        role="meter"
        aria-label={`${label} requested`}
        aria-valuenow={percent}
        aria-valuemin={0}
        aria-valuemax={100}
      >
        <span style={{ width: `${percent}%` }} />
      </span>
      <span className="percent">{percent}%</span>
    </div>
  );
}

export function MachineNode({ data }: NodeProps<Node<MachineNodeData, 'machine'>>) {
  const node = useCluster((s) => {
    const key = (s.keysByKind['Node'] ?? []).find((k) => s.objects[k]?.name === data.nodeName);
    return key ? s.objects[key]?.display : undefined;
  });
  const aggregated = useAggregated();
  const podKeys = useCluster((s) => (aggregated ? undefined : podKeysOn(s, data.nodeName)));
  const requested = useCluster(
    useShallow((s) => {
      const keys = podKeysOn(s, data.nodeName);
      let cpu = 0;
      let memory = 0;
      for (const k of keys) {
        const o = s.objects[k];
        if (!o || o.display.status === 'Completed' || o.display.status === 'Error') continue;
        cpu += o.display.resources?.cpuMillis ?? 0;
        memory += o.display.resources?.memoryBytes ?? 0;
      }
      return [cpu, memory];
    }),
  );
  const status = node?.status ?? '';
  const ready = status.split(',')[0] === 'Ready';
  const allocatable = node?.resources;
  const mi = 1024 * 1024;
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
      {node?.taints?.length ? <p className="taints">{node.taints.join(' ')}</p> : null}
      <div className="agents">
        <span className="kubelet">kubelet</span>
        <span className="agent">kube-proxy</span>
        <span className="agent">containerd</span>
      </div>
      {allocatable ? (
        <div className="usages">
          <Usage label="CPU" used={requested[0] ?? 0} total={allocatable.cpuMillis} unit="m" />
          <Usage
            label="Mem"
            used={Math.round((requested[1] ?? 0) / mi)}
            total={Math.round(allocatable.memoryBytes / mi)}
            unit="Mi"
          />
        </div>
      ) : null}
      {podKeys ? (
        <div className="pods">
          {podKeys.map((k) => (
            <PodChip key={k} podKey={k} />
          ))}
          {podKeys.length === 0 ? <p className="empty">no pods</p> : null}
        </div>
      ) : (
        <PodSummary nodeName={data.nodeName} />
      )}
    </div>
  );
}
