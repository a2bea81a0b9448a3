/**
 * Send requests to a Service and watch each one travel: the panel only issues the
 * `sim request` command the terminal would run, so the hops appear in the terminal, on the
 * graph and in the recorded session.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCluster } from '../state/cluster-store.ts';
import '../chaos/chaos.css';

export interface TrafficPanelProps {
  readonly ready: boolean;
  readonly run: (command: string) => Promise<unknown>;
}

function useNamespaced(kind: string): { namespace: string; name: string }[] {
  return useCluster(
    useShallow((s) => (s.keysByKind[kind] ?? []).map((k) => s.objects[k]).filter((o) => o !== undefined)),
  ).map((o) => ({ namespace: o.namespace ?? 'default', name: o.name }));
}

/** The `sim request` line the panel runs for its choices. */
export function requestCommand(target: string, count: number, from: string): string {
  const [name = '', namespace = 'default'] = target.split('/').reverse();
  const source = from === 'outside' || from === '' ? '' : (from.split('/')[1] ?? '');
  const fromFlag = source ? ` --from ${source}` : ' --from outside';
  return `sim request ${name} --count ${count}${fromFlag} -n ${namespace}`;
}

export function TrafficPanel({ ready, run }: TrafficPanelProps) {
  const services = useNamespaced('Service').filter((s) => s.name !== 'kubernetes');
  const pods = useNamespaced('Pod');
  const [service, setService] = useState('');
  const [from, setFrom] = useState('');
  const [count, setCount] = useState(5);
  const keys = services.map((s) => `${s.namespace}/${s.name}`);
  const chosen = keys.includes(service) ? service : (keys[0] ?? '');
  const sources = pods.map((p) => `${p.namespace}/${p.name}`);
  const chosenFrom = sources.includes(from) || from === 'outside' ? from : (sources[0] ?? 'outside');
  return (
    <details className="chaos-panel" role="group" aria-label="Traffic">
      <summary>Traffic</summary>
      <div className="chaos-row">
        <select aria-label="Service" value={chosen} onChange={(e) => setService(e.target.value)}>
          {keys.length === 0 ? <option value="">no Services yet</option> : null}
          {keys.map((k) => (
            <option key={k} value={k}>
              {k}
            </option>
          ))}
        </select>
        <select aria-label="From" value={chosenFrom} onChange={(e) => setFrom(e.target.value)}>
          {sources.map((p) => (
            <option key={p} value={p}>
              from {p}
            </option>
          ))}
          <option value="outside">from outside</option>
        </select>
        <input
          aria-label="Requests"
          type="number"
          min={1}
          max={100}
          value={count}
          onChange={(e) => setCount(Math.min(100, Math.max(1, Number(e.target.value) || 1)))}
        />
        <button
          type="button"
          disabled={!ready || !chosen}
          onClick={() => void run(requestCommand(chosen, count, chosenFrom))}
        >
          Send requests
        </button>
      </div>
    </details>
  );
}
