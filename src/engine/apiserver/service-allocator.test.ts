import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { Rng } from '../time/rng.ts';
import { allocateServiceAddresses, ServiceAllocator } from './service-allocator.ts';

const service = (spec: Record<string, unknown>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web' }, spec }) as unknown as KubeObject;

function detailOf(result: unknown): string | undefined {
  return (result as { details?: { causes?: { message?: string }[] } }).details?.causes?.[0]?.message;
}

describe('allocateServiceAddresses', () => {
  it('gives a cluster IP from 10.96.0.0/12 and a node port from 30000-32767', () => {
    const allocated = allocateServiceAddresses(
      new ServiceAllocator(Rng.forComponent(1, 'test')),
      service({ type: 'NodePort', ports: [{ port: 80 }] }),
    ) as KubeObject;
    const spec = allocated.spec as { clusterIP: string; ports: { nodePort: number }[] };
    const [a, b] = spec.clusterIP.split('.').map(Number);
    expect(a).toBe(10);
    expect(b! >= 96 && b! <= 111).toBe(true);
    expect(spec.ports[0]!.nodePort).toBeGreaterThanOrEqual(30000);
    expect(spec.ports[0]!.nodePort).toBeLessThanOrEqual(32767);
  });

  it('refuses a taken or out-of-range address with the allocator’s words', () => {
    const allocator = new ServiceAllocator(Rng.forComponent(1, 'test'));
    allocateServiceAddresses(allocator, service({ clusterIP: '10.96.0.10', ports: [{ port: 53 }] }));
    expect(detailOf(allocateServiceAddresses(allocator, service({ clusterIP: '10.96.0.10' })))).toContain(
      'failed to allocate IP 10.96.0.10: provided IP is already allocated',
    );
    expect(detailOf(allocateServiceAddresses(allocator, service({ clusterIP: '10.200.0.1' })))).toContain(
      'failed to allocate IP 10.200.0.1: the provided IP (10.200.0.1) is not in the valid range. The range of valid IPs is 10.96.0.0/12',
    );
  });

  it('refuses a taken or out-of-range node port', () => {
    const allocator = new ServiceAllocator(Rng.forComponent(1, 'test'));
    const nodePort = (port: number) => service({ type: 'NodePort', ports: [{ port: 80, nodePort: port }] });
    allocateServiceAddresses(allocator, nodePort(30080));
    expect(detailOf(allocateServiceAddresses(allocator, nodePort(30080)))).toContain(
      'provided port is already allocated',
    );
    expect(detailOf(allocateServiceAddresses(allocator, nodePort(8080)))).toContain(
      'provided port is not in the valid range. The range of valid ports is 30000-32767',
    );
  });
});
