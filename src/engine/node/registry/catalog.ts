/**
 * The images the simulated registry knows: popular public repositories with real tags,
 * plausible compressed sizes and what the image does when the manifest gives no command.
 */

import { sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { COREFILE } from '../../dns/coredns-addon.ts';

/** What an image's default entrypoint does. */
export type ImageDefault =
  /**
   * A server that runs until stopped, listening on `ports`, printing `startup` lines; `rawPorts`
   * are those among them that speak no HTTP (DNS), where an HTTP client gets an empty reply.
   */
  | {
      readonly kind: 'server';
      readonly ports: readonly number[];
      readonly startup: readonly string[];
      readonly rawPorts?: readonly number[];
    }
  /** A shell or language runtime whose default command exits at once without a terminal. */
  | { readonly kind: 'exits'; readonly exitCode: number; readonly output: readonly string[] };

export interface RepositoryInfo {
  readonly tags: readonly string[];
  /** Compressed size in bytes of the newest tag; older tags vary a little around it. */
  readonly sizeBytes: number;
  readonly behaviour: ImageDefault;
  /** Whether the image has a shell (`sh -c` works). */
  readonly shell: boolean;
  /**
   * A server it connects to at start and waits for: the connection string is read from the
   * `urlEnv` environment variable (the image's own default otherwise), and the entrypoint
   * tries the port `defaultTries` times before it starts the app anyway.
   */
  readonly needs?: { readonly urlEnv: string; readonly defaultUrl: string; readonly defaultTries: number };
}

const NGINX_STARTUP = [
  '/docker-entrypoint.sh: /docker-entrypoint.d/ is not empty, will attempt to perform configuration',
  '/docker-entrypoint.sh: Looking for shell scripts in /docker-entrypoint.d/',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh',
  '10-listen-on-ipv6-by-default.sh: info: Getting the checksum of /etc/nginx/conf.d/default.conf',
  '10-listen-on-ipv6-by-default.sh: info: Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf',
  '/docker-entrypoint.sh: Sourcing /docker-entrypoint.d/15-local-resolvers.envsh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/20-envsubst-on-templates.sh',
  '/docker-entrypoint.sh: Launching /docker-entrypoint.d/30-tune-worker-processes.sh',
  '/docker-entrypoint.sh: Configuration complete; ready for start up',
  '{time} [notice] 1#1: using the "epoll" event method',
  '{time} [notice] 1#1: start worker processes',
];

const server = (ports: number[], startup: string[], rawPorts?: number[]): ImageDefault => ({
  kind: 'server',
  ports,
  startup,
  ...(rawPorts ? { rawPorts } : {}),
});
const exits = (exitCode = 0, output: string[] = []): ImageDefault => ({ kind: 'exits', exitCode, output });

const DOCKER = 'docker.io/library/';

export const BUILTIN_CATALOG: Readonly<Record<string, RepositoryInfo>> = {
  [`${DOCKER}nginx`]: {
    tags: [
      'latest',
      'stable',
      'mainline',
      'alpine',
      '1.29',
      '1.29.1',
      '1.28',
      '1.28.0',
      '1.27',
      '1.27.5',
      '1.27.4',
      '1.27.3',
      '1.26',
      '1.25',
      '1.24',
      '1.23',
      '1.21',
      '1.19',
      '1.16',
      '1.14.2',
      '1.27-alpine',
      '1.25-alpine',
    ],
    sizeBytes: 72_080_558,
    behaviour: server([80], NGINX_STARTUP),
    shell: true,
  },
  [`${DOCKER}busybox`]: {
    tags: [
      'latest',
      'stable',
      'musl',
      'glibc',
      'uclibc',
      '1.37',
      '1.37.0',
      '1.36',
      '1.36.1',
      '1.35',
      '1.34',
      '1.28',
    ],
    sizeBytes: 2_155_244,
    behaviour: exits(),
    shell: true,
  },
  [`${DOCKER}alpine`]: {
    tags: ['latest', '3', '3.22', '3.21', '3.20', '3.19', '3.18', 'edge'],
    sizeBytes: 3_653_068,
    behaviour: exits(),
    shell: true,
  },
  [`${DOCKER}ubuntu`]: {
    tags: ['latest', '24.04', '22.04', '20.04', 'noble', 'jammy', 'focal'],
    sizeBytes: 29_723_147,
    behaviour: exits(),
    shell: true,
  },
  [`${DOCKER}debian`]: {
    tags: ['latest', 'bookworm', 'bookworm-slim', 'bullseye', '12', '12-slim', '11'],
    sizeBytes: 48_494_272,
    behaviour: exits(),
    shell: true,
  },
  [`${DOCKER}redis`]: {
    tags: ['latest', '8', '8.2', '8.0', '7', '7.4', '7.2', '7.0', '6', '6.2', 'alpine', '7-alpine'],
    sizeBytes: 52_377_891,
    behaviour: server(
      [6379],
      [
        '1:C {redisTime} # oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo',
        '1:M {redisTime} * Running mode=standalone, port=6379.',
        '1:M {redisTime} * Server initialized',
        '1:M {redisTime} * Ready to accept connections tcp',
      ],
    ),
    shell: true,
  },
  [`${DOCKER}mongo`]: {
    tags: ['latest', '8', '8.0', '7', '7.0', '6', '6.0', '5.0', '4.4'],
    sizeBytes: 266_483_411,
    behaviour: server(
      [27017],
      [
        '{"t":{"$date":"{mongoTime}"},"s":"I",  "c":"NETWORK",  "id":23016,   "ctx":"listener","msg":"Waiting for connections","attr":{"port":27017,"ssl":"off"}}',
      ],
    ),
    shell: true,
  },
  [`${DOCKER}mongo-express`]: {
    tags: ['latest', '1', '1.0', '1.0.2', '1.0.2-20', '0.54'],
    sizeBytes: 75_112_504,
    // What it prints is modelled in node/runtime/dependency.ts, from the database it reaches.
    behaviour: server([8081], ['Mongo Express server listening at http://0.0.0.0:8081']),
    shell: true,
    needs: { urlEnv: 'ME_CONFIG_MONGODB_URL', defaultUrl: 'mongodb://mongo:27017', defaultTries: 10 },
  },
  [`${DOCKER}postgres`]: {
    tags: ['latest', '17', '17.6', '16', '16.10', '15', '14', '13', 'alpine', '17-alpine', '16-alpine'],
    sizeBytes: 158_342_908,
    behaviour: server([5432], ['{pgTime} UTC [1] LOG:  database system is ready to accept connections']),
    shell: true,
  },
  [`${DOCKER}mysql`]: {
    tags: ['latest', '9', '9.4', '8', '8.4', '8.0', 'lts', '5.7'],
    sizeBytes: 235_106_624,
    behaviour: server(
      [3306, 33060],
      [
        "{isoTime} 0 [System] [MY-010931] [Server] /usr/sbin/mysqld: ready for connections. Version: '8.4.6'  socket: '/var/run/mysqld/mysqld.sock'  port: 3306  MySQL Community Server - GPL.",
      ],
    ),
    shell: true,
  },
  [`${DOCKER}httpd`]: {
    tags: ['latest', '2.4', '2.4.65', '2', 'alpine', '2.4-alpine'],
    sizeBytes: 58_932_174,
    behaviour: server(
      [80],
      [
        '[{httpdTime}] [mpm_event:notice] [pid 1:tid 1] AH00489: Apache/2.4.65 (Unix) configured -- resuming normal operations',
      ],
    ),
    shell: true,
  },
  [`${DOCKER}perl`]: {
    tags: ['latest', '5', '5.40', '5.38', '5.36', '5.34', 'slim', '5.34.0'],
    sizeBytes: 351_442_104,
    behaviour: exits(),
    shell: true,
  },
  [`${DOCKER}python`]: {
    tags: [
      'latest',
      '3',
      '3.13',
      '3.12',
      '3.11',
      '3.10',
      '3.9',
      'slim',
      '3.12-slim',
      '3.13-slim',
      'alpine',
      '3.12-alpine',
    ],
    sizeBytes: 390_173_312,
    behaviour: exits(),
    shell: true,
  },
  [`${DOCKER}node`]: {
    tags: ['latest', 'lts', '24', '22', '20', '18', 'alpine', '22-alpine', '20-alpine', 'slim', '22-slim'],
    sizeBytes: 391_021_843,
    behaviour: exits(),
    shell: true,
  },
  [`${DOCKER}traefik`]: {
    tags: ['latest', 'v3', 'v3.5', 'v2.11'],
    sizeBytes: 54_890_327,
    behaviour: server([80, 8080], []),
    shell: true,
  },
  ['registry.k8s.io/ingress-nginx/controller']: {
    tags: ['v1.13.3', 'v1.13.2', 'v1.12.6', 'v1.11.8'],
    sizeBytes: 110_412_651,
    behaviour: server(
      [80, 443],
      [
        '-------------------------------------------------------------------------------',
        'NGINX Ingress controller',
        '  Release:       v1.13.3',
        '  Build:         3f2ed1dd5d1c5dd4e6d7b0a8c3b1f2a47c6d7e11',
        '  Repository:    https://github.com/kubernetes/ingress-nginx',
        '  nginx version: nginx/1.27.1',
        '',
        '-------------------------------------------------------------------------------',
        '',
      ],
    ),
    shell: true,
  },
  ['registry.k8s.io/coredns/coredns']: {
    tags: ['v1.12.1', 'v1.12.0', 'v1.11.3', 'v1.11.1'],
    sizeBytes: 22_384_805,
    // DNS on 53, metrics on 9153, health on 8080 and readiness on 8181.
    behaviour: server(
      [53, 9153, 8080, 8181],
      [
        'maxprocs: Leaving GOMAXPROCS=4: CPU quota undefined',
        '.:53',
        `[INFO] plugin/reload: Running configuration SHA512 = ${bytesToHex(sha512(utf8ToBytes(COREFILE)))}`,
        'CoreDNS-1.12.1',
        'linux/amd64, go1.24.1, 707c7c1',
      ],
      [53],
    ),
    shell: false,
  },
  ['registry.k8s.io/pause']: {
    tags: ['3.10', '3.10.1', '3.9', '3.8', '3.7', '3.6', '3.5', '3.2', '3.1', 'latest'],
    sizeBytes: 320_368,
    behaviour: server([], []),
    shell: false,
  },
  ['registry.k8s.io/e2e-test-images/agnhost']: {
    tags: ['2.53', '2.52', '2.47', '2.45', '2.43', '2.40', '2.39'],
    sizeBytes: 51_220_336,
    behaviour: exits(1, ['Error: unknown command "" for "agnhost"']),
    shell: true,
  },
  ['registry.k8s.io/e2e-test-images/busybox']: {
    tags: ['1.37.0-1', '1.36.1-1', '1.29-4', '1.29-2'],
    sizeBytes: 1_374_155,
    behaviour: exits(),
    shell: true,
  },
  ['registry.k8s.io/e2e-test-images/nginx']: {
    tags: ['1.15-4', '1.14-4', '1.14-2'],
    sizeBytes: 6_965_722,
    behaviour: server([80], []),
    shell: true,
  },
  ['registry.k8s.io/e2e-test-images/jessie-dnsutils']: {
    tags: ['1.7', '1.5'],
    sizeBytes: 112_030_336,
    behaviour: exits(),
    shell: true,
  },
  ['registry.k8s.io/nginx-slim']: {
    tags: ['0.27', '0.26', '0.8'],
    sizeBytes: 22_452_188,
    behaviour: server([80], []),
    shell: true,
  },
  ['registry.k8s.io/hpa-example']: {
    tags: ['latest'],
    sizeBytes: 178_523_104,
    behaviour: server([80], []),
    shell: true,
  },
  ['gcr.io/google-samples/hello-app']: {
    tags: ['1.0', '2.0'],
    sizeBytes: 4_261_876,
    behaviour: server([8080], ['{logTime} Server listening on port 8080']),
    shell: false,
  },
  ['gcr.io/google-samples/kubernetes-bootcamp']: {
    tags: ['v1'],
    sizeBytes: 72_814_103,
    behaviour: server([8080], ['Kubernetes Bootcamp App Started At: {isoTime} | Running On:  {hostname} ']),
    shell: true,
  },
  ['gcr.io/google_samples/gb-frontend']: {
    tags: ['v5', 'v4'],
    sizeBytes: 107_282_317,
    behaviour: server([80], []),
    shell: true,
  },
  ['us-docker.pkg.dev/google-samples/containers/gke/hello-app']: {
    tags: ['1.0', '2.0'],
    sizeBytes: 4_261_876,
    behaviour: server([8080], ['{logTime} Server listening on port 8080']),
    shell: false,
  },
};

/** An image the catalogue does not know: it pulls, and runs as a server on no particular port. */
export const UNKNOWN_REPOSITORY: RepositoryInfo = {
  tags: [],
  sizeBytes: 48_213_772,
  behaviour: server([], []),
  shell: true,
};
