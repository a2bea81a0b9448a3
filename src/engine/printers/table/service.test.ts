import { describe, expect, it } from 'vitest';
import { NOW } from '../testdata/meta.ts';
import * as w from '../testdata/services.ts';
import { endpointSlicePrinter, endpointsPrinter, servicePrinter } from './service.ts';

const ctx = { now: NOW };

describe('service rows', () => {
  it.each([
    [w.kubernetesService, ['kubernetes', 'ClusterIP', '10.96.0.1', '<none>', '443/TCP', '40d', '<none>']],
    [
      w.nodePortService,
      ['web', 'NodePort', '10.96.120.7', '<none>', '80:30080/TCP,53:31053/UDP', '3h', 'app=web'],
    ],
    [
      w.pendingLoadBalancer,
      ['shop', 'LoadBalancer', '10.96.44.2', '<pending>', '443:31443/TCP', '61s', 'app=shop'],
    ],
    [w.headlessService, ['db', 'ClusterIP', 'None', '<none>', '5432/TCP', '8m20s', 'app=db']],
    [
      w.externalNameService,
      ['search', 'ExternalName', '<none>', 'search.example.com', '<none>', '100s', '<none>'],
    ],
  ])('%#', (svc, expected) => {
    expect(servicePrinter.row(svc, ctx)).toEqual(expected);
  });

  it('lists load balancer IPs and hostnames sorted and unclipped, then external IPs', () => {
    expect(servicePrinter.row(w.readyLoadBalancer, ctx)[3]).toBe(
      '203.0.113.10,a1b2c3d4e5f6-1234567890.eu-west-1.elb.amazonaws.com',
    );
    const withExternal = {
      ...w.pendingLoadBalancer,
      spec: { ...(w.pendingLoadBalancer['spec'] as object), externalIPs: ['198.51.100.1'] },
    };
    expect(servicePrinter.row(withExternal, ctx)[3]).toBe('198.51.100.1');
  });
});

describe('endpoints rows', () => {
  it('shows up to three ip:port pairs, then how many more', () => {
    expect(endpointsPrinter.row(w.endpoints, ctx)).toEqual([
      'web',
      '10.244.1.5:80,10.244.2.3:80,10.244.1.5:53 + 1 more...',
      '3h',
    ]);
    expect(endpointsPrinter.row(w.emptyEndpoints, ctx)).toEqual(['shop', '<none>', '61s']);
  });

  it('lists bare IPs for port-less subsets and brackets IPv6', () => {
    const ep = {
      ...w.emptyEndpoints,
      subsets: [
        { addresses: [{ ip: '10.0.0.1' }] },
        { addresses: [{ ip: 'fd00::1' }], ports: [{ port: 80 }] },
      ],
    };
    expect(endpointsPrinter.row(ep, ctx)[1]).toBe('10.0.0.1,[fd00::1]:80');
  });

  it('endpoint slices: <unset> for no ports or endpoints', () => {
    expect(endpointSlicePrinter.row(w.endpointSlice, ctx)).toEqual([
      'web-abc12',
      'IPv4',
      '80',
      '10.244.1.5,10.244.2.3',
      '3h',
    ]);
    expect(endpointSlicePrinter.row(w.emptyEndpointSlice, ctx)).toEqual([
      'shop-x9z8y',
      'IPv4',
      '<unset>',
      '<unset>',
      '61s',
    ]);
  });
});
