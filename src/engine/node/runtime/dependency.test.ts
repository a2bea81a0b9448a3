import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { containerEnvironment } from '../container-env.ts';
import { BUILTIN_CATALOG } from '../registry/catalog.ts';
import {
  connected,
  failedToConnect,
  hostAndPort,
  maskedUrl,
  neededServer,
  unreachable,
  type NeededServer,
} from './dependency.ts';

const mongoExpress = BUILTIN_CATALOG['docker.io/library/mongo-express']!;

const service: KubeObject = {
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name: 'mongodb-service', namespace: 'default' },
  spec: { clusterIP: '10.102.156.8', ports: [{ port: 27017 }] },
};

const slice = (ready: boolean): KubeObject =>
  ({
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: {
      name: 'mongodb-service-abcde',
      namespace: 'default',
      labels: { 'kubernetes.io/service-name': 'mongodb-service' },
    },
    ports: [{ port: 27017 }],
    endpoints: [{ addresses: ['10.244.3.2'], conditions: { ready } }],
  }) as unknown as KubeObject;

/** The kube-dns slice with a ready CoreDNS pod, so names get answered. */
const dnsSlice = {
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: {
    name: 'kube-dns-abcde',
    namespace: 'kube-system',
    labels: { 'kubernetes.io/service-name': 'kube-dns' },
  },
  ports: [{ port: 53 }],
  endpoints: [{ addresses: ['10.244.0.2'], conditions: { ready: true } }],
} as unknown as KubeObject;

const server = (over: Partial<NeededServer> = {}): NeededServer => ({
  host: 'mongo',
  port: 27017,
  url: 'mongodb://mongo:27017',
  tries: 10,
  credentials: 'admin:pass',
  ...over,
});

describe('neededServer', () => {
  it("waits for the image's own URL, mongodb://mongo:27017, ten times; ME_CONFIG_MONGODB_SERVER is not read", () => {
    expect(neededServer(mongoExpress, ['ME_CONFIG_MONGODB_SERVER=mongodb-service'])).toEqual(server());
  });

  it('reads host and port from ME_CONFIG_MONGODB_URL, past the credentials and path', () => {
    const url = 'mongodb://root:secret@mongodb-service:27018/admin';
    expect(neededServer(mongoExpress, [`ME_CONFIG_MONGODB_URL=${url}`])).toMatchObject({
      host: 'mongodb-service',
      port: 27018,
      url,
    });
  });

  it('reads a URL built with $(VAR) references to the Secret and ConfigMap values', () => {
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'me', namespace: 'default' } };
    const env = containerEnvironment(
      pod,
      {
        env: [
          {
            name: 'ME_CONFIG_MONGODB_ADMINUSERNAME',
            valueFrom: { secretKeyRef: { name: 'mongodb-secret', key: 'mongo-root-username' } },
          },
          {
            name: 'ME_CONFIG_MONGODB_ADMINPASSWORD',
            valueFrom: { secretKeyRef: { name: 'mongodb-secret', key: 'mongo-root-password' } },
          },
          {
            name: 'ME_CONFIG_MONGODB_SERVER',
            valueFrom: { configMapKeyRef: { name: 'mongodb-configmap', key: 'database_url' } },
          },
          {
            name: 'ME_CONFIG_MONGODB_URL',
            value:
              'mongodb://$(ME_CONFIG_MONGODB_ADMINUSERNAME):$(ME_CONFIG_MONGODB_ADMINPASSWORD)@$(ME_CONFIG_MONGODB_SERVER):27017/',
          },
        ],
      },
      {
        configMap: () => ({
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: {},
          data: { database_url: 'mongodb-service' },
        }),
        secret: () => ({
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: {},
          data: { 'mongo-root-username': 'dXNlcm5hbWU=', 'mongo-root-password': 'cGFzc3dvcmQ=' },
        }),
        services: () => [],
      },
    );
    const needed = neededServer(mongoExpress, env)!;
    expect(needed).toMatchObject({
      host: 'mongodb-service',
      port: 27017,
      url: 'mongodb://username:password@mongodb-service:27017/',
    });
    const text = failedToConnect(needed, { why: 'unresolved' }, 1).lines.map((l) => l.text);
    expect(text).toContain('Waiting for mongodb-service:27017...');
    expect(text).toContain(
      'Could not connect to database using connectionString: mongodb://username:****@mongodb-service:27017/"',
    );
    expect(text.some((t) => t.includes(':password@'))).toBe(false);
    expect(text).toContain('MongoServerSelectionError: getaddrinfo ENOTFOUND mongodb-service');
  });

  it('takes the number of tries from ME_CONFIG_CONNECT_RETRIES and notices changed credentials', () => {
    expect(
      neededServer(mongoExpress, ['ME_CONFIG_CONNECT_RETRIES=3', 'ME_CONFIG_BASICAUTH_USERNAME=me']),
    ).toMatchObject({ tries: 3, credentials: 'me:pass' });
  });

  it('does not wait for a replica set, nor for images that need no server', () => {
    expect(neededServer(mongoExpress, ['ME_CONFIG_MONGODB_URL=mongodb://a:27017,b:27017/'])).toBeUndefined();
    expect(neededServer(BUILTIN_CATALOG['docker.io/library/nginx']!, [])).toBeUndefined();
  });
});

