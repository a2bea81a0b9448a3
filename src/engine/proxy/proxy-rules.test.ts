import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { endpointChain, serviceChain } from './chain-names.ts';
import { buildProxyRules, iptablesSave, ladderProbability } from './proxy-rules.ts';

describe('kube-proxy rules', () => {
  it('names chains as kube-proxy does', () => {
    // The kubernetes Service's chain has this name on every cluster.
    expect(serviceChain('default/kubernetes:https', 'TCP')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(endpointChain('default/web:http', 'TCP', '10.244.1.2:80')).toMatch(/^KUBE-SEP-[A-Z2-7]{16}$/);
  });

  it('spreads traffic with the 1/(n-i) probability ladder over ready endpoints only', () => {
    expect([0, 1, 2].map((i) => ladderProbability(i, 3))).toEqual([
      '0.3333333333',
      '0.5000000000',
      '1.0000000000',
    ]);
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: { clusterIP: '10.96.7.7', ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
    };
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
      endpoints: [
        { addresses: ['10.244.1.2'], conditions: { ready: true } },
        { addresses: ['10.244.2.2'], conditions: { ready: false } },
        { addresses: ['10.244.3.2'], conditions: { ready: true } },
      ],
    } as unknown as KubeObject;
    const [rules] = buildProxyRules([service], [slice]);
    expect(rules!.endpoints.map((e) => `${e.address}:${e.port}`).sort()).toEqual([
      '10.244.1.2:8080',
      '10.244.3.2:8080',
    ]);
    const table = iptablesSave([rules!]);
    expect(table).toContain(
      `-A KUBE-SERVICES -d 10.96.7.7/32 -p tcp -m comment --comment "default/web:http cluster IP" -m tcp --dport 80 -j ${rules!.chain}`,
    );
    expect(table.match(/--probability 0\.5000000000/g)).toHaveLength(1);
    expect(iptablesSave(buildProxyRules([service], []))).toContain(
      '--comment "default/web:http has no endpoints" -m tcp --dport 80 -j REJECT',
    );
  });

  it('programs only the endpoints hinted for the node zone, on each node', () => {
    const service: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        clusterIP: '10.96.7.7',
        ports: [{ port: 80, protocol: 'TCP' }],
        trafficDistribution: 'PreferClose',
      },
    };
    const endpoint = (ip: string, zone: string, ready = true) => ({
      addresses: [ip],
      conditions: { ready },
      zone,
      ...(ready ? { hints: { forZones: [{ name: zone }] } } : {}),
    });
    const slice = {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'web-abcde', namespace: 'default', labels: { 'kubernetes.io/service-name': 'web' } },
      ports: [{ name: '', port: 8080, protocol: 'TCP' }],
      endpoints: [
        endpoint('10.244.1.2', 'zone-a'),
        endpoint('10.244.2.2', 'zone-b'),
        endpoint('10.244.3.2', 'zone-b'),
        // Not ready: neither used nor needed to carry a hint.
        endpoint('10.244.1.9', 'zone-a', false),
      ],
    } as unknown as KubeObject;
    const on = (name: string, zone: string) =>
      buildProxyRules([service], [slice], { name, zone })[0]!
        .endpoints.map((e) => e.address)
        .sort();
    expect(on('kubesim-worker', 'zone-a')).toEqual(['10.244.1.2']);
    expect(on('kubesim-worker2', 'zone-b')).toEqual(['10.244.2.2', '10.244.3.2']);
    expect(on('kubesim-worker3', 'zone-c')).toEqual(['10.244.1.2', '10.244.2.2', '10.244.3.2']);
    expect(on('kubesim-control-plane', '')).toEqual(['10.244.1.2', '10.244.2.2', '10.244.3.2']);
    const table = iptablesSave(
      buildProxyRules([service], [slice], { name: 'kubesim-worker', zone: 'zone-a' }),
    );
    expect(table).toContain('-A KUBE-SVC-');
    expect(table).toContain('"default/web -> 10.244.1.2:8080" -j KUBE-SEP-');
    expect(table).not.toContain('10.244.2.2');
  });
});
