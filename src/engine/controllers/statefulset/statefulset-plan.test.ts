import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { hashRevisionData, revisionData } from './history.ts';
import { planStatefulSet, type StatefulSetAction, type StatefulSetState } from './statefulset-plan.ts';
import { newStatefulSetPod } from './statefulset-util.ts';

function set(overrides: Record<string, unknown> = {}): KubeObject {
  return Object.freeze({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'u1', generation: 1 },
    spec: {
      replicas: 2,
      serviceName: 'nginx',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      selector: { matchLabels: { app: 'nginx' } },
      template: {
        metadata: { labels: { app: 'nginx' } },
        spec: { containers: [{ name: 'nginx', image: 'a' }] },
      },
      volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }],
      ...overrides,
    },
  }) as KubeObject;
}

/** A pod as the API server and kubelet would have it: created, and Running+Ready when `ready`. */
function pod(s: KubeObject, ordinal: number, ready: boolean, revision = 'web-1', extra = {}): KubeObject {
  const p = newStatefulSetPod(s, (s.spec as { template: object }).template, ordinal, revision);
  return Object.freeze({
    ...p,
    metadata: { ...p.metadata, ...extra },
    status: ready
      ? { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }
      : { phase: 'Pending' },
  });
}

function state(s: KubeObject, pods: KubeObject[], claims: string[] = [], update = 'web-1'): StatefulSetState {
  return {
    set: s,
    currentSet: s,
    updateSet: s,
    currentRevision: 'web-1',
    updateRevision: update,
    collisionCount: 0,
    pods,
    claims: new Map(
      claims.map((n) => [n, { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: n } }]),
    ),
    nowMs: 0,
  };
}

const show = (a: StatefulSetAction) =>
  a.kind === 'createPod' || a.kind === 'createClaims'
    ? `${a.kind} ${a.pod.metadata.name ?? ''} [${a.claims.map((c) => c.metadata.name ?? '').join(',')}]`
    : `${a.kind} ${a.pod.metadata.name ?? ''}`;
const writes = (s: StatefulSetState) => planStatefulSet(s).actions.map(show);

describe('planStatefulSet', () => {
  it('creates ordinal 0 with its claim first, and nothing more until it is Running and Ready', () => {
    const s = set();
    expect(writes(state(s, []))).toEqual(['createPod web-0 [www-web-0]']);
    expect(writes(state(s, [pod(s, 0, false)], ['www-web-0']))).toEqual([]);
    expect(writes(state(s, [pod(s, 0, true)], ['www-web-0']))).toEqual(['createPod web-1 [www-web-1]']);
  });

  it('writes nothing once every pod exists, is ready and current', () => {
    const s = set();
    const plan = planStatefulSet(state(s, [pod(s, 0, true), pod(s, 1, true)], ['www-web-0', 'www-web-1']));
    expect(plan.actions).toEqual([]);
    expect(plan.status).toMatchObject({
      replicas: 2,
      readyReplicas: 2,
      currentReplicas: 2,
      updatedReplicas: 2,
    });
  });

  it('creates every pod at once under Parallel', () => {
    const s = set({ podManagementPolicy: 'Parallel', replicas: 3 });
    expect(writes(state(s, []))).toEqual([
      'createPod web-0 [www-web-0]',
      'createPod web-1 [www-web-1]',
      'createPod web-2 [www-web-2]',
    ]);
  });

  it('honours spec.ordinals.start', () => {
    const s = set({ ordinals: { start: 5 } });
    expect(writes(state(s, []))).toEqual(['createPod web-5 [www-web-5]']);
  });

  it('scales down from the highest ordinal, one at a time, waiting for termination', () => {
    const s = set({ replicas: 1 });
    const all = [pod(s, 0, true), pod(s, 1, true), pod(s, 2, true)];
    expect(writes(state(s, all))).toEqual(['deletePod web-2']);
    const terminating = pod(s, 2, true, 'web-1', { deletionTimestamp: '2025-01-01T00:00:00Z' });
    expect(writes(state(s, [all[0]!, all[1]!, terminating]))).toEqual([]);
  });

  it('rolls from the highest ordinal down, one pod at a time, honouring the partition', () => {
    const s = set({ replicas: 3 });
    const old = [pod(s, 0, true), pod(s, 1, true), pod(s, 2, true)];
    expect(writes(state(s, old, [], 'web-2'))).toEqual(['deletePod web-2']);
    const partitioned = set({
      replicas: 3,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } },
    });
    const rolled = [old[0]!, old[1]!, pod(partitioned, 2, true, 'web-2')];
    expect(writes(state(partitioned, rolled, [], 'web-2'))).toEqual([]);
  });

  it('leaves old pods alone under OnDelete', () => {
    const s = set({ updateStrategy: { type: 'OnDelete' } });
    expect(writes(state(s, [pod(s, 0, true), pod(s, 1, true)], [], 'web-2'))).toEqual([]);
  });

  it('replaces a failed pod by deleting it first', () => {
    const s = set();
    const failed = Object.freeze({ ...pod(s, 0, false), status: { phase: 'Failed' } }) as KubeObject;
    expect(writes(state(s, [failed]))).toEqual(['deletePod web-0']);
  });
});

describe('newStatefulSetPod', () => {
  it('carries the identity labels, hostname, subdomain, claim volume and controller reference', () => {
    const s = set();
    const p = newStatefulSetPod(s, (s.spec as { template: object }).template, 1, 'web-abc');
    expect(p.metadata).toMatchObject({
      name: 'web-1',
      labels: {
        app: 'nginx',
        'statefulset.kubernetes.io/pod-name': 'web-1',
        'apps.kubernetes.io/pod-index': '1',
        'controller-revision-hash': 'web-abc',
      },
      ownerReferences: [{ kind: 'StatefulSet', name: 'web', uid: 'u1', controller: true }],
    });
    expect(p.spec).toMatchObject({
      hostname: 'web-1',
      subdomain: 'nginx',
      volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }],
    });
  });
});

describe('hashRevisionData', () => {
  it('changes with the template and with the collision count', () => {
    const a = hashRevisionData(revisionData(set()), 0);
    expect(a).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(hashRevisionData(revisionData(set()), 1)).not.toBe(a);
    expect(hashRevisionData(revisionData(set({ template: { spec: { containers: [] } } })), 0)).not.toBe(a);
    expect(hashRevisionData(revisionData(set()), 0)).toBe(a);
  });
});
