import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { ago, meta, NOW } from '../testdata/meta.ts';
import * as pods from '../testdata/pods.ts';
import { podPrinter } from './pod.ts';

function row(pod: KubeObject) {
  return podPrinter.row(pod, { now: NOW });
}

/** NAME, READY, STATUS, RESTARTS, AGE. */
function summary(pod: KubeObject) {
  return row(pod).slice(0, 5);
}

function pod(status: Record<string, unknown>, spec: Record<string, unknown> = {}, extra = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta('p', 'default', 60, extra),
    spec: { containers: [{ name: 'a', image: 'x' }], ...spec },
    status,
  };
}

const running = { running: { startedAt: ago(50) } };

describe('pod rows', () => {
  it('defines the v1.34 columns, IP and beyond wide-only', () => {
    expect(podPrinter.columns.map((c) => [c.name, c.priority])).toEqual([
      ['Name', 0],
      ['Ready', 0],
      ['Status', 0],
      ['Restarts', 0],
      ['Age', 0],
      ['IP', 1],
      ['Node', 1],
      ['Nominated Node', 1],
      ['Readiness Gates', 1],
    ]);
  });

  it.each([
    [pods.pendingPod, ['pending', '0/1', 'Pending', '0', '45s']],
    [pods.runningPod, ['web-7c5ddbdf54-x8k2p', '1/1', 'Running', '2 (10m ago)', '3h2m']],
    [pods.crashLoopPod, ['crasher', '0/1', 'CrashLoopBackOff', '5 (30s ago)', '10m']],
    [pods.initPod, ['with-init', '0/1', 'Init:0/2', '0', '20s']],
    [pods.initCrashPod, ['init-crash', '0/1', 'Init:CrashLoopBackOff', '4 (75s ago)', '15m']],
    [pods.terminatingPod, ['leaving', '1/1', 'Terminating', '0', '120m']],
    [pods.completedPod, ['job-done-xk2lp', '0/1', 'Completed', '0', '2d3h']],
    [pods.sidecarPod, ['with-sidecar', '2/2', 'Running', '1 (5m50s ago)', '6m40s']],
    [pods.creatingPod, ['starting', '0/1', 'ContainerCreating', '0', '3s']],
    [pods.imagePullPod, ['bad-image', '0/1', 'ImagePullBackOff', '0', '95s']],
    [pods.oomPod, ['hungry', '0/1', 'OOMKilled', '1 (65s ago)', '66m']],
    [pods.evictedPod, ['evicted', '0/1', 'Evicted', '0', '9d']],
    [pods.gatedPod, ['gated', '0/1', 'SchedulingGated', '0', '12s']],
  ])('%#: %j', (p, expected) => {
    expect(summary(p)).toEqual(expected);
  });

  it('fills the wide cells with <none> when unset and counts readiness gates', () => {
    expect(row(pods.runningPod).slice(5)).toEqual(['10.244.1.5', 'worker-1', '<none>', '<none>']);
    expect(row(pods.pendingPod).slice(5)).toEqual(['<none>', '<none>', '<none>', '<none>']);
    expect(row(pods.gatedPod)[8]).toBe('0/1');
  });

  it('reports a failed init container by exit code or signal when it has no reason', () => {
    const spec = { initContainers: [{ name: 'i', image: 'x' }] };
    const exited = { name: 'i', restartCount: 0, state: { terminated: { exitCode: 3 } } };
    const signalled = { name: 'i', restartCount: 0, state: { terminated: { exitCode: 137, signal: 9 } } };
    expect(summary(pod({ phase: 'Pending', initContainerStatuses: [exited] }, spec))[2]).toBe(
      'Init:ExitCode:3',
    );
    expect(summary(pod({ phase: 'Pending', initContainerStatuses: [signalled] }, spec))[2]).toBe(
      'Init:Signal:9',
    );
  });

  it('lets the first container win and maps reason-less terminations to ExitCode/Signal', () => {
    const spec = {
      containers: [
        { name: 'a', image: 'x' },
        { name: 'b', image: 'x' },
      ],
    };
    const status = {
      phase: 'Running',
      containerStatuses: [
        { name: 'a', restartCount: 0, state: { terminated: { exitCode: 2 } } },
        { name: 'b', restartCount: 0, state: { waiting: { reason: 'CrashLoopBackOff' } } },
      ],
    };
    expect(summary(pod(status, spec))[2]).toBe('ExitCode:2');
  });

  it('shows Running or NotReady when one container completed and another still runs', () => {
    const spec = {
      containers: [
        { name: 'a', image: 'x' },
        { name: 'b', image: 'x' },
      ],
    };
    const statuses = [
      {
        name: 'a',
        ready: false,
        restartCount: 0,
        state: { terminated: { exitCode: 0, reason: 'Completed' } },
      },
      { name: 'b', ready: true, restartCount: 0, state: running },
    ];
    const ready = pod(
      { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: statuses },
      spec,
    );
    const notReady = pod(
      { phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: statuses },
      spec,
    );
    expect(summary(ready).slice(1, 3)).toEqual(['1/2', 'Running']);
    expect(summary(notReady).slice(1, 3)).toEqual(['1/2', 'NotReady']);
  });

  it('keeps a terminal phase over Terminating, and shows Unknown for pods on a lost node', () => {
    const deleting = { deletionTimestamp: ago(1) };
    const done = { name: 'a', restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } };
    expect(summary(pod({ phase: 'Succeeded', containerStatuses: [done] }, {}, deleting))[2]).toBe(
      'Completed',
    );
    expect(summary(pod({ phase: 'Running', reason: 'NodeLost' }, {}, deleting))[2]).toBe('Unknown');
  });

  it('marks finished pods with a Completed row condition', () => {
    expect(podPrinter.conditions?.(pods.completedPod)).toEqual([
      {
        type: 'Completed',
        status: 'True',
        reason: 'Succeeded',
        message: 'The pod has completed successfully.',
      },
    ]);
    expect(podPrinter.conditions?.(pods.evictedPod)?.[0]?.reason).toBe('Failed');
    expect(podPrinter.conditions?.(pods.runningPod)).toBeUndefined();
  });
});
