/** Invisible attachment points for the static edges; edges only show who talks to whom. */
import { Handle, Position } from '@xyflow/react';

export function Handles() {
  return (
    <>
      <Handle type="target" id="l" position={Position.Left} isConnectable={false} className="handle" />
      <Handle type="source" id="r" position={Position.Right} isConnectable={false} className="handle" />
      <Handle type="source" id="t" position={Position.Top} isConnectable={false} className="handle" />
      <Handle type="target" id="b" position={Position.Bottom} isConnectable={false} className="handle" />
    </>
  );
}
