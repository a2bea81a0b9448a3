/**
 * Everything a kubectl command needs from its surroundings: the API (through the same
 * REST client every component uses), files for `-f`, standard input, the current
 * virtual time, and a way to let the cluster run while kubectl waits (for `delete`).
 */
import type { ApiClient } from '../client/api-client.ts';
import type { Output } from './output.ts';
import type { RestMapper } from './rest-mapper.ts';
import type { FlagValues } from './flags.ts';

export interface KubectlHost {
  readonly client: ApiClient;
  /** Contents of a file named in `-f`, relative to the script; undefined if it does not exist. */
  readFile(path: string): string | undefined;
  /** Directory listing for `-f <dir>` (file names, not recursive); undefined if not a directory. */
  listDir?(path: string): string[] | undefined;
  now(): number;
  /** Whether an object exists now, read without an API request (kubectl's wait uses a watch). */
  exists?(
    resource: { group: string; plural: string; namespaced: boolean },
    namespace: string | undefined,
    name: string,
  ): boolean;
  /** Lets the cluster run until `done()` holds or `timeoutMs` of virtual time passes. */
  waitUntil(done: () => boolean, timeoutMs: number): boolean;
  /** Runs the cluster for `ms` of virtual time, or until `stop()` holds. */
  runFor(ms: number, stop?: () => boolean): void;
  /** Whether the cluster is settled: no watch event, queued key or retry pending. */
  isQuiet(): boolean;
}

export interface CommandContext {
  readonly host: KubectlHost;
  readonly mapper: RestMapper;
  readonly out: Output;
  readonly args: readonly string[];
  readonly flags: FlagValues;
  readonly changed: ReadonlySet<string>;
  readonly stdin: string | undefined;
  /** The namespace from -n, or `default`. */
  readonly namespace: string;
  /** Whether -n was given explicitly. */
  readonly namespaceExplicit: boolean;
}

export function str(flags: FlagValues, name: string): string {
  const v = flags[name];
  return typeof v === 'string' ? v : '';
}

/** A string-slice flag (`-L a,b -L c`): every value, split at its commas. */
export function stringSlice(flags: FlagValues, name: string): string[] {
  const v = flags[name];
  return (Array.isArray(v) ? v : []).flatMap((x) => String(x).split(',')).filter(Boolean);
}

export function bool(flags: FlagValues, name: string): boolean {
  return flags[name] === true;
}

export function list(flags: FlagValues, name: string): string[] {
  const v = flags[name];
  return Array.isArray(v) ? v : [];
}
