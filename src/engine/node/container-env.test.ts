import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { containerEnvironment, serviceVariables } from './container-env.ts';

const pod: KubeObject = {
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'app', namespace: 'shop', labels: { tier: 'web' } },
  spec: { nodeName: 'kubesim-worker' },
  status: { podIP: '10.244.1.7' },
};

const service = (name: string, clusterIP: string, ports: object[]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'shop' },
  spec: { clusterIP, ports },
});

describe('container environment', () => {
  it('gives Docker-link variables for each port of a Service with a cluster IP', () => {
    expect(
      serviceVariables(
        service('mongodb-service', '10.96.5.5', [{ name: 'db', port: 27017, protocol: 'TCP' }]),
      ),
    ).toEqual([
      'MONGODB_SERVICE_SERVICE_PORT=27017',
      'MONGODB_SERVICE_SERVICE_PORT_DB=27017',
      'MONGODB_SERVICE_PORT=tcp://10.96.5.5:27017',
      'MONGODB_SERVICE_PORT_27017_TCP=tcp://10.96.5.5:27017',
      'MONGODB_SERVICE_PORT_27017_TCP_PROTO=tcp',
      'MONGODB_SERVICE_PORT_27017_TCP_PORT=27017',
      'MONGODB_SERVICE_PORT_27017_TCP_ADDR=10.96.5.5',
      'MONGODB_SERVICE_SERVICE_HOST=10.96.5.5',
    ]);
    expect(serviceVariables(service('headless', 'None', [{ port: 80 }]))).toEqual([]);
  });

  it('resolves sources in order: envFrom, then env with references, the downward API and optional keys', () => {
    const env = containerEnvironment(
      pod,
      {
        envFrom: [{ configMapRef: { name: 'settings' } }, { prefix: 'DB_', secretRef: { name: 'creds' } }],
        env: [
          { name: 'URL', value: 'http://$(HOST):8080/$$(NOT)' },
          { name: 'HOST', value: 'later' },
          { name: 'POD_IP', valueFrom: { fieldRef: { fieldPath: 'status.podIP' } } },
          { name: 'TIER', valueFrom: { fieldRef: { fieldPath: "metadata.labels['tier']" } } },
          { name: 'GONE', valueFrom: { configMapKeyRef: { name: 'settings', key: 'nope', optional: true } } },
          { name: 'MODE', value: 'slow' },
        ],
      },
      {
        configMap: () => ({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {},
          data: { MODE: 'fast', HOST: 'db' },
        }),
        secret: () => ({ apiVersion: 'v1', kind: 'Secret', metadata: {}, data: { user: 'YWRtaW4=' } }),
        services: () => [],
      },
    );
    expect(env).toEqual([
      'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
      'HOSTNAME=app',
      'HOST=later',
      'MODE=slow',
      'DB_user=admin',
      'URL=http://db:8080/$(NOT)',
      'POD_IP=10.244.1.7',
      'TIER=web',
      'HOME=/root',
    ]);
  });
});
