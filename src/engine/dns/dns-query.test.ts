import { describe, expect, it } from 'vitest';
import { Session } from '../session.ts';
import { queryClusterDns } from './dns-query.ts';

function podsOf(session: Session, namespace: string): { name: string; node: string; ready: boolean }[] {
  const list = JSON.parse(session.exec(`kubectl get pods -n ${namespace} -o json`).text) as {
    items: {
      metadata: { name: string };
      spec: { nodeName: string };
      status: { conditions?: { type: string; status: string }[] };
    }[];
  };
  return list.items.map((p) => ({
    name: p.metadata.name,
    node: p.spec.nodeName,
    ready: (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True'),
  }));
}

describe('cluster DNS through CoreDNS', () => {
  it('starts with two ready CoreDNS pods on the control plane, before the workers join', () => {
    const session = new Session({ seed: 3, workers: 2 });
    const pods = podsOf(session, 'kube-system');
    expect(pods).toHaveLength(2);
    for (const pod of pods) {
      expect(pod.name).toMatch(/^coredns-[0-9a-f]+-[a-z0-9]{5}$/);
      expect(pod).toMatchObject({ node: 'kubesim-control-plane', ready: true });
    }
    expect(session.exec('kubectl get svc kube-dns -n kube-system').text).toContain('10.96.0.10');
  });

  it('answers through a CoreDNS pod, and times out when none is ready', () => {
    const session = new Session({ seed: 3, workers: 2 });
    const { cluster } = session;
    const rng = cluster.rng('test');
    const answered = queryClusterDns(cluster, 'kubesim-worker', 'default', 'kubernetes', rng);
    expect(answered.answered).toBe(true);
    if (answered.answered) {
      expect(answered.answer.addresses).toEqual(['10.96.0.1']);
      expect(podsOf(session, 'kube-system').map((p) => p.name)).toContain(answered.server);
    }
    session.exec('kubectl scale deployment coredns -n kube-system --replicas=0');
    cluster.advance(60_000);
    expect(queryClusterDns(cluster, 'kubesim-worker', 'default', 'kubernetes', rng)).toEqual({
      answered: false,
    });
    expect(session.exec('sim dns kubernetes --from kubesim-worker').text).toContain(
      ';; connection timed out; no servers could be reached',
    );
  });
});
