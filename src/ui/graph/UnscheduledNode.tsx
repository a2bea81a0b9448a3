/** Pods the scheduler has not bound to a node yet. */
import { podKeysOn, useCluster } from '../state/cluster-store.ts';
import { MACHINE_WIDTH } from './layout.ts';
import { useAggregated } from './level-of-detail.ts';
import { PodChip } from './PodChip.tsx';
import { PodSummary } from './PodSummary.tsx';

export function UnscheduledNode() {
  const aggregated = useAggregated();
  const podKeys = useCluster((s) => (aggregated ? undefined : podKeysOn(s, undefined)));
  return (
    <div role="group" aria-label="Unscheduled pods" className="unscheduled" style={{ width: MACHINE_WIDTH }}>
      <header>
        <strong>unscheduled</strong>
      </header>
      {podKeys ? (
        <div className="pods">
          {podKeys.map((k) => (
            <PodChip key={k} podKey={k} />
          ))}
          {podKeys.length === 0 ? <p className="empty">none waiting</p> : null}
        </div>
      ) : (
        <PodSummary nodeName={undefined} />
      )}
    </div>
  );
}
