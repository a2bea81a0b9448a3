import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { routeRequest } from './ingress-routes.ts';

const backend = (name: string) => ({ service: { name, port: { number: 80 } } });
const ingress = (name: string, spec: object): KubeObject => ({
  apiVersion: 'networking.k8s.io/v1',
  kind: 'Ingress',
  metadata: { name, namespace: 'default' },
  spec,
});

const ingresses = [
  ingress('fanout', {
    ingressClassName: 'nginx',
    rules: [
      {
        host: 'example.com',
        http: {
          paths: [
            { path: '/', pathType: 'Prefix', backend: backend('home') },
            { path: '/shop', pathType: 'Prefix', backend: backend('shop') },
            { path: '/shop/cart', pathType: 'Exact', backend: backend('cart') },
          ],
        },
      },
      {
        host: '*.example.org',
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: backend('wild') }] },
      },
    ],
  }),
  ingress('other-class', {
    ingressClassName: 'traefik',
    rules: [
      { host: 'example.com', http: { paths: [{ path: '/x', pathType: 'Prefix', backend: backend('x') }] } },
    ],
  }),
  ingress('fallback', { defaultBackend: backend('default-web') }),
];

describe('ingress-nginx routing', () => {
  it('takes the longest matching path, Exact before Prefix, by path elements', () => {
    expect(routeRequest(ingresses, 'example.com', '/shop/cart')?.service).toBe('cart');
    expect(routeRequest(ingresses, 'example.com', '/shop/cart/1')?.service).toBe('shop');
    expect(routeRequest(ingresses, 'example.com', '/shopping')?.service).toBe('home');
    expect(routeRequest(ingresses, 'example.com', '/x')?.service).toBe('home');
  });

  it('matches wildcard hosts one label deep, and falls back to a default backend', () => {
    expect(routeRequest(ingresses, 'a.example.org', '/')?.service).toBe('wild');
    expect(routeRequest(ingresses, 'a.b.example.org', '/')?.service).toBe('default-web');
    expect(routeRequest(ingresses, 'nowhere.test', '/')).toMatchObject({
      ingress: 'fallback',
      service: 'default-web',
    });
  });
});
