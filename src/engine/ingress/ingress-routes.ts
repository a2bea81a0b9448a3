/**
 * How ingress-nginx picks a backend for a request (pure): the Ingresses of its class whose
 * rule host matches (a rule without host matches any), then the longest matching path —
 * `Exact` equal, `Prefix` (and `ImplementationSpecific`) by path elements — falling back
 * to a default backend.
 */
import type { KubeObject } from '../api/types.ts';

export const INGRESS_CLASS = 'nginx';

export interface Backend {
  readonly namespace: string;
  readonly ingress: string;
  readonly service: string;
  /** The Service port: a number or a port name. */
  readonly port: number | string;
}

interface IngressSpec {
  ingressClassName?: string;
  defaultBackend?: { service?: { name: string; port: { number?: number; name?: string } } };
  rules?: {
    host?: string;
    http?: {
      paths: {
        path?: string;
        pathType?: string;
        backend: { service?: { name: string; port: { number?: number; name?: string } } };
      }[];
    };
  }[];
}

function prefixMatches(prefix: string, path: string): boolean {
  if (prefix === '/' || prefix === '') return true;
  const trimmed = prefix.replace(/\/+$/, '');
  return path === trimmed || path.startsWith(`${trimmed}/`);
}

function hostMatches(ruleHost: string | undefined, host: string): boolean {
  if (!ruleHost) return true;
  if (ruleHost.startsWith('*.'))
    return host.endsWith(ruleHost.slice(1)) && host.split('.').length === ruleHost.split('.').length;
  return ruleHost === host;
}

export function routeRequest(
  ingresses: readonly KubeObject[],
  host: string,
  path: string,
): Backend | undefined {
  let best: { backend: Backend; length: number; exact: boolean } | undefined;
  let fallback: Backend | undefined;
  for (const ingress of ingresses) {
    const spec = (ingress.spec ?? {}) as IngressSpec;
    if (spec.ingressClassName !== undefined && spec.ingressClassName !== INGRESS_CLASS) continue;
    const namespace = ingress.metadata.namespace ?? 'default';
    const backendOf = (svc: { name: string; port: { number?: number; name?: string } }): Backend => ({
      namespace,
      ingress: ingress.metadata.name ?? '',
      service: svc.name,
      port: svc.port.number ?? svc.port.name ?? 80,
    });
    if (spec.defaultBackend?.service && !fallback) fallback = backendOf(spec.defaultBackend.service);
    for (const rule of spec.rules ?? []) {
      if (!hostMatches(rule.host, host)) continue;
      for (const p of rule.http?.paths ?? []) {
        if (!p.backend.service) continue;
        const rulePath = p.path ?? '/';
        const exact = p.pathType === 'Exact';
        const matches = exact ? rulePath === path : prefixMatches(rulePath, path);
        if (!matches) continue;
        const better =
          !best || rulePath.length > best.length || (rulePath.length === best.length && exact && !best.exact);
        if (better) best = { backend: backendOf(p.backend.service), length: rulePath.length, exact };
      }
    }
  }
  return best?.backend ?? fallback;
}