describe('hostAndPort', () => {
  it('defaults the port to 27017', () => {
    expect(hostAndPort('mongodb://db/')).toEqual({ host: 'db', port: 27017 });
  });
});

describe('maskedUrl', () => {
  it('hides the password and keeps the rest', () => {
    expect(maskedUrl('mongodb://user:pw@mongo:27017/')).toBe('mongodb://user:****@mongo:27017/');
    expect(maskedUrl('mongodb://mongo:27017')).toBe('mongodb://mongo:27017');
  });
});

describe('unreachable', () => {
  const where = (slices: KubeObject[]) => ({
    namespace: 'default',
    services: [service],
    slices: [dnsSlice, ...slices],
  });

  it('is unresolved without a Service of that name', () => {
    expect(unreachable('mongo', 27017, where([]))).toEqual({ why: 'unresolved' });
  });

  it('is refused at the cluster IP while the Service has no ready endpoint', () => {
    expect(unreachable('mongodb-service', 27017, where([slice(false)]))).toEqual({
      why: 'refused',
      address: '10.102.156.8',
    });
  });

  it('is reachable once an endpoint is ready', () => {
    expect(unreachable('mongodb-service', 27017, where([slice(true)]))).toBeUndefined();
  });

  it('gets no answer at all while no CoreDNS pod is ready', () => {
    const noDns = { namespace: 'default', services: [service], slices: [slice(true)] };
    expect(unreachable('mongodb-service', 27017, noDns)).toEqual({ why: 'no-dns' });
  });
});

