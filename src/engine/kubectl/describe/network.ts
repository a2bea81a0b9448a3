/** Describers for networking: Service, Ingress and NetworkPolicy. */
import type { KubeObject } from '../../api/types.ts';
import { DescribeWriter } from './describe-writer.ts';
import { partsOf, writeIdentity } from './preamble.ts';
import { writeEvents } from './events.ts';
import { arr, formatLabels, obj, s, writeAnnotations, writeLabels, type Obj } from './format.ts';
import { formatSelector } from './workloads.ts';

const MAX_ENDPOINTS = 3;

/**
 * The ready endpoints of a service port across its EndpointSlices: `ip:port`, three at most.
 * No slices at all is `<none>`; slices without ready endpoints give nothing.
 */
export function formatEndpoints(slices: readonly Obj[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const addresses: string[] = [];
  const ready = (endpoint: Obj) => obj(endpoint.conditions).ready !== false;
  for (const slice of slices) {
    const ports = arr(slice.ports).map(obj);
    const endpoints = arr(slice.endpoints).map(obj).filter(ready);
    // A slice without ports lists bare addresses.
    if (ports.length === 0) {
      for (const endpoint of endpoints) addresses.push(...arr(endpoint.addresses).map(s));
      continue;
    }
    for (const port of ports.filter((p) => s(p.name) === portName)) {
      for (const endpoint of endpoints) {
        for (const address of arr(endpoint.addresses)) addresses.push(`${s(address)}:${s(port.port)}`);
      }
    }
  }
  const shown = addresses.slice(0, MAX_ENDPOINTS).join(',');
  return addresses.length > MAX_ENDPOINTS ? `${shown} + ${addresses.length - MAX_ENDPOINTS} more...` : shown;
}

export function describeService(
  object: KubeObject,
  related: { slices: readonly Obj[]; events: readonly Obj[] | undefined },
  now: number,
): string {
  const { o, meta, spec } = partsOf(object);
  const w = new DescribeWriter();
  writeIdentity(w, meta);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${s(spec.type)}\n`);
  if (spec.ipFamilyPolicy !== undefined) w.write(0, `IP Family Policy:\t${s(spec.ipFamilyPolicy)}\n`);
  const families = arr(spec.ipFamilies).map(s);
  w.write(0, `IP Families:\t${families.length ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${s(spec.clusterIP)}\n`);
  const ips = arr(spec.clusterIPs).map(s);
  w.write(0, `IPs:\t${ips.length ? ips.join(',') : '<none>'}\n`);
  const external = arr(spec.externalIPs).map(s);
  if (external.length) w.write(0, `External IPs:\t${external.join(',')}\n`);
  if (s(spec.type) === 'ExternalName') w.write(0, `External Name:\t${s(spec.externalName)}\n`);
  const ingress = arr(obj(obj(o.status).loadBalancer).ingress).map(obj);
  if (ingress.length)
    w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => s(i.ip) || s(i.hostname)).join(', ')}\n`);
  for (const port of arr(spec.ports).map(obj)) {
    const name = s(port.name) || '<unset>';
    const protocol = s(port.protocol);
    w.write(0, `Port:\t${name}\t${s(port.port)}/${protocol}\n`);
    w.write(0, `TargetPort:\t${s(port.targetPort)}/${protocol}\n`);
    if (port.nodePort) w.write(0, `NodePort:\t${name}\t${s(port.nodePort)}/${protocol}\n`);
    w.write(0, `Endpoints:\t${formatEndpoints(related.slices, s(port.name))}\n`);
  }
  w.write(0, `Session Affinity:\t${s(spec.sessionAffinity)}\n`);
  if (spec.externalTrafficPolicy !== undefined)
    w.write(0, `External Traffic Policy:\t${s(spec.externalTrafficPolicy)}\n`);
  if (spec.internalTrafficPolicy !== undefined)
    w.write(0, `Internal Traffic Policy:\t${s(spec.internalTrafficPolicy)}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${s(spec.healthCheckNodePort)}\n`);
  if (related.events) writeEvents(w, related.events, now);
  return w.text();
}

/** `web:80`, `web:http`, or a resource backend's `group/Kind:name`. */
function backendText(backend: Obj): string {
  const service = obj(backend.service);
  if (backend.service) {
    const port = obj(service.port);
    return `${s(service.name)}:${port.name ? s(port.name) : s(port.number)}`;
  }
  const resource = obj(backend.resource);
  return `${s(resource.apiGroup)}/${s(resource.kind)}:${s(resource.name)}`;
}

export interface IngressBackendLookup {
  /** The service's EndpointSlices and ports, or the error kubectl shows when it is missing. */
  service(name: string): { slices: readonly Obj[]; ports: readonly Obj[] } | { error: string };
}

function backendEndpoints(backend: Obj, lookup: IngressBackendLookup): string {
  if (!backend.service) return '<none>';
  const service = obj(backend.service);
  const found = lookup.service(s(service.name));
  if ('error' in found) return `<error: ${found.error}>`;
  const wanted = obj(service.port);
  const port = found.ports.find((p) =>
    wanted.number !== undefined ? p.port === wanted.number : s(p.name) === s(wanted.name),
  );
  return formatEndpoints(found.slices, s(port?.name));
}

export function describeIngress(
  object: KubeObject,
  related: { lookup: IngressBackendLookup; events: readonly Obj[] | undefined },
  now: number,
): string {
  const { o, meta, spec } = partsOf(object);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  const addresses = arr(obj(obj(o.status).loadBalancer).ingress)
    .map(obj)
    .map((i) => s(i.ip) || s(i.hostname));
  w.write(0, `Address:\t${addresses.join(',')}\n`);
  w.write(
    0,
    `Ingress Class:\t${spec.ingressClassName !== undefined ? s(spec.ingressClassName) : '<none>'}\n`,
  );
  const fallback = spec.defaultBackend ? obj(spec.defaultBackend) : undefined;
  if (!fallback) w.write(0, 'Default backend:\t<default>\n');
  else {
    w.write(
      0,
      `Default backend:\t${backendText(fallback)} (${backendEndpoints(fallback, related.lookup)})\n`,
    );
  }
  const tls = arr(spec.tls).map(obj);
  if (tls.length) {
    w.write(0, 'TLS:\n');
    for (const t of tls) {
      const hosts = arr(t.hosts).map(s).join(',');
      if (s(t.secretName) === '') w.write(1, `SNI routes ${hosts}\n`);
      else w.write(1, `${s(t.secretName)} terminates ${hosts}\n`);
    }
  }
  w.write(0, 'Rules:\n  Host\tPath\tBackends\n');
  w.write(1, '----\t----\t--------\n');
  let count = 0;
  for (const rule of arr(spec.rules).map(obj)) {
    if (!rule.http) continue;
    count++;
    w.write(1, `${s(rule.host) || '*'}\t\n`);
    for (const path of arr(obj(rule.http).paths).map(obj)) {
      const backend = obj(path.backend);
      w.write(
        2,
        `\t${s(path.path)} \t${backendText(backend)} (${backendEndpoints(backend, related.lookup)})\n`,
      );
    }
  }
  if (count === 0) {
    const text = fallback
      ? `${backendText(fallback)} (${backendEndpoints(fallback, related.lookup)})`
      : '<default>';
    w.write(1, `*\t*\t${text}\n`);
  }
  writeAnnotations(w, 0, meta.annotations);
  if (related.events) writeEvents(w, related.events, now);
  return w.text();
}

/** Go's time.Time String() in UTC: `2025-01-01 00:00:00 +0000 UTC`. */
function goTimeString(timestamp: string): string {
  const ms = Date.parse(timestamp);
  if (Number.isNaN(ms)) return '0001-01-01 00:00:00 +0000 UTC';
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} +0000 UTC`;
}

function writePeers(w: DescribeWriter, peers: readonly Obj[], indent: string): void {
  for (const peer of peers) {
    if (peer.podSelector && peer.namespaceSelector) {
      w.write(1, `${indent}NamespaceSelector: ${formatSelector(obj(peer.namespaceSelector))}\n`);
      w.write(1, `${indent}PodSelector: ${formatSelector(obj(peer.podSelector))}\n`);
    } else if (peer.podSelector) {
      w.write(1, `${indent}PodSelector: ${formatSelector(obj(peer.podSelector))}\n`);
    } else if (peer.namespaceSelector) {
      w.write(1, `${indent}NamespaceSelector: ${formatSelector(obj(peer.namespaceSelector))}\n`);
    } else if (peer.ipBlock) {
      const block = obj(peer.ipBlock);
      w.write(1, `${indent}IPBlock:\n`);
      w.write(2, `${indent}CIDR: ${s(block.cidr)}\n`);
      w.write(2, `${indent}Except: ${arr(block.except).map(s).join(', ')}\n`);
    }
  }
}

function writeRules(w: DescribeWriter, rules: readonly Obj[], direction: 'ingress' | 'egress'): void {
  const indent = '    ';
  if (rules.length === 0) {
    w.write(0, `${indent}<none> (Selected pods are isolated for ${direction} connectivity)\n`);
    return;
  }
  rules.forEach((rule, i) => {
    const ports = arr(rule.ports).map(obj);
    if (ports.length === 0) w.write(0, `${indent}To Port: <any> (traffic allowed to all ports)\n`);
    for (const port of ports) w.write(0, `${indent}To Port: ${s(port.port)}/${s(port.protocol) || 'TCP'}\n`);
    const peers = arr(direction === 'ingress' ? rule.from : rule.to).map(obj);
    const word = direction === 'ingress' ? 'From' : 'To';
    if (peers.length === 0) {
      const what = direction === 'ingress' ? 'source' : 'destination';
      w.write(0, `${indent}${word}: <any> (traffic not restricted by ${what})\n`);
    } else {
      w.write(0, `${indent}${word}:\n`);
      writePeers(w, peers, indent);
    }
    if (i !== rules.length - 1) w.write(0, `${indent}----------\n`);
  });
}

export function describeNetworkPolicy(object: KubeObject): string {
  const { meta, spec } = partsOf(object);
  const w = new DescribeWriter();
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  w.write(0, `Created on:\t${goTimeString(s(meta.creationTimestamp))}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  w.write(0, 'Spec:\n');
  w.write(1, 'PodSelector: ');
  const selector = obj(spec.podSelector);
  const empty =
    Object.keys(obj(selector.matchLabels)).length === 0 && arr(selector.matchExpressions).length === 0;
  w.write(
    2,
    empty
      ? '<none> (Allowing the specific traffic to all pods in this namespace)\n'
      : `${formatSelector(selector)}\n`,
  );
  const types = arr(spec.policyTypes).map(s);
  if (types.includes('Ingress')) {
    w.write(1, 'Allowing ingress traffic:\n');
    writeRules(w, arr(spec.ingress).map(obj), 'ingress');
  } else w.write(1, 'Not affecting ingress traffic\n');
  if (types.includes('Egress')) {
    w.write(1, 'Allowing egress traffic:\n');
    writeRules(w, arr(spec.egress).map(obj), 'egress');
  } else w.write(1, 'Not affecting egress traffic\n');
  w.write(1, `Policy Types: ${types.join(', ')}\n`);
  return w.text();
}

export function describeIngressClass(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const { meta, spec } = partsOf(object);
  const w = new DescribeWriter();
  writeIdentity(w, meta, false);
  w.write(0, `Controller:\t${s(spec.controller)}\n`);
  if (spec.parameters) {
    const parameters = obj(spec.parameters);
    w.write(0, 'Parameters:\n');
    if (parameters.apiGroup !== undefined) w.write(1, `APIGroup:\t${s(parameters.apiGroup)}\n`);
    w.write(1, `Kind:\t${s(parameters.kind)}\n`);
    w.write(1, `Name:\t${s(parameters.name)}\n`);
  }
  if (events) writeEvents(w, events, now);
  return w.text();
}
