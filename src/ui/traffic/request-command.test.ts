import { describe, expect, it } from 'vitest';
import type { MirroredObject } from '../state/cluster-store.ts';
import { requestCommand, trafficTargets } from './traffic-targets.ts';

const object = (
  kind: string,
  name: string,
  display: MirroredObject['display'],
  namespace?: string,
): MirroredObject => ({
  kind,
  key: `${kind}/${name}`,
  namespace,
  name,
  display,
});

describe('traffic panel targets', () => {
  const objects = [
    object('Node', 'kubesim-control-plane', { status: 'Ready', address: '172.18.0.2' }),
    object('Node', 'kubesim-worker', { status: 'Ready', address: '172.18.0.3' }),
    object(
      'Service',
      'web',
      {
        status: '',
        service: { type: 'NodePort', clusterIP: '10.96.1.1', externalIP: '<none>', ports: '80:32288/TCP' },
      },
      'shop',
    ),
    object(
      'Service',
      'db',
      {
        status: '',
        service: { type: 'ClusterIP', clusterIP: '10.96.1.2', externalIP: '<none>', ports: '5432/TCP' },
      },
      'shop',
    ),
    object(
      'Service',
      'kube-dns',
      {
        status: '',
        service: {
          type: 'ClusterIP',
          clusterIP: '10.96.0.10',
          externalIP: '<none>',
          ports: '53/UDP,53/TCP,9153/TCP',
        },
      },
      'kube-system',
    ),
    object('Ingress', 'fanout', { status: '', hosts: ['example.com'], address: '172.18.0.3' }, 'shop'),
  ];

  it('offers Services by name, node ports through a worker, and published Ingress hosts', () => {
    expect(trafficTargets(objects).map((t) => t.label)).toEqual([
      'shop/web',
      'shop/web via 172.18.0.3:32288',
      'shop/db',
      'example.com (Ingress)',
    ]);
  });

  it("names a Service's port unless it is 80, and leaves out the cluster's own Services", () => {
    expect(trafficTargets(objects).map((t) => t.target)).toEqual([
      'web',
      '172.18.0.3:32288',
      'db:5432',
      'example.com',
    ]);
  });

  it('sends basic-auth credentials when given, quoted for the shell when needed', () => {
    const [web] = trafficTargets(objects);
    expect(requestCommand(web!, 1, 'shop/client', 'admin:pass')).toBe(
      'sim request web --count 1 --from client -u admin:pass -n shop',
    );
    expect(requestCommand(web!, 1, 'shop/client', "me:it's me")).toBe(
      `sim request web --count 1 --from client -u 'me:it'\\''s me' -n shop`,
    );
  });

  it('runs sim request from a pod, or from outside for node ports and Ingress hosts', () => {
    const [web, nodePort, , host] = trafficTargets(objects);
    expect(requestCommand(web!, 5, 'shop/client')).toBe('sim request web --count 5 --from client -n shop');
    expect(requestCommand(nodePort!, 2, 'shop/client')).toBe(
      'sim request 172.18.0.3:32288 --count 2 --from outside -n shop',
    );
    expect(requestCommand(host!, 1, 'outside')).toBe(
      'sim request example.com --count 1 --from outside -n shop',
    );
  });
});
