/** A machine's pods at a glance: how many are in each STATUS, and the troubled ones by name. */
import { useShallow } from 'zustand/react/shallow';
import { podKeysOn, useCluster } from '../state/cluster-store.ts';
import { countSignature, parseCounts, TROUBLED_SHOWN } from './level-of-detail.ts';
import { PodChip } from './PodChip.tsx';
import { POD_TONES, podTone } from './pod-tone.ts';

export function PodSummary({ nodeName }: { readonly nodeName: string | undefined }) {
  const signature = useCluster((s) => countSignature(podKeysOn(s, nodeName).map((k) => s.objects[k])));
  const troubled = useCluster(
    useShallow((s) =>
      podKeysOn(s, nodeName).filter((k) => {
        const status = s.objects[k]?.display.status;
        return status !== undefined && podTone(status) === 'bad';
      }),
    ),
  );
  const counts = parseCounts(signature);
  const words = counts.byStatus.map(([status, n]) => `${n} ${status}`).join(', ');
  return (
    <div className="pod-summary" role="group" aria-label={`${counts.total} pods: ${words || 'none'}`}>
      <p className="pod-summary-total">
        {counts.total} {counts.total === 1 ? 'pod' : 'pods'}
      </p>
      {counts.total > 0 ? (
        <div className="pod-summary-bar" aria-hidden="true">
          {POD_TONES.map((tone) =>
            counts.byTone[tone] ? (
              <span key={tone} className={`tone-${tone}`} style={{ flexGrow: counts.byTone[tone] }} />
            ) : null,
          )}
        </div>
      ) : null}
      <ul className="pod-summary-counts">
        {counts.byStatus.map(([status, n]) => (
          <li key={status} className={`tone-${podTone(status)}`}>
            {n} {status}
          </li>
        ))}
      </ul>
      {troubled.length ? (
        <div className="pods">
          {troubled.slice(0, TROUBLED_SHOWN).map((k) => (
            <PodChip key={k} podKey={k} />
          ))}
          {troubled.length > TROUBLED_SHOWN ? (
            <p className="empty">and {troubled.length - TROUBLED_SHOWN} more in trouble</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
