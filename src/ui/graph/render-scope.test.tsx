// @vitest-environment happy-dom
/**
 * The graph's promise at scale: one pod changing re-renders that pod's element only, and a
 * big cluster is drawn as counts with its troubled pods still named.
 */
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ObjectChange } from '../../engine/index.ts';
import { useCluster } from '../state/cluster-store.ts';
import { AGGREGATE_ABOVE_PODS } from './level-of-detail.ts';
import type * as PodChipModule from './PodChip.tsx';

const renders = vi.hoisted(() => ({ pods: new Map<string, number>() }));

// Handles need a React Flow node around them; they play no part in what re-renders.
vi.mock('./Handles.tsx', () => ({ Handles: () => null }));
vi.mock('./PodChip.tsx', async (importOriginal) => {
  const original = await importOriginal<typeof PodChipModule>();
  return {
    PodChip: (props: { podKey: string }) => {
      renders.pods.set(props.podKey, (renders.pods.get(props.podKey) ?? 0) + 1);
      return original.PodChip(props);
    },
  };
});

const { MachineNode } = await import('./MachineNode.tsx');

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const NODE = 'kubesim-worker';

function pod(name: string, status: string, nodeName = NODE): ObjectChange {
  return {
    kind: 'Pod',
    key: `/registry/pods/default/${name}`,
    object: { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' } },
    display: { status, ready: status === 'Running' ? '1/1' : '0/1', restarts: 0, nodeName },
    revision: 1,
  };
}

let machineRenders = 0;
function CountedMachine() {
  machineRenders++;
  // Called as a function so its hooks belong to this counting component.
  return MachineNode({ data: { nodeName: NODE } } as Parameters<typeof MachineNode>[0]);
}

let root: Root;
let host: HTMLElement;

beforeEach(() => {
  useCluster.getState().reset([]);
  renders.pods.clear();
  machineRenders = 0;
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('graph render scope', () => {
  it('re-renders only the pod that changed', () => {
    act(() => useCluster.getState().reset(['a', 'b', 'c'].map((n) => pod(n, 'ContainerCreating'))));
    act(() => root.render(<CountedMachine />));
    expect(host.querySelectorAll('[aria-label^="pod default/"]')).toHaveLength(3);
    const machineBefore = machineRenders;
    renders.pods.clear();

    act(() => useCluster.getState().apply([pod('b', 'Running')]));

    expect(Object.fromEntries(renders.pods)).toEqual({ '/registry/pods/default/b': 1 });
    expect(machineRenders).toBe(machineBefore);
    expect(host.querySelector('[aria-label="pod default/b Running"]')).not.toBeNull();
  });

  it('draws a big cluster as counts, naming only the troubled pods', () => {
    const many = Array.from({ length: AGGREGATE_ABOVE_PODS }, (_, i) =>
      pod(`web-${i}`, 'Running', i % 2 ? 'elsewhere' : NODE),
    );
    act(() => useCluster.getState().reset([...many, pod('broken', 'CrashLoopBackOff')]));
    act(() => root.render(<CountedMachine />));

    const summary = host.querySelector('.pod-summary');
    expect(summary?.getAttribute('aria-label')).toBe('151 pods: 150 Running, 1 CrashLoopBackOff');
    const named = [...host.querySelectorAll('[aria-label^="pod default/"]')].map((e) =>
      e.getAttribute('aria-label'),
    );
    expect(named).toEqual(['pod default/broken CrashLoopBackOff']);

    // A pod changing without changing the counts redraws nothing.
    const machineBefore = machineRenders;
    renders.pods.clear();
    act(() => useCluster.getState().apply([{ ...pod('web-0', 'Running'), revision: 2 }]));
    expect(machineRenders).toBe(machineBefore);
    expect(renders.pods.size).toBe(0);
  });
});
