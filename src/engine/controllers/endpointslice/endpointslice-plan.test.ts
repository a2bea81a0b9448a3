import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { planEndpointSlices } from './endpointslice-plan.ts';

const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'web', namespace: 'default', uid: 'svc-uid', labels: { app: 'web' } },
  spec: {
    selector: { app: 'web' },
    clusterIP: '10.96.10.10',
    ports: [{ name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' }],
  },
};

function pod(
  name: string,
  ip: string,
  options: { ready?: boolean; deleting?: boolean; phase?: string; port?: number } = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'default',
      uid: `${name}-uid`,
      labels: { app: 'web' },
      ...(options.deleting ? { deletionTimestamp: '2025-01-01T00:01:00Z' } : {}),
    },
    spec: {
      nodeName: 'kubesim-worker',
      containers: [{ name: 'web', ports: [{ name: 'http', containerPort: options.port ?? 8080 }] }],
    },
    status: {
      phase: options.phase ?? 'Running',
      ...(ip ? { podIP: ip, podIPs: [{ ip }] } : {}),
      conditions: [{ type: 'Ready', status: options.ready === false ? 'False' : 'True' }],
    },
  };
}

const plan = (pods: KubeObject[], existing: KubeObject[] = []) =>
  planEndpointSlices({ service, pods, existing, zoneOf: () => undefined });

function written(slice: KubeObject, name: string): KubeObject {
  return { ...slice, metadata: { ...slice.metadata, name, uid: `${name}-uid`, resourceVersion: '1' } };
}

