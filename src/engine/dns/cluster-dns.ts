/**
 * Cluster DNS as CoreDNS answers it (kubernetes plugin): `<svc>.<ns>.svc.cluster.local` is
 * the Service's cluster IP (a headless Service's ready endpoints; an ExternalName's CNAME),
 * `<hostname>.<svc>.<ns>.svc.cluster.local` a named endpoint, and short names go through
 * the pod's search path (`ndots:5`).
 */
import type { KubeObject } from '../api/types.ts';

export const CLUSTER_DOMAIN = 'cluster.local';
export const CLUSTER_DNS_IP = '10.96.0.10';

export interface DnsAnswer {
  /** The names asked, in the order the resolver tried them. */
  readonly tried: readonly string[];
  /** The name that answered. */
  readonly name?: string;
  readonly addresses: readonly string[];
  readonly cname?: string;
}

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  externalName?: string;
}

interface SliceShape {
  metadata: KubeObject['metadata'];
  endpoints?: { addresses: string[]; conditions?: { ready?: boolean }; hostname?: string }[];
}

/** The resolv.conf search path of a pod in `namespace`. */
export function searchPath(namespace: string): string[] {
  return [`${namespace}.svc.${CLUSTER_DOMAIN}`, `svc.${CLUSTER_DOMAIN}`, CLUSTER_DOMAIN];
}

export function candidates(name: string, namespace: string): string[] {
  if (name.endsWith('.')) return [name.slice(0, -1)];
  const dots = name.split('.').length - 1;
  const searched = searchPath(namespace).map((domain) => `${name}.${domain}`);
  // With fewer than ndots (5) dots, the search domains are tried first.
  return dots >= 5 ? [name, ...searched] : [...searched, name];
}

function lookup(
  fqdn: string,
  services: readonly KubeObject[],
  slices: readonly KubeObject[],
): DnsAnswer | undefined {
  const suffix = `.svc.${CLUSTER_DOMAIN}`;
  if (!fqdn.endsWith(suffix)) return undefined;
  const labels = fqdn.slice(0, -suffix.length).split('.');
  if (labels.length < 2 || labels.length > 3) return undefined;
  const [host, serviceName, namespace] = labels.length === 3 ? labels : [undefined, ...labels];
  const service = services.find((s) => s.metadata.name === serviceName && s.metadata.namespace === namespace);
  if (!service) return undefined;
  const spec = (service.spec ?? {}) as ServiceSpec;
  const ready = (slices as unknown as SliceShape[])
    .filter(
      (s) =>
        s.metadata.namespace === namespace &&
        s.metadata.labels?.['kubernetes.io/service-name'] === serviceName,
    )
    .flatMap((s) => s.endpoints ?? [])
    .filter((e) => e.conditions?.ready !== false);
  if (host !== undefined) {
    const named = ready.filter((e) => e.hostname === host).flatMap((e) => e.addresses);
    return named.length ? { tried: [], name: fqdn, addresses: named } : undefined;
  }
  if (spec.type === 'ExternalName')
    return { tried: [], name: fqdn, addresses: [], cname: spec.externalName ?? '' };
  if (spec.clusterIP === 'None') {
    const addresses = ready.flatMap((e) => e.addresses);
    return addresses.length ? { tried: [], name: fqdn, addresses } : undefined;
  }
  return { tried: [], name: fqdn, addresses: [spec.clusterIP ?? ''] };
}

/** Resolves `name` as a pod in `namespace` would; no `name` in the answer means NXDOMAIN. */
export function resolveName(
  name: string,
  namespace: string,
  services: readonly KubeObject[],
  slices: readonly KubeObject[],
): DnsAnswer {
  const tried: string[] = [];
  for (const fqdn of candidates(name.toLowerCase(), namespace)) {
    tried.push(fqdn);
    const answer = lookup(fqdn, services, slices);
    if (answer) return { ...answer, tried };
  }
  return { tried, addresses: [] };
}
