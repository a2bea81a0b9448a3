/**
 * Send requests to a Service and watch each one travel: the panel only issues the
 * `sim request` command the terminal would run, so the hops appear in the terminal, on the
 * graph and in the recorded session.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCluster } from '../state/cluster-store.ts';
import '../chaos/chaos.css';
import { requestCommand, trafficTargets, type TrafficTarget } from './traffic-targets.ts';

export interface TrafficPanelProps {
  readonly ready: boolean;
  readonly run: (command: string) => Promise<unknown>;
}

function useNamespaced(kind: string): { namespace: string; name: string }[] {
  return useCluster(
    useShallow((s) => (s.keysByKind[kind] ?? []).map((k) => s.objects[k]).filter((o) => o !== undefined)),
  ).map((o) => ({ namespace: o.namespace ?? 'default', name: o.name }));
}

/** The targets, as JSON strings so the selector's result compares equal while nothing changed. */
function useTargets(): TrafficTarget[] {
  return useCluster(
    useShallow((s) =>
      trafficTargets(
        ['Service', 'Node', 'Ingress'].flatMap((kind) =>
          (s.keysByKind[kind] ?? []).map((k) => s.objects[k]).filter((o) => o !== undefined),
        ),
      ).map((t) => JSON.stringify(t)),
    ),
  ).map((text) => JSON.parse(text) as TrafficTarget);
}

export function TrafficPanel({ ready, run }: TrafficPanelProps) {
  const targets = useTargets();
  const pods = useNamespaced('Pod');
  const [targetLabel, setTargetLabel] = useState('');
  const [from, setFrom] = useState('');
  const [count, setCount] = useState(5);
  const [credentials, setCredentials] = useState('');
  const chosen = targets.find((t) => t.label === targetLabel) ?? targets[0];
  const sources = pods.map((p) => `${p.namespace}/${p.name}`);
  const chosenFrom = chosen?.outside
    ? 'outside'
    : sources.includes(from) || from === 'outside'
      ? from
      : (sources[0] ?? 'outside');
  return (
    <details className="chaos-panel" role="group" aria-label="Traffic">
      <summary>Traffic</summary>
      <div className="chaos-row">
        <select
          aria-label="Target"
          value={chosen?.label ?? ''}
          onChange={(e) => setTargetLabel(e.target.value)}
        >
          {targets.length === 0 ? <option value="">no Services yet</option> : null}
          {targets.map((t) => (
            <option key={t.label} value={t.label}>
              {t.label}
            </option>
          ))}
        </select>
        <select
          aria-label="From"
          value={chosenFrom}
          disabled={chosen?.outside}
          onChange={(e) => setFrom(e.target.value)}
        >
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
        <input
          aria-label="Basic auth (user:password)"
          placeholder="user:password"
          value={credentials}
          onChange={(e) => setCredentials(e.target.value)}
        />
        <button
          type="button"
          disabled={!ready || !chosen}
          onClick={() => chosen && void run(requestCommand(chosen, count, chosenFrom, credentials))}
        >
          Send requests
        </button>
      </div>
    </details>
  );
}
