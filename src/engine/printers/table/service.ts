/**
 * Services and their endpoints (printers.go printService, printEndpoints,
 * printEndpointSlice). EXTERNAL-IP depends on the type: `<none>` for ClusterIP/NodePort
 * without externalIPs, the load balancer's ingress or `<pending>` for LoadBalancer, the
 * external name for ExternalName.
 */
import type { KubeObject } from '../../api/types.ts';
import { int, list, obj, objList, optInt, optStr, path, str, strMap } from './access.ts';
import { formatLabels } from './cells.ts';
import { ageColumn, column, nameColumn, wide } from './columns.ts';
import { age, nameOf, type KindPrinter } from './printer.ts';

/** Load balancer ingress points: IPs or else hostnames, de-duplicated and sorted. */
export function loadBalancerAddresses(loadBalancer: unknown): string[] {
  const points = objList(obj(loadBalancer)['ingress'])
    .map((i) => str(i['ip']) || str(i['hostname']))
    .filter((a) => a !== '');
  return [...new Set(points)].sort();
}

function externalIP(svc: KubeObject): string {
  const spec = obj(svc['spec']);
  const externalIPs = list(spec['externalIPs']).map(String);
  switch (spec['type'] ?? 'ClusterIP') {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      // The server prints wide, so the 16-character clipping kubectl once did never applies.
      const lb = loadBalancerAddresses(path(svc, 'status', 'loadBalancer'));
      if (externalIPs.length > 0) return [...lb, ...externalIPs].join(',');
      return lb.length > 0 ? lb.join(',') : '<pending>';
    }
    case 'ExternalName':
      return str(spec['externalName']);
    default:
      return '<unknown>';
  }
}

/** `80/TCP`, or `80:30080/TCP` with a node port. */
function portsCell(ports: unknown): string {
  const text = objList(ports)
    .map((p) => {
      const protocol = optStr(p['protocol']) ?? 'TCP';
      const nodePort = int(p['nodePort']);
      return nodePort > 0 ? `${int(p['port'])}:${nodePort}/${protocol}` : `${int(p['port'])}/${protocol}`;
    })
    .join(',');
  return text === '' ? '<none>' : text;
}

function clusterIP(spec: Record<string, unknown>): string {
  // Defaulting keeps clusterIPs[0] equal to clusterIP; fall back for undefaulted objects.
  const first = list(spec['clusterIPs'])[0];
  const ip = typeof first === 'string' ? first : str(spec['clusterIP']);
  return ip === '' ? '<none>' : ip;
}

export const servicePrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Type', 'string', 'type determines how the Service is exposed.'),
    column(
      'Cluster-IP',
      'string',
      'clusterIP is the IP address of the service and is usually assigned randomly.',
    ),
    column(
      'External-IP',
      'string',
      'externalIPs is a list of IP addresses for which nodes in the cluster will also accept traffic for this service.',
    ),
    column('Port(s)', 'string', 'The list of ports that are exposed by this service.'),
    ageColumn,
    wide(
      'Selector',
      'string',
      'Route service traffic to pods with label keys and values matching this selector.',
    ),
  ],
  row(svc, ctx) {
    const spec = obj(svc['spec']);
    return [
      nameOf(svc),
      optStr(spec['type']) ?? 'ClusterIP',
      clusterIP(spec),
      externalIP(svc),
      portsCell(spec['ports']),
      age(svc, ctx),
      formatLabels(strMap(spec['selector'])),
    ];
  },
};

function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** Up to three entries, then ` + N more...`. */
function withMore(list: string[], total: number, max = 3): string {
  const shown = list.slice(0, max).join(',');
  return total > max ? `${shown} + ${total - max} more...` : shown;
}

/** printers.go formatEndpoints with all ports. */
export function formatEndpoints(endpoints: KubeObject): string {
  const subsets = objList(endpoints['subsets']);
  if (subsets.length === 0) return '<none>';
  const entries: string[] = [];
  let count = 0;
  for (const subset of subsets) {
    const addresses = objList(subset['addresses']).map((a) => str(a['ip']));
    const ports = objList(subset['ports']);
    if (ports.length === 0) {
      // Headless services may have no ports.
      count += addresses.length;
      entries.push(...addresses);
      continue;
    }
    for (const port of ports) {
      count += addresses.length;
      entries.push(...addresses.map((ip) => joinHostPort(ip, int(port['port']))));
    }
  }
  return withMore(entries, count);
}

export const endpointsPrinter: KindPrinter = {
  columns: [
    nameColumn,
    column('Endpoints', 'string', 'The set of all endpoints is the union of all subsets.'),
    ageColumn,
  ],
  row(ep, ctx) {
    return [nameOf(ep), formatEndpoints(ep), age(ep, ctx)];
  },
};

function orUnset(text: string): string {
  return text === '' ? '<unset>' : text;
}

export const endpointSlicePrinter: KindPrinter = {
  columns: [
    nameColumn,
    column(
      'AddressType',
      'string',
      'addressType specifies the type of address carried by this EndpointSlice.',
    ),
    column(
      'Ports',
      'string',
      'ports specifies the list of network ports exposed by each endpoint in this slice.',
    ),
    column('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'),
    ageColumn,
  ],
  row(slice, ctx) {
    const ports = objList(slice['ports']).map((p) => {
      const port = optInt(p['port']);
      return port !== undefined ? String(port) : (optStr(p['name']) ?? '*');
    });
    const addresses = objList(slice['endpoints']).flatMap((e) => list(e['addresses']).map(String));
    return [
      nameOf(slice),
      str(slice['addressType']),
      orUnset(withMore(ports, ports.length)),
      orUnset(withMore(addresses, addresses.length)),
      age(slice, ctx),
    ];
  },
};
