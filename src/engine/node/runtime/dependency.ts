/**
 * Images that connect to another server when they start (mongo-express to MongoDB): the
 * name in their configuration must resolve through cluster DNS and have a ready endpoint,
 * otherwise the entrypoint retries ten times a second apart and the process fails, so the
 * container crash-loops until the server is there.
 */
import type { KubeObject } from '../../api/types.ts';
import { resolveName } from '../../dns/cluster-dns.ts';
import type { RepositoryInfo } from '../registry/catalog.ts';
import type { Program } from './program.ts';

const RETRIES = 10;

export interface Reachability {
  readonly services: readonly KubeObject[];
  readonly slices: readonly KubeObject[];
  readonly namespace: string;
}

/** Why `host:port` cannot be reached from a pod: unresolvable or refused; undefined when it can. */
export function unreachable(
  host: string,
  port: number,
  where: Reachability,
): 'unresolved' | 'refused' | undefined {
  const answer = resolveName(host, where.namespace, where.services, where.slices);
  if (!answer.name || answer.addresses.length === 0) return 'unresolved';
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
  return ready ? undefined : 'refused';
}

/** The dependency an image's default command needs, with the host its environment names. */
export function neededServer(
  info: RepositoryInfo,
  env: readonly string[],
): { host: string; port: number } | undefined {
  if (!info.needs) return undefined;
  const set = env.find((v) => v.startsWith(`${info.needs!.hostEnv}=`));
  return { host: set ? set.slice(set.indexOf('=') + 1) : info.needs.defaultHost, port: info.needs.port };
}

/** The run of a process whose server is missing: the entrypoint's retries, then the failure. */
export function failedToConnect(
  host: string,
  port: number,
  why: 'unresolved' | 'refused',
  memoryBytes: number,
): Program {
  const target = `${host}:${port}`;
  const reason =
    why === 'unresolved'
      ? [
          `/docker-entrypoint.sh: line 15: ${host}: Name or service not known`,
          `/docker-entrypoint.sh: line 15: /dev/tcp/${host}/${port}: Invalid argument`,
        ]
      : [
          `/docker-entrypoint.sh: line 15: connect: Connection refused`,
          `/docker-entrypoint.sh: line 15: /dev/tcp/${host}/${port}: Connection refused`,
        ];
  const lines = [{ atMs: 0, text: `Waiting for ${target}...` }];
  for (let attempt = 1; attempt <= RETRIES; attempt++) {
    const at = (attempt - 1) * 1_000;
    for (const text of reason) lines.push({ atMs: at, text });
    if (attempt < RETRIES)
      lines.push({
        atMs: at + 1_000,
        text: `{dateTime} retrying to connect to ${target} (${attempt + 1}/${RETRIES})`,
      });
  }
  const end = RETRIES * 1_000;
  const error =
    why === 'unresolved'
      ? `MongoServerSelectionError: getaddrinfo ENOTFOUND ${host}`
      : `MongoServerSelectionError: connect ECONNREFUSED ${host}:${port}`;
  for (const text of [
    'No custom config.js found, loading config.default.js',
    'Welcome to mongo-express 1.0.2',
    '------------------------',
    '',
    `Could not connect to database using connectionString: mongodb://${target}/"`,
    error,
  ]) {
    lines.push({ atMs: end, text });
  }
  return { lines, exit: { atMs: end + 500, code: 1 }, ignoresSigterm: false, ports: [], memoryBytes };
}
