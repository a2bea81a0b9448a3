import { describe, expect, it } from 'vitest';
import { NOW } from '../testdata/meta.ts';
import * as w from '../testdata/services.ts';
import { ingressClassPrinter, ingressPrinter, networkPolicyPrinter } from './networking.ts';

const ctx = { now: NOW };

describe('networking rows', () => {
  it('ingress: class, first three hosts, address, TLS ports', () => {
    expect(ingressPrinter.row(w.ingress, ctx)).toEqual([
      'web', 'nginx', 'shop.example.com,api.example.com,a.example.com + 2 more...', '192.168.49.2', '80, 443', '11m',
    ]); // prettier-ignore
    expect(ingressPrinter.row(w.classlessIngress, ctx)).toEqual(['plain', '<none>', '*', '', '80', '70s']);
  });

  it('ingress class: parameters as Kind.group/name', () => {
    const ic = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: 'nginx' },
      spec: {
        controller: 'k8s.io/ingress-nginx',
        parameters: { apiGroup: 'k8s.example.com', kind: 'IngressParameters', name: 'p' },
      },
    };
    expect(ingressClassPrinter.row(ic, ctx)).toEqual([
      'nginx',
      'k8s.io/ingress-nginx',
      'IngressParameters.k8s.example.com/p',
      '<unknown>',
    ]);
  });

  it('network policy: <none> for the empty pod selector', () => {
    const np = {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'deny' },
      spec: { podSelector: {} },
    };
    expect(networkPolicyPrinter.row(np, ctx)).toEqual(['deny', '<none>', '<unknown>']);
    const sel = {
      ...np,
      spec: {
        podSelector: {
          matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }],
          matchLabels: { app: 'db' },
        },
      },
    };
    expect(networkPolicyPrinter.row(sel, ctx)[1]).toBe('app=db,!tier');
  });
});