describe('failedToConnect', () => {
  it('retries a second apart, starts the app after the last try and dies when server selection times out', () => {
    const p = failedToConnect(server({ tries: 3 }), { why: 'unresolved' }, 1);
    expect(p.lines.map((l) => [l.atMs, l.text])).toEqual([
      [0, 'Waiting for mongo:27017...'],
      [0, '/docker-entrypoint.sh: line 15: mongo: Name does not resolve'],
      [0, '/docker-entrypoint.sh: line 15: /dev/tcp/mongo/27017: Invalid argument'],
      [1000, '{dateTime} retrying to connect to mongo:27017 (2/3)'],
      [1000, '/docker-entrypoint.sh: line 15: mongo: Name does not resolve'],
      [1000, '/docker-entrypoint.sh: line 15: /dev/tcp/mongo/27017: Invalid argument'],
      [2000, '{dateTime} retrying to connect to mongo:27017 (3/3)'],
      [2000, '/docker-entrypoint.sh: line 15: mongo: Name does not resolve'],
      [2000, '/docker-entrypoint.sh: line 15: /dev/tcp/mongo/27017: Invalid argument'],
      [2000, 'No custom config.js found, loading config.default.js'],
      [2000, 'Welcome to mongo-express 1.0.2'],
      [2000, '------------------------'],
      [2000, ''],
      [2000, ''],
      [32000, 'Could not connect to database using connectionString: mongodb://mongo:27017"'],
      [32000, '/app/node_modules/mongodb/lib/sdam/topology.js:285'],
      [
        32000,
        '                const timeoutError = new error_1.MongoServerSelectionError(`Server selection timed out after ${serverSelectionTimeoutMS} ms`, this.description);',
      ],
      [32000, '                                     ^'],
      [32000, ''],
      [32000, 'MongoServerSelectionError: getaddrinfo ENOTFOUND mongo'],
      [32000, '    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:285:38)'],
      [32000, '    at listOnTimeout (node:internal/timers:569:17)'],
      [32000, '    at process.processTimers (node:internal/timers:512:7) {'],
    ]);
    expect(p.exit).toEqual({ atMs: 32005, code: 1 });
  });

  it('waits out the resolver timeout on each try when DNS does not answer, and fails with EAI_AGAIN', () => {
    const p = failedToConnect(server({ tries: 2 }), { why: 'no-dns' }, 1);
    expect(p.lines.slice(0, 6).map((l) => [l.atMs, l.text])).toEqual([
      [0, 'Waiting for mongo:27017...'],
      [5000, '/docker-entrypoint.sh: line 15: mongo: Try again'],
      [5000, '/docker-entrypoint.sh: line 15: /dev/tcp/mongo/27017: Invalid argument'],
      [6000, '{dateTime} retrying to connect to mongo:27017 (2/2)'],
      [11000, '/docker-entrypoint.sh: line 15: mongo: Try again'],
      [11000, '/docker-entrypoint.sh: line 15: /dev/tcp/mongo/27017: Invalid argument'],
    ]);
    expect(p.lines.map((l) => l.text)).toContain('MongoServerSelectionError: getaddrinfo EAI_AGAIN mongo');
    expect(p.exit).toEqual({ atMs: 41_005, code: 1 });
  });

  it("prints bash's refused connect without a line number and the driver's error at the Service IP", () => {
    const url = 'mongodb://root:secret@mongodb-service:27017/';
    const p = failedToConnect(
      server({ host: 'mongodb-service', url }),
      { why: 'refused', address: '10.102.156.8' },
      1,
    );
    const text = p.lines.map((l) => l.text);
    expect(text.slice(1, 3)).toEqual([
      '/docker-entrypoint.sh: connect: Connection refused',
      '/docker-entrypoint.sh: line 15: /dev/tcp/mongodb-service/27017: Connection refused',
    ]);
    expect(text).toContain('{dateTime} retrying to connect to mongodb-service:27017 (10/10)');
    expect(text).not.toContain('{dateTime} retrying to connect to mongodb-service:27017 (11/10)');
    expect(text).toContain(
      'Could not connect to database using connectionString: mongodb://root:****@mongodb-service:27017/"',
    );
    expect(text).toContain('MongoServerSelectionError: connect ECONNREFUSED 10.102.156.8:27017');
    expect(p.exit).toEqual({ atMs: 39_005, code: 1 });
  });
});

describe('connected', () => {
  it('serves on 8081 and warns in red about the open address and the default credentials', () => {
    const p = connected(server(), 1);
    expect(p.exit).toBeUndefined();
    expect(p.ports).toEqual([8081]);
    expect(p.lines.map((l) => l.text)).toEqual([
      'Waiting for mongo:27017...',
      'No custom config.js found, loading config.default.js',
      'Welcome to mongo-express 1.0.2',
      '------------------------',
      '',
      '',
      'Mongo Express server listening at http://0.0.0.0:8081',
      '\u001b[31mServer is open to allow connections from anyone (0.0.0.0)\u001b[39m',
      '\u001b[31mbasicAuth credentials are "admin:pass", it is recommended you change this in your config.js!\u001b[39m',
    ]);
  });

  it('does not mention credentials that were changed', () => {
    const text = connected(server({ credentials: 'me:secret' }), 1).lines.map((l) => l.text);
    expect(text.some((t) => t.includes('basicAuth credentials'))).toBe(false);
  });

  it('serves behind basic auth with the configured credentials', () => {
    expect(connected(server(), 1).basicAuth).toBe('admin:pass');
    expect(connected(server({ credentials: 'me:secret' }), 1).basicAuth).toBe('me:secret');
  });
});