describe('EndpointSlice planning', () => {
  it('lists serving pods with their conditions and resolved named port, and leaves out pods with nothing to serve', () => {
    const result = plan([
      pod('b', '10.244.1.3', { ready: false }),
      pod('a', '10.244.1.2'),
      pod('c', '10.244.1.4', { deleting: true }),
      pod('d', ''),
      pod('e', '10.244.1.6', { phase: 'Succeeded' }),
    ]);
    expect(result.update).toEqual([]);
    expect(result.delete).toEqual([]);
    expect(result.create).toHaveLength(1);
    const [slice] = result.create as [
      KubeObject & { endpoints: { addresses: string[]; conditions: object }[] },
    ];
    expect(slice.metadata).toEqual({
      generateName: 'web-',
      namespace: 'default',
      labels: {
        app: 'web',
        'kubernetes.io/service-name': 'web',
        'endpointslice.kubernetes.io/managed-by': 'endpointslice-controller.k8s.io',
      },
      ownerReferences: [
        {
          apiVersion: 'v1',
          kind: 'Service',
          name: 'web',
          uid: 'svc-uid',
          controller: true,
          blockOwnerDeletion: true,
        },
      ],
    });
    expect((slice as unknown as { ports: unknown }).ports).toEqual([
      { name: 'http', port: 8080, protocol: 'TCP' },
    ]);
    expect(slice.endpoints.map((e) => [e.addresses, e.conditions])).toEqual([
      [['10.244.1.2'], { ready: true, serving: true, terminating: false }],
      [['10.244.1.3'], { ready: false, serving: false, terminating: false }],
      [['10.244.1.4'], { ready: false, serving: true, terminating: true }],
    ]);
  });

  it('writes nothing the second time, keeps endpoints in place and appends new ones', () => {
    const first = written(plan([pod('b', '10.244.1.3'), pod('c', '10.244.1.4')]).create[0]!, 'web-abcde');
    expect(plan([pod('b', '10.244.1.3'), pod('c', '10.244.1.4')], [first])).toEqual({
      create: [],
      update: [],
      delete: [],
    });
    const next = plan([pod('a', '10.244.1.2'), pod('c', '10.244.1.4')], [first]);
    expect(next.create).toEqual([]);
    expect(next.update).toHaveLength(1);
    const addresses = (next.update[0] as unknown as { endpoints: { addresses: string[] }[] }).endpoints.map(
      (e) => e.addresses[0],
    );
    expect(addresses).toEqual(['10.244.1.4', '10.244.1.2']);
    expect(next.update[0]!.metadata.name).toBe('web-abcde');
  });

  it('keeps an empty placeholder slice when no pod serves, and groups pods by the ports they serve', () => {
    const placeholder = plan([]).create;
    expect(placeholder).toHaveLength(1);
    expect(placeholder[0]).toMatchObject({ endpoints: [], ports: [] });
    const mixed = plan(
      [pod('a', '10.244.1.2'), pod('b', '10.244.1.3', { port: 9090 })],
      [written(placeholder[0]!, 'web-zzzzz')],
    );
    // The placeholder is reused for the last slice to create rather than deleted.
    const portOf = (s: KubeObject) => (s as unknown as { ports: { port: number }[] }).ports[0]!.port;
    expect(mixed.create.map(portOf)).toEqual([8080]);
    expect(mixed.update.map((s) => [s.metadata.name, portOf(s)])).toEqual([['web-zzzzz', 9090]]);
    expect(mixed.delete).toEqual([]);
  });

  it('writes nothing for a placeholder that is already right, whatever its other metadata', () => {
    const stored = written(plan([]).create[0]!, 'web-zzzzz');
    expect(plan([], [stored])).toEqual({ create: [], update: [], delete: [] });
    const annotated = {
      ...stored,
      metadata: {
        ...stored.metadata,
        annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': 'x' },
      },
    };
    expect(plan([], [annotated])).toEqual({ create: [], update: [], delete: [] });
  });

  it('turns the placeholder into the first slice in place, and the last slice back into a placeholder', () => {
    const placeholder = written(plan([]).create[0]!, 'web-zzzzz');
    const filled = plan([pod('a', '10.244.1.2')], [placeholder]);
    expect(filled.create).toEqual([]);
    expect(filled.delete).toEqual([]);
    expect(filled.update).toHaveLength(1);
    const [slice] = filled.update as [KubeObject & { endpoints: { addresses: string[] }[]; ports: unknown }];
    expect(slice.metadata).toEqual({
      ...plan([pod('a', '10.244.1.2')]).create[0]!.metadata,
      name: 'web-zzzzz',
    });
    expect(slice.endpoints.map((e) => e.addresses[0])).toEqual(['10.244.1.2']);
    expect(slice.ports).toEqual([{ name: 'http', port: 8080, protocol: 'TCP' }]);
    // Stored, it is a real slice: the next reconcile writes nothing.
    const stored = written(slice, 'web-zzzzz');
    expect(plan([pod('a', '10.244.1.2')], [stored])).toEqual({ create: [], update: [], delete: [] });

    // Every endpoint gone: the same slice becomes the placeholder again.
    const emptied = plan([], [stored]);
    expect(emptied.create).toEqual([]);
    expect(emptied.delete).toEqual([]);
    expect(emptied.update).toHaveLength(1);
    expect(emptied.update[0]).toMatchObject({ metadata: { name: 'web-zzzzz' }, endpoints: [], ports: [] });
    expect(plan([], [written(emptied.update[0]!, 'web-zzzzz')])).toEqual({
      create: [],
      update: [],
      delete: [],
    });
  });

  it('rewrites a placeholder whose labels are stale, and reuses a slice whose ports changed', () => {
    const placeholder = written(plan([]).create[0]!, 'web-zzzzz');
    const relabelled = {
      ...service,
      metadata: { ...service.metadata, labels: { app: 'web', tier: 'front' } },
    };
    const stale = planEndpointSlices({
      service: relabelled,
      pods: [],
      existing: [placeholder],
      zoneOf: () => undefined,
    });
    expect(stale.create).toEqual([]);
    expect(stale.delete).toEqual([]);
    expect(stale.update.map((s) => [s.metadata.name, s.metadata.labels?.tier])).toEqual([
      ['web-zzzzz', 'front'],
    ]);

    const on8080 = written(plan([pod('a', '10.244.1.2')]).create[0]!, 'web-abcde');
    const moved = plan([pod('a', '10.244.1.2', { port: 9090 })], [on8080]);
    expect(moved.create).toEqual([]);
    expect(moved.delete).toEqual([]);
    expect(moved.update.map((s) => s.metadata.name)).toEqual(['web-abcde']);
    expect((moved.update[0] as unknown as { ports: unknown }).ports).toEqual([
      { name: 'http', port: 9090, protocol: 'TCP' },
    ]);
  });

  it('deletes every slice left over once each create has taken one', () => {
    const many = Array.from({ length: 150 }, (_, i) =>
      pod(`p${String(i).padStart(3, '0')}`, `10.244.0.${i + 2}`),
    );
    const [first, second] = plan(many).create as [KubeObject, KubeObject];
    const stored = [written(first, 'web-aaaaa'), written(second, 'web-bbbbb')];
    const none = plan([], stored);
    expect(none.create).toEqual([]);
    expect(none.update.map((s) => s.metadata.name)).toEqual(['web-aaaaa']);
    expect(none.delete.map((s) => s.metadata.name)).toEqual(['web-bbbbb']);
  });

  it('puts at most 100 endpoints in a slice', () => {
    const many = Array.from({ length: 150 }, (_, i) =>
      pod(`p${String(i).padStart(3, '0')}`, `10.244.${Math.floor(i / 200)}.${i + 2}`),
    );
    const sizes = plan(many).create.map((s) => (s as unknown as { endpoints: unknown[] }).endpoints.length);
    expect(sizes).toEqual([100, 50]);
  });
});

