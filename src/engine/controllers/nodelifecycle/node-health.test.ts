import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { formatMicroTimestamp, formatTimestamp, parseTimestamp } from '../../time/clock.ts';
import { planNodeHealth, type NodeHealth } from './node-health.ts';

const T0 = parseTimestamp('2025-01-01T00:00:00Z');
const at = (s: number) => T0 + s * 1000;

function node(ready: { status: string; heartbeatS: number; transitionS: number } | undefined): KubeObject {
  const cond = (type: string, status: string, hb: number, tr: number, reason: string) => ({
    type,
    status,
    lastHeartbeatTime: formatTimestamp(at(hb)),
    lastTransitionTime: formatTimestamp(at(tr)),
    reason,
    message: 'from kubelet',
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'n1', creationTimestamp: formatTimestamp(T0) },
    status: {
      conditions: ready
        ? [
            cond('MemoryPressure', 'False', ready.heartbeatS, 0, 'KubeletHasSufficientMemory'),
            cond('Ready', ready.status, ready.heartbeatS, ready.transitionS, 'KubeletReady'),
          ]
        : [],
    },
  };
}

function lease(renewS: number): KubeObject {
  return {
    apiVersion: 'coordination.k8s.io/v1',
    kind: 'Lease',
    metadata: { name: 'n1', namespace: 'kube-node-lease' },
    spec: { holderIdentity: 'n1', renewTime: formatMicroTimestamp(at(renewS)) },
  };
}

const conditionsOf = (o: KubeObject | undefined) =>
  (
    (o?.status as { conditions: { type: string; status: string; reason?: string; message?: string }[] })
      ?.conditions ?? []
  ).map((c) => `${c.type}=${c.status}/${c.reason}: ${c.message}`);

describe('planNodeHealth', () => {
  const healthy = node({ status: 'True', heartbeatS: 0, transitionS: 0 });

  it('starts the clock at the first look and leaves a fresh node alone', () => {
    const plan = planNodeHealth(healthy, lease(0), undefined, at(0));
    expect(plan.statusUpdate).toBeUndefined();
    expect(plan.health).toMatchObject({ probeMs: at(0), leaseRenewTime: formatMicroTimestamp(at(0)) });
    expect(plan.observedReady.status).toBe('True');
  });

  const cases: {
    name: string;
    renewS: number | undefined;
    nowS: number;
    expectUnknown: boolean;
  }[] = [
    { name: 'lease renewed recently', renewS: 40, nowS: 85, expectUnknown: false },
    { name: 'lease not renewed, still within the 50 s grace', renewS: 0, nowS: 50, expectUnknown: false },
    { name: 'lease not renewed beyond the grace period', renewS: 0, nowS: 51, expectUnknown: true },
    { name: 'no lease at all, beyond the grace period', renewS: undefined, nowS: 55, expectUnknown: true },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const first = planNodeHealth(healthy, lease(0), undefined, at(0));
      const plan = planNodeHealth(
        healthy,
        c.renewS === undefined ? undefined : lease(c.renewS),
        first.health,
        at(c.nowS),
      );
      expect(plan.statusUpdate !== undefined).toBe(c.expectUnknown);
      if (c.expectUnknown) {
        expect(conditionsOf(plan.statusUpdate)).toEqual([
          'MemoryPressure=Unknown/NodeStatusUnknown: Kubelet stopped posting node status.',
          'Ready=Unknown/NodeStatusUnknown: Kubelet stopped posting node status.',
          'DiskPressure=Unknown/NodeStatusNeverUpdated: Kubelet never posted node status.',
          'PIDPressure=Unknown/NodeStatusNeverUpdated: Kubelet never posted node status.',
        ]);
        expect(plan.currentReady?.status).toBe('Unknown');
        expect(plan.observedReady.status).toBe('True');
        const ready = (plan.statusUpdate?.status as { conditions: Record<string, string>[] }).conditions[1]!;
        // The heartbeat stays the kubelet's last one; the transition is now.
        expect(ready.lastHeartbeatTime).toBe(formatTimestamp(at(0)));
        expect(ready.lastTransitionTime).toBe(formatTimestamp(at(c.nowS)));
      }
    });
  }

  it('counts a changed Ready heartbeat as a sign of life', () => {
    const first = planNodeHealth(healthy, undefined, undefined, at(0));
    const posted = node({ status: 'True', heartbeatS: 40, transitionS: 0 });
    const second = planNodeHealth(posted, undefined, first.health, at(45));
    expect(second.health.probeMs).toBe(at(45));
    expect(planNodeHealth(posted, undefined, second.health, at(95)).statusUpdate).toBeUndefined();
    expect(planNodeHealth(posted, undefined, second.health, at(96)).statusUpdate).toBeDefined();
  });

  it('writes nothing for a node that is already Unknown', () => {
    const first = planNodeHealth(healthy, lease(0), undefined, at(0));
    const plan = planNodeHealth(healthy, lease(0), first.health, at(60));
    const unknown = plan.statusUpdate!;
    const again = planNodeHealth(unknown, lease(0), plan.healthAfterUpdate, at(65));
    expect(again.statusUpdate).toBeUndefined();
    expect(again.observedReady.status).toBe('Unknown');
  });

  it('gives a node that never posted status the 60 s startup grace', () => {
    const fresh = node(undefined);
    const saved: NodeHealth | undefined = planNodeHealth(fresh, undefined, undefined, at(0)).health;
    expect(planNodeHealth(fresh, undefined, saved, at(60)).statusUpdate).toBeUndefined();
    const plan = planNodeHealth(fresh, undefined, saved, at(61));
    expect(conditionsOf(plan.statusUpdate)).toEqual([
      'Ready=Unknown/NodeStatusNeverUpdated: Kubelet never posted node status.',
      'MemoryPressure=Unknown/NodeStatusNeverUpdated: Kubelet never posted node status.',
      'DiskPressure=Unknown/NodeStatusNeverUpdated: Kubelet never posted node status.',
      'PIDPressure=Unknown/NodeStatusNeverUpdated: Kubelet never posted node status.',
    ]);
  });
});
