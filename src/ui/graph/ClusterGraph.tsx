/**
 * The live cluster graph: the control plane on top, one box per machine below with its
 * kubelet and pods, and a canvas overlay where trace records travel as tokens.
 */
import { Background, Controls, ReactFlow, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { Inspector } from '../inspector/Inspector.tsx';
import { useTheme } from '../theme/theme-store.ts';
import { useCluster } from '../state/cluster-store.ts';
import type { RevealGate } from '../state/reveal-gate.ts';
import { ComponentNode, type ComponentNodeData } from './ComponentNode.tsx';
import { FitOnLayout } from './FitOnLayout.tsx';
import { layoutGraph } from './layout.ts';
import { useAggregated } from './level-of-detail.ts';
import { MachineNode, type MachineNodeData } from './MachineNode.tsx';
import { ServicesOverlay } from './ServicesOverlay.tsx';
import { TokenCanvas } from './TokenCanvas.tsx';
import type { TokenPlayer } from './token-player.ts';
import { UnscheduledNode } from './UnscheduledNode.tsx';

const nodeTypes = { component: ComponentNode, machine: MachineNode, unscheduled: UnscheduledNode };

type GraphNode =
  | Node<ComponentNodeData, 'component'>
  | Node<MachineNodeData, 'machine'>
  | Node<Record<string, never>, 'unscheduled'>;

function edge(source: string, target: string, sourceHandle: string, targetHandle: string): Edge {
  return { id: `${source}->${target}`, source, target, sourceHandle, targetHandle, focusable: false };
}

export function ClusterGraph({ player, gate }: { readonly player: TokenPlayer; readonly gate: RevealGate }) {
  const nodeNames = useCluster(
    useShallow((s) => (s.keysByKind['Node'] ?? []).map((k) => s.objects[k]?.name ?? '')),
  );
  // The most pods drawn on one machine: the graph's height, which decides whether it still fits.
  const aggregated = useAggregated();
  const tallest = useCluster((s) =>
    aggregated ? 0 : Math.max(0, ...Object.values(s.podKeysByNode).map((keys) => keys.length)),
  );
  const layout = useMemo(() => layoutGraph(nodeNames), [nodeNames]);
  const nodes = useMemo((): GraphNode[] => {
    // Fixed, unselectable nodes would get `pointer-events: none`; pods and components are clickable.
    const common = {
      draggable: false,
      selectable: false,
      connectable: false,
      style: { pointerEvents: 'all' },
    } as const;
    return [
      ...layout.components.map((c) => ({
        ...common,
        id: c.id,
        type: 'component' as const,
        position: { x: c.x, y: c.y },
        data: { name: c.id },
      })),
      ...layout.machines.map((m) => ({
        ...common,
        id: m.id,
        type: 'machine' as const,
        position: { x: m.x, y: m.y },
        data: { nodeName: m.nodeName },
      })),
      {
        ...common,
        id: layout.unscheduled.id,
        type: 'unscheduled' as const,
        position: { x: layout.unscheduled.x, y: layout.unscheduled.y },
        data: {},
      },
    ];
  }, [layout]);
  const edges = useMemo(
    () => [
      edge('kubectl', 'kube-apiserver', 'r', 'l'),
      edge('kube-apiserver', 'etcd', 'r', 'l'),
      edge('kube-scheduler', 'kube-apiserver', 't', 'b'),
      edge('kube-controller-manager', 'kube-apiserver', 't', 'b'),
      edge('cloud-controller-manager', 'kube-apiserver', 't', 'b'),
      ...layout.machines.map((m) => edge(m.id, 'kube-apiserver', 't', 'b')),
    ],
    [layout],
  );
  const theme = useTheme((t) => t.theme);
  return (
    <section className="graph" aria-label="Cluster graph">
      <ReactFlow
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        fitView
        colorMode={theme}
        minZoom={0.2}
        nodesDraggable={false}
        nodesConnectable={false}
        proOptions={{ hideAttribution: true }}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <FitOnLayout contentKey={`${layout.machines.length}:${tallest}`} />
        <TokenCanvas player={player} gate={gate} anchors={layout.anchors} />
      </ReactFlow>
      <ServicesOverlay />
      <Inspector />
    </section>
  );
}
