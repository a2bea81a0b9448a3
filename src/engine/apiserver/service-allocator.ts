/**
 * Service ClusterIP and NodePort allocation, done by the API server when a Service is
 * created (kube-apiserver's `--service-cluster-ip-range`, kubeadm default 10.96.0.0/12,
 * and `--service-node-port-range` 30000-32767). Addresses are picked at random from the
 * seeded stream, as the real allocator does, and released when the Service is deleted.
 */
import type { KubeObject } from '../api/types.ts';
import type { Rng } from '../time/rng.ts';
import { statusErrors, type Status } from './status.ts';

const SERVICE_CIDR = '10.96.0.0/12';
const CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const CIDR_SIZE = 1 << 20; // /12
const NODE_PORT_MIN = 30000;
const NODE_PORT_MAX = 32767;

export class ServiceAllocator {
  readonly #ips = new Set<number>();
  readonly #ports = new Set<number>();
  readonly #rng: Rng;

  constructor(rng: Rng) {
    this.#rng = rng;
  }

  /** Reserves an address the caller names (the `kubernetes` Service takes 10.96.0.1); why not, if it cannot. */
  reserveIp(ip: string): string | undefined {
    const n = ipToNumber(ip);
    if (n === undefined || n < CIDR_BASE || n >= CIDR_BASE + CIDR_SIZE)
      return `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${SERVICE_CIDR}`;
    if (this.#ips.has(n)) return 'provided IP is already allocated';
    this.#ips.add(n);
    return undefined;
  }

  allocateIp(): string {
    for (;;) {
      // Skip the network address and 10.96.0.1, which belongs to the `kubernetes` Service.
      const n = CIDR_BASE + 2 + this.#rng.int(CIDR_SIZE - 3);
      if (!this.#ips.has(n)) {
        this.#ips.add(n);
        return numberToIp(n);
      }
    }
  }

  /** Reserves a node port the Service names; why not, if it cannot. */
  reservePort(port: number): string | undefined {
    if (port < NODE_PORT_MIN || port > NODE_PORT_MAX)
      return `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}`;
    if (this.#ports.has(port)) return 'provided port is already allocated';
    this.#ports.add(port);
    return undefined;
  }

  allocatePort(): number {
    for (;;) {
      const port = NODE_PORT_MIN + this.#rng.int(NODE_PORT_MAX - NODE_PORT_MIN + 1);
      if (!this.#ports.has(port)) {
        this.#ports.add(port);
        return port;
      }
    }
  }

  release(service: KubeObject): void {
    const spec = (service.spec ?? {}) as ServiceSpec;
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) {
      const n = ipToNumber(ip);
      if (n !== undefined) this.#ips.delete(n);
    }
    for (const p of spec.ports ?? []) if (p.nodePort) this.#ports.delete(p.nodePort);
  }
}

interface ServicePort {
  port?: number;
  nodePort?: number;
  [k: string]: unknown;
}

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: ServicePort[];
  ipFamilies?: string[];
  [k: string]: unknown;
}

/** Fills spec.clusterIP(s) and node ports of a new Service, or fails as the allocator does. */
export function allocateServiceAddresses(
  allocator: ServiceAllocator,
  service: KubeObject,
): KubeObject | Status {
  const spec = { ...((service.spec ?? {}) as ServiceSpec) };
  const name = service.metadata.name ?? '';
  const type = spec.type ?? 'ClusterIP';
  if (type !== 'ExternalName') {
    if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
    } else if (spec.clusterIP) {
      const refused = allocator.reserveIp(spec.clusterIP);
      if (refused) {
        return statusErrors.invalid('', 'Service', name, [
          {
            type: 'FieldValueInvalid',
            field: 'spec.clusterIPs',
            badValue: [spec.clusterIP],
            badValueText: `[]string{${JSON.stringify(spec.clusterIP)}}`,
            detail: `failed to allocate IP ${spec.clusterIP}: ${refused}`,
          },
        ]);
      }
      spec.clusterIPs = [spec.clusterIP];
    } else {
      spec.clusterIP = allocator.allocateIp();
      spec.clusterIPs = [spec.clusterIP];
    }
    spec.ipFamilies ??= ['IPv4'];
    spec.ipFamilyPolicy ??= 'SingleStack';
  }
  if (type === 'NodePort' || type === 'LoadBalancer') {
    const ports: ServicePort[] = [];
    for (const [i, p] of (spec.ports ?? []).entries()) {
      if (p.nodePort) {
        const refused = allocator.reservePort(p.nodePort);
        if (refused) {
          return statusErrors.invalid('', 'Service', name, [
            {
              type: 'FieldValueInvalid',
              field: `spec.ports[${i}].nodePort`,
              badValue: p.nodePort,
              detail: refused,
            },
          ]);
        }
        ports.push(p);
      } else {
        ports.push({ ...p, nodePort: allocator.allocatePort() });
      }
    }
    spec.ports = ports;
  }
  return { ...service, spec };
}

function ipToNumber(ip: string): number | undefined {
  const parts = ip.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) return undefined;
  return ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
}

function numberToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}
