import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { deepFreeze } from '../../store/freeze.ts';
import { applyDefaults } from './apply-defaults.ts';

type Spec = Record<string, unknown> & {
  containers: Record<string, unknown>[];
  volumes: Record<string, unknown>[];
};

function podSpec(spec: Record<string, unknown>): Spec {
  const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec };
  const out = applyDefaults(deepFreeze(pod));
  expect(applyDefaults(deepFreeze(out))).toEqual(out);
  return out.spec as Spec;
}

describe('Pod defaults', () => {
  it('adds the PodSpec and Pod-only defaults', () => {
    const spec = podSpec({
      containers: [{ name: 'nginx', image: 'nginx:1.25', ports: [{ containerPort: 80 }] }],
    });
    expect(spec).toEqual({
      containers: [
        {
          name: 'nginx',
          image: 'nginx:1.25',
          imagePullPolicy: 'IfNotPresent',
          ports: [{ containerPort: 80, protocol: 'TCP' }],
          resources: {},
          terminationMessagePath: '/dev/termination-log',
          terminationMessagePolicy: 'File',
        },
      ],
      dnsPolicy: 'ClusterFirst',
      enableServiceLinks: true,
      restartPolicy: 'Always',
      schedulerName: 'default-scheduler',
      securityContext: {},
      terminationGracePeriodSeconds: 30,
    });
  });

  it('copies limits into missing requests of regular and init containers', () => {
    const spec = podSpec({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } },
        },
      ],
      initContainers: [{ name: 'b', image: 'b:1', resources: { limits: { memory: '64Mi' } } }],
    });
    expect(spec.containers[0]!.resources).toEqual({
      limits: { cpu: '1', memory: '1Gi' },
      requests: { cpu: '500m', memory: '1Gi' },
    });
    expect((spec.initContainers as Record<string, unknown>[])[0]!.resources).toEqual({
      limits: { memory: '64Mi' },
      requests: { memory: '64Mi' },
    });
  });

  it('defaults host ports to container ports under hostNetwork', () => {
    const spec = podSpec({
      hostNetwork: true,
      containers: [{ name: 'a', image: 'a:1', ports: [{ containerPort: 53 }] }],
    });
    expect(spec.containers[0]!.ports).toEqual([{ containerPort: 53, hostPort: 53, protocol: 'TCP' }]);
  });

  it('fills probe thresholds, HTTP scheme and path, gRPC service and lifecycle handlers', () => {
    const spec = podSpec({
      containers: [
        {
          name: 'a',
          image: 'a:1',
          livenessProbe: { httpGet: { port: 8080 } },
          readinessProbe: { tcpSocket: { port: 80 }, periodSeconds: 5 },
          startupProbe: { grpc: { port: 9000 } },
          lifecycle: { preStop: { httpGet: { port: 80, path: '/quit' } } },
          env: [{ name: 'NODE', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
        },
      ],
    });
    const c = spec.containers[0]!;
    const thresholds = { timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3 };
    expect(c.livenessProbe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      periodSeconds: 10,
      ...thresholds,
    });
    expect(c.readinessProbe).toEqual({ tcpSocket: { port: 80 }, periodSeconds: 5, ...thresholds });
    expect(c.startupProbe).toEqual({ grpc: { port: 9000, service: '' }, periodSeconds: 10, ...thresholds });
    expect(c.lifecycle).toEqual({ preStop: { httpGet: { port: 80, path: '/quit', scheme: 'HTTP' } } });
    expect(c.env).toEqual([
      { name: 'NODE', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } },
    ]);
  });

  it('fills volume source defaults', () => {
    const spec = podSpec({
      containers: [],
      volumes: [
        { name: 'scratch' },
        { name: 'cfg', configMap: { name: 'c' } },
        { name: 'sec', secret: { secretName: 's' } },
        { name: 'host', hostPath: { path: '/var/log' } },
        {
          name: 'info',
          downwardAPI: { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] },
        },
        { name: 'proj', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } },
        {
          name: 'eph',
          ephemeral: { volumeClaimTemplate: { spec: { accessModes: ['ReadWriteOnce'] } } },
        },
      ],
    });
    expect(spec.volumes).toEqual([
      { name: 'scratch', emptyDir: {} },
      { name: 'cfg', configMap: { name: 'c', defaultMode: 420 } },
      { name: 'sec', secret: { secretName: 's', defaultMode: 420 } },
      { name: 'host', hostPath: { path: '/var/log', type: '' } },
      {
        name: 'info',
        downwardAPI: {
          defaultMode: 420,
          items: [{ path: 'labels', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.labels' } }],
        },
      },
      {
        name: 'proj',
        projected: {
          defaultMode: 420,
          sources: [{ serviceAccountToken: { path: 'token', expirationSeconds: 3600 } }],
        },
      },
      {
        name: 'eph',
        ephemeral: {
          volumeClaimTemplate: {
            spec: { accessModes: ['ReadWriteOnce'], resources: {}, volumeMode: 'Filesystem' },
          },
        },
      },
    ]);
  });

  it('mirrors the deprecated serviceAccount alias in both directions', () => {
    expect(podSpec({ containers: [], serviceAccount: 'old' }).serviceAccountName).toBe('old');
    const both = podSpec({ containers: [], serviceAccount: 'old', serviceAccountName: 'new' });
    expect([both.serviceAccountName, both.serviceAccount]).toEqual(['new', 'new']);
    expect('serviceAccount' in podSpec({ containers: [], serviceAccount: '' })).toBe(false);
  });

  it('keeps explicit values', () => {
    const spec = podSpec({
      containers: [
        {
          name: 'a',
          image: 'a',
          imagePullPolicy: 'Never',
          terminationMessagePolicy: 'FallbackToLogsOnError',
        },
      ],
      restartPolicy: 'Never',
      dnsPolicy: 'Default',
      terminationGracePeriodSeconds: 0,
      enableServiceLinks: false,
    });
    expect(spec.containers[0]!.imagePullPolicy).toBe('Never');
    expect(spec.containers[0]!.terminationMessagePolicy).toBe('FallbackToLogsOnError');
    expect([
      spec.restartPolicy,
      spec.dnsPolicy,
      spec.terminationGracePeriodSeconds,
      spec.enableServiceLinks,
    ]).toEqual(['Never', 'Default', 0, false]);
  });
});
