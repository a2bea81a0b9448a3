/** One pod: name and STATUS as `kubectl get pods` shows them, colour backed by text. */
import { useCluster } from '../state/cluster-store.ts';
import { useSelection } from '../state/selection-store.ts';
import { podTone } from './pod-tone.ts';
import { useServicesOverlay } from './services-overlay-store.ts';

export function PodChip({ podKey }: { readonly podKey: string }) {
  const pod = useCluster((s) => s.objects[podKey]);
  const selected = useSelection((s) => s.selected === podKey);
  const behindService = useServicesOverlay((s) => s.pods.has(`${pod?.namespace ?? ''}/${pod?.name ?? ''}`));
  if (!pod) return null;
  const { status, ready, restarts } = pod.display;
  return (
    <button
      type="button"
      className={`pod nodrag tone-${podTone(status)}${selected ? ' selected' : ''}${behindService ? ' behind-service' : ''}`}
      aria-label={`pod ${pod.namespace ?? ''}/${pod.name} ${status}`}
      aria-pressed={selected}
      onClick={() => useSelection.getState().select(podKey)}
    >
      <span className="pod-name">{pod.name}</span>
      <span className="pod-status">
        {status} · {ready}
        {restarts ? ` · ${restarts}↻` : ''}
      </span>
    </button>
  );
}
