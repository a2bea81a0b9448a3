/**
 * Where everything sits: a fixed arrangement for the control plane and one column per
 * machine, ordered by name, so that a pod changing never moves anything else.
 */
import { CONTROL_PLANE, machineNodeId, type ControlPlaneId } from './components.ts';

export const COMPONENT_SIZE = { width: 180, height: 52 } as const;
export const MACHINE_WIDTH = 250;
const MACHINE_GAP = 30;
const MACHINE_TOP = 250;
/** The kubelet's place inside a machine's box, where its messages start and end. */
const KUBELET_OFFSET = { x: MACHINE_WIDTH / 2, y: 52 };

const componentPositions: Record<ControlPlaneId, { x: number; y: number }> = {
  kubectl: { x: 0, y: 0 },
  'kube-apiserver': { x: 300, y: 0 },
  etcd: { x: 600, y: 0 },
  'kube-scheduler': { x: 150, y: 120 },
  'kube-controller-manager': { x: 450, y: 120 },
  'cloud-controller-manager': { x: 750, y: 120 },
};

export interface Placed {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

export interface GraphLayout {
  readonly components: readonly Placed[];
  readonly machines: readonly (Placed & { readonly nodeName: string })[];
  readonly unscheduled: Placed;
  /** Graph coordinates where messages to and from a graph node start and end. */
  readonly anchors: ReadonlyMap<string, { readonly x: number; readonly y: number }>;
}

export function layoutGraph(nodeNames: readonly string[]): GraphLayout {
  const anchors = new Map<string, { x: number; y: number }>();
  const components = CONTROL_PLANE.map((id) => {
    const p = componentPositions[id];
    anchors.set(id, { x: p.x + COMPONENT_SIZE.width / 2, y: p.y + COMPONENT_SIZE.height / 2 });
    return { id, ...p };
  });
  const machines = [...nodeNames].sort().map((nodeName, i) => {
    const id = machineNodeId(nodeName);
    const x = i * (MACHINE_WIDTH + MACHINE_GAP);
    anchors.set(id, { x: x + KUBELET_OFFSET.x, y: MACHINE_TOP + KUBELET_OFFSET.y });
    return { id, nodeName, x, y: MACHINE_TOP };
  });
  const unscheduled = {
    id: 'unscheduled',
    x: machines.length * (MACHINE_WIDTH + MACHINE_GAP),
    y: MACHINE_TOP,
  };
  return { components, machines, unscheduled, anchors };
}