describe('EndpointSlice hints and trigger time', () => {
  const zones: Record<string, string> = { 'node-a': 'zone-a', 'node-b': 'zone-b' };
  const onNode = (p: KubeObject, node: string): KubeObject => ({
    ...p,
    spec: { ...(p.spec as object), nodeName: node },
  });
  const hinted = (trafficDistribution?: string, annotations?: Record<string, string>): KubeObject => ({
    ...service,
    metadata: { ...service.metadata, ...(annotations ? { annotations } : {}) },
    spec: { ...(service.spec as object), ...(trafficDistribution ? { trafficDistribution } : {}) },
  });
  const planFor = (svc: KubeObject, pods: KubeObject[], existing: KubeObject[] = [], triggerTime?: string) =>
    planEndpointSlices({ service: svc, pods, existing, zoneOf: (n) => zones[n], triggerTime });
  type Endpoint = { addresses: string[]; hints?: unknown };
  const endpointsOf = (slice: KubeObject | undefined) =>
    (slice as unknown as { endpoints: Endpoint[] }).endpoints;
  const pods = [
    onNode(pod('a', '10.244.1.2'), 'node-a'),
    onNode(pod('b', '10.244.2.2'), 'node-b'),
    onNode(pod('c', '10.244.2.3', { ready: false }), 'node-b'),
    onNode(pod('d', '10.244.3.2'), 'node-c'),
  ];

  it('hints every ready endpoint for its own zone with PreferClose, and stamps the trigger time', () => {
    const { create } = planFor(hinted('PreferClose'), pods, [], '2025-01-01T00:00:05Z');
    expect(create).toHaveLength(1);
    expect(create[0]!.metadata.annotations).toEqual({
      'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:05Z',
    });
    expect(endpointsOf(create[0]).map((e) => [e.addresses[0], e.hints])).toEqual([
      ['10.244.1.2', { forZones: [{ name: 'zone-a' }] }],
      ['10.244.2.2', { forZones: [{ name: 'zone-b' }] }],
      // Not ready: no hint. On a node without a zone label: nothing to hint.
      ['10.244.2.3', undefined],
      ['10.244.3.2', undefined],
    ]);
  });

  it('adds node hints with PreferSameNode and none without a trafficDistribution', () => {
    const sameNode = planFor(hinted('PreferSameNode'), pods).create[0];
    expect(endpointsOf(sameNode).map((e) => e.hints)).toEqual([
      { forZones: [{ name: 'zone-a' }], forNodes: [{ name: 'node-a' }] },
      { forZones: [{ name: 'zone-b' }], forNodes: [{ name: 'node-b' }] },
      undefined,
      { forNodes: [{ name: 'node-c' }] },
    ]);
    expect(endpointsOf(planFor(hinted(), pods).create[0]).every((e) => e.hints === undefined)).toBe(true);
    expect(endpointsOf(planFor(hinted('PreferSameZone'), pods).create[0])[0]!.hints).toEqual({
      forZones: [{ name: 'zone-a' }],
    });
  });

  it('gives no hints while the topology-mode annotation asks for the Auto heuristic', () => {
    const auto = planFor(hinted('PreferClose', { 'service.kubernetes.io/topology-mode': 'Auto' }), pods);
    expect(endpointsOf(auto.create[0]).every((e) => e.hints === undefined)).toBe(true);
  });

  it('rewrites a slice whose hints alone are stale, then writes nothing', () => {
    const plain = written(planFor(hinted(), pods, [], '2025-01-01T00:00:05Z').create[0]!, 'web-abcde');
    expect(planFor(hinted(), pods, [plain], undefined)).toEqual({ create: [], update: [], delete: [] });
    // The Service gains trafficDistribution: only the hints change, and the sync has no new trigger time.
    const next = planFor(hinted('PreferClose'), pods, [plain], undefined);
    expect(next.create).toEqual([]);
    expect(next.delete).toEqual([]);
    expect(next.update).toHaveLength(1);
    expect(next.update[0]!.metadata.name).toBe('web-abcde');
    expect(next.update[0]!.metadata.annotations).toBeUndefined();
    expect(endpointsOf(next.update[0]).map((e) => e.hints)).toEqual([
      { forZones: [{ name: 'zone-a' }] },
      { forZones: [{ name: 'zone-b' }] },
      undefined,
      undefined,
    ]);
    const stored = written(next.update[0]!, 'web-abcde');
    expect(planFor(hinted('PreferClose'), pods, [stored], '2025-01-01T00:00:09Z')).toEqual({
      create: [],
      update: [],
      delete: [],
    });
    // Dropping the field takes the hints away again.
    const dropped = planFor(hinted(), pods, [stored]);
    expect(dropped.update).toHaveLength(1);
    expect(endpointsOf(dropped.update[0]).every((e) => e.hints === undefined)).toBe(true);
  });

  it('sets the trigger time on an endpoint change and clears it when the sync has none', () => {
    const first = written(planFor(hinted(), pods, [], '2025-01-01T00:00:05Z').create[0]!, 'web-abcde');
    const fewer = pods.slice(0, 2);
    const changed = planFor(hinted(), fewer, [first], '2025-01-01T00:00:30Z');
    expect(changed.update.map((s) => s.metadata.annotations)).toEqual([
      { 'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:30Z' },
    ]);
    const cleared = planFor(hinted(), fewer, [first], undefined);
    expect(cleared.update).toHaveLength(1);
    expect(cleared.update[0]!.metadata).not.toHaveProperty('annotations');
  });

  it('stamps the placeholder slice too', () => {
    const { create } = planFor(hinted(), [], [], '2025-01-01T00:00:00Z');
    expect(create[0]!.metadata.annotations).toEqual({
      'endpoints.kubernetes.io/last-change-trigger-time': '2025-01-01T00:00:00Z',
    });
  });
});
