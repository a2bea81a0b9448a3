/**
 * Break things on purpose: fail or recover a node, kill a pod's process, make its probe
 * fail, take an image out of the registry. Each button only issues the `sim` command the
 * terminal would run, so it shows up there and in the recorded session.
 */
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useCluster } from '../state/cluster-store.ts';
import './chaos.css';

export interface ChaosPanelProps {
  readonly ready: boolean;
  readonly run: (command: string) => Promise<unknown>;
}

/** `namespace/name` or `name` of every mirrored object of a kind, re-rendering only when the list changes. */
function useNames(kind: string): string[] {
  return useCluster(
    useShallow((s) =>
      (s.keysByKind[kind] ?? []).map((k) => {
        const o = s.objects[k];
        return o?.namespace ? `${o.namespace}/${o.name}` : (o?.name ?? '');
      }),
    ),
  );
}

export function ChaosPanel({ ready, run }: ChaosPanelProps) {
  const nodes = useNames('Node');
  const pods = useNames('Pod');
  const [node, setNode] = useState('');
  const [pod, setPod] = useState('');
  const [image, setImage] = useState('nginx:1.27');
  const chosenNode = nodes.includes(node) ? node : (nodes.find((n) => n !== 'kubesim-control-plane') ?? '');
  const chosenPod = pods.includes(pod) ? pod : (pods[0] ?? '');
  const [podNamespace, podName] = chosenPod.split('/');
  const podArgs = podName ? `${podName} -n ${podNamespace}` : '';
  const send = (command: string) => void run(command);

  return (
    <details className="chaos-panel" open role="group" aria-label="Chaos">
      <summary>Chaos</summary>
      <div className="chaos-row">
        <select aria-label="Node" value={chosenNode} onChange={(e) => setNode(e.target.value)}>
          {nodes.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!ready || !chosenNode}
          onClick={() => send(`sim node fail ${chosenNode}`)}
        >
          Fail node
        </button>
        <button
          type="button"
          disabled={!ready || !chosenNode}
          onClick={() => send(`sim node recover ${chosenNode}`)}
        >
          Recover node
        </button>
      </div>
      <div className="chaos-row">
        <select aria-label="Pod" value={chosenPod} onChange={(e) => setPod(e.target.value)}>
          {pods.length === 0 ? <option value="">no pods</option> : null}
          {pods.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <button type="button" disabled={!ready || !podArgs} onClick={() => send(`sim pod kill ${podArgs}`)}>
          Kill pod
        </button>
        <button
          type="button"
          disabled={!ready || !podArgs}
          onClick={() => send(`sim pod fail-probe ${podArgs} readiness`)}
        >
          Fail readiness
        </button>
        <button
          type="button"
          disabled={!ready || !podArgs}
          onClick={() => send(`sim pod fail-probe ${podArgs} liveness`)}
        >
          Fail liveness
        </button>
      </div>
      <div className="chaos-row">
        <input
          aria-label="Image"
          value={image}
          onChange={(e) => setImage(e.target.value)}
          spellCheck={false}
        />
        <button
          type="button"
          disabled={!ready || !image.trim()}
          onClick={() => send(`sim registry remove ${image.trim()}`)}
        >
          Remove image
        </button>
        <button
          type="button"
          disabled={!ready || !image.trim()}
          onClick={() => send(`sim registry add ${image.trim()}`)}
        >
          Add image
        </button>
      </div>
    </details>
  );
}
