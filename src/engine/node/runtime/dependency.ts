/**
 * Images that connect to another server when they start (mongo-express to MongoDB). The
 * mongo-express 1.0 image (mongo-express/mongo-express-docker, docker-entrypoint.sh) reads
 * the host and port out of ME_CONFIG_MONGODB_URL, which the image sets to
 * `mongodb://mongo:27017`; ME_CONFIG_MONGODB_SERVER is no longer read by 1.0. Its bash
 * entrypoint opens /dev/tcp/HOST/PORT up to ME_CONFIG_CONNECT_RETRIES times (10), a second
 * apart, and then starts `node app` whether or not the server answered. The app waits for
 * server selection (the driver's 30 s default), prints the connection string it could not
 * use and dies of the uncaught MongoServerSelectionError, so the container crash-loops until
 * the name resolves to a Service with a ready endpoint.
 */
import type { KubeObject } from '../../api/types.ts';
import { resolveName } from '../../dns/cluster-dns.ts';
import { DNS_NAMESPACE, DNS_SERVICE_NAME } from '../../dns/coredns-addon.ts';
import type { RepositoryInfo } from '../registry/catalog.ts';
import type { Program, TimedLine } from './program.ts';

/** `sleep 1s` between two tries of the entrypoint's wait loop. */
const RETRY_INTERVAL_MS = 1_000;
/** musl's resolver gives up on a silent name server after its default 5 s timeout. */
const RESOLVER_TIMEOUT_MS = 5_000;
/** The Node.js driver's default serverSelectionTimeoutMS. */
const SERVER_SELECTION_TIMEOUT_MS = 30_000;

export interface Reachability {
  readonly services: readonly KubeObject[];
  readonly slices: readonly KubeObject[];
  readonly namespace: string;
}

export type Unreachable = { why: 'no-dns' } | { why: 'unresolved' } | { why: 'refused'; address: string };

/** Whether any CoreDNS pod behind the kube-dns Service is ready to answer. */
function clusterDnsAnswers(slices: readonly KubeObject[]): boolean {
  return (
    slices as unknown as {
      metadata: KubeObject['metadata'];
      endpoints?: { conditions?: { ready?: boolean } }[];
    }[]
  ).some(
    (s) =>
      s.metadata.namespace === DNS_NAMESPACE &&
      s.metadata.labels?.['kubernetes.io/service-name'] === DNS_SERVICE_NAME &&
      (s.endpoints ?? []).some((e) => e.conditions?.ready !== false),
  );
}

/**
 * Why `host:port` cannot be reached from a pod: no DNS server answers, the name does not
 * resolve, or the connection is refused (at `address`); undefined when it can be reached.
 */
export function unreachable(host: string, port: number, where: Reachability): Unreachable | undefined {
  if (!clusterDnsAnswers(where.slices)) return { why: 'no-dns' };
  const answer = resolveName(host, where.namespace, where.services, where.slices);
  if (!answer.name || answer.addresses.length === 0) return { why: 'unresolved' };
  const [service, namespace] = answer.name.split('.');
  const ready = (
    where.slices as unknown as {
      metadata: KubeObject['metadata'];
      ports?: { port?: number }[];
      endpoints?: { conditions?: { ready?: boolean } }[];
    }[]
  )
    .filter(
      (s) =>
        s.metadata.namespace === namespace && s.metadata.labels?.['kubernetes.io/service-name'] === service,
    )
    .some(
      (s) =>
        (s.endpoints ?? []).some((e) => e.conditions?.ready !== false) &&
        (s.ports ?? []).some((p) => p.port === port),
    );
  return ready ? undefined : { why: 'refused', address: answer.addresses[0] ?? host };
}

/** What the image's default command connects to, read from the container's environment. */
export interface NeededServer {
  readonly host: string;
  readonly port: number;
  /** The connection string the app uses. */
  readonly url: string;
  /** How many times the entrypoint tries the port before it starts the app anyway. */
  readonly tries: number;
  /** The `user:password` the app's HTTP basic auth asks for (admin:pass unless set). */
  readonly credentials: string;
}

/** The variable's value in a `NAME=value` environment, or undefined when it is not set. */
function lookupEnv(env: readonly string[], name: string): string | undefined {
  const set = env.find((v) => v.startsWith(`${name}=`));
  return set === undefined ? undefined : set.slice(name.length + 1);
}

/**
 * The host and port the entrypoint waits for, cut out of the URL as its parameter
 * expansions do: drop the scheme, the path and the userinfo, then split at the last colon.
 */
export function hostAndPort(url: string): { host: string; port: number } {
  let work = url.includes('://') ? url.slice(url.indexOf('://') + 3) : url;
  if (work.includes('/')) work = work.slice(0, work.indexOf('/'));
  if (work.includes('@')) work = work.slice(work.indexOf('@') + 1);
  if (!work.includes(':')) return { host: work, port: 27017 };
  return { host: work.slice(0, work.lastIndexOf(':')), port: Number(work.slice(work.indexOf(':') + 1)) };
}

