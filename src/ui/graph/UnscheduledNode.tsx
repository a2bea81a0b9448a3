/** Pods the scheduler has not bound to a node yet. */
import { useShallow } from 'zustand/react/shallow';
import { podKeysOn, useCluster } from '../state/cluster-store.ts';
import { MACHINE_WIDTH } from './layout.ts';
import { PodChip } from './PodChip.tsx';

export function UnscheduledNode() {
  const podKeys = useCluster(useShallow((s) => podKeysOn(s, undefined)));
  return (
    <div role="group" aria-label="Unscheduled pods" className="unscheduled" style={{ width: MACHINE_WIDTH }}>
      <header>
        <strong>unscheduled</strong>
      </header>
      <div className="pods">
        {podKeys.map((k) => (
          <PodChip key={k} podKey={k} />
        ))}
        {podKeys.length === 0 ? <p className="empty">none waiting</p> : null}
      </div>
    </div>
  );
}