/** The server an image's default command needs, or undefined when it needs none (or waits for none). */
export function neededServer(info: RepositoryInfo, env: readonly string[]): NeededServer | undefined {
  const needs = info.needs;
  if (!needs) return undefined;
  const url = lookupEnv(env, needs.urlEnv) ?? needs.defaultUrl;
  // A replica set (a comma in the URL) is not waited for by the entrypoint.
  if (url.includes(',')) return undefined;
  const { host, port } = hostAndPort(url);
  const retries = Number(lookupEnv(env, 'ME_CONFIG_CONNECT_RETRIES') ?? needs.defaultTries);
  const user = lookupEnv(env, 'ME_CONFIG_BASICAUTH_USERNAME') || 'admin';
  const password = lookupEnv(env, 'ME_CONFIG_BASICAUTH_PASSWORD') || 'pass';
  return {
    host,
    port,
    url,
    tries: Number.isInteger(retries) && retries > 0 ? retries : needs.defaultTries,
    credentials: `${user}:${password}`,
  };
}

/** `clc.red(text)` of the cli-color package: the ANSI red foreground and its reset. */
const red = (text: string): string => `\u001b[31m${text}\u001b[39m`;

/** What `node app` prints as soon as it has loaded its configuration. */
const APP_BANNER = [
  'No custom config.js found, loading config.default.js',
  'Welcome to mongo-express 1.0.2',
  '------------------------',
  // console.log('\n') prints the newline it is given and its own.
  '',
  '',
];

/** The run of the image when the server answers at once: no retries, and the app serves. */
export function connected(server: NeededServer, memoryBytes: number): Program {
  const text = [
    `Waiting for ${server.host}:${server.port}...`,
    ...APP_BANNER,
    'Mongo Express server listening at http://0.0.0.0:8081',
    red('Server is open to allow connections from anyone (0.0.0.0)'),
    ...(server.credentials === 'admin:pass'
      ? [red('basicAuth credentials are "admin:pass", it is recommended you change this in your config.js!')]
      : []),
  ];
  return {
    lines: text.map((t, i) => ({ atMs: i <= APP_BANNER.length ? 0 : 10, text: t })),
    ignoresSigterm: false,
    ports: [8081],
    memoryBytes,
    // 1.0 turns basic auth on: a request without these credentials gets 401.
    basicAuth: server.credentials,
  };
}

/** The connection string as the app prints it, the password masked. */
export function maskedUrl(url: string): string {
  return url.replace(/(mongo.*?:\/\/.*?:).*?@/, '$1****@');
}

/** The run of a process whose server is missing: the entrypoint's tries, then the app's failure. */
export function failedToConnect(server: NeededServer, failure: Unreachable, memoryBytes: number): Program {
  const { host, port, tries } = server;
  const target = `${host}:${port}`;
  // bash reports a failed lookup with the line of the `exec 6<>/dev/tcp/...`, and a refused
  // connect(2) without one; musl's wording, as the image is built on Alpine. A lookup that
  // gets no answer at all is EAI_AGAIN ("Try again"), after the resolver's timeout.
  const reason = {
    'no-dns': [
      `/docker-entrypoint.sh: line 15: ${host}: Try again`,
      `/docker-entrypoint.sh: line 15: /dev/tcp/${host}/${port}: Invalid argument`,
    ],
    unresolved: [
      `/docker-entrypoint.sh: line 15: ${host}: Name does not resolve`,
      `/docker-entrypoint.sh: line 15: /dev/tcp/${host}/${port}: Invalid argument`,
    ],
    refused: [
      `/docker-entrypoint.sh: connect: Connection refused`,
      `/docker-entrypoint.sh: line 15: /dev/tcp/${host}/${port}: Connection refused`,
    ],
  }[failure.why];
  const lookupMs = failure.why === 'no-dns' ? RESOLVER_TIMEOUT_MS : 0;
  const attemptMs = lookupMs + RETRY_INTERVAL_MS;
  const lines: TimedLine[] = [{ atMs: 0, text: `Waiting for ${target}...` }];
  for (let attempt = 1; attempt <= tries; attempt++) {
    const at = (attempt - 1) * attemptMs + lookupMs;
    for (const text of reason) lines.push({ atMs: at, text });
    if (attempt < tries)
      lines.push({
        atMs: at + RETRY_INTERVAL_MS,
        text: `{dateTime} retrying to connect to ${target} (${attempt + 1}/${tries})`,
      });
  }
  const appStart = (tries - 1) * attemptMs + lookupMs;
  for (const text of APP_BANNER) lines.push({ atMs: appStart, text });
  const gaveUp = appStart + SERVER_SELECTION_TIMEOUT_MS;
  const error =
    failure.why === 'refused'
      ? `connect ECONNREFUSED ${failure.address}:${port}`
      : `getaddrinfo ${failure.why === 'no-dns' ? 'EAI_AGAIN' : 'ENOTFOUND'} ${host}`;
  // Node's report of the uncaught error: where it was thrown, then the error and its stack.
  // The properties it goes on to print (reason: TopologyDescription {...}) and the closing
  // `Node.js vX` line are not modelled.
  for (const text of [
    `Could not connect to database using connectionString: ${maskedUrl(server.url)}"`,
    '/app/node_modules/mongodb/lib/sdam/topology.js:285',
    '                const timeoutError = new error_1.MongoServerSelectionError(`Server selection timed out after ${serverSelectionTimeoutMS} ms`, this.description);',
    '                                     ^',
    '',
    `MongoServerSelectionError: ${error}`,
    '    at Timeout._onTimeout (/app/node_modules/mongodb/lib/sdam/topology.js:285:38)',
    '    at listOnTimeout (node:internal/timers:569:17)',
    '    at process.processTimers (node:internal/timers:512:7) {',
  ]) {
    lines.push({ atMs: gaveUp, text });
  }
  return { lines, exit: { atMs: gaveUp + 5, code: 1 }, ignoresSigterm: false, ports: [], memoryBytes };
}
