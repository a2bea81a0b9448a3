/**
 * What kubectl needs from the cluster it runs against: its API client, files, the virtual
 * clock, and ways to let the cluster run while a command waits (`wait`, `get -w`,
 * `rollout status`).
 */
import type { KubectlHost } from '../kubectl/context.ts';
import { objectKey } from '../store/keys.ts';
import type { Cluster } from './cluster.ts';

export interface KubectlFiles {
  readonly readFile?: (path: string) => string | undefined;
  readonly listDir?: (path: string) => string[] | undefined;
}

export function kubectlHostFor(cluster: Cluster, files: KubectlFiles = {}): KubectlHost {
  /** Runs scheduled instants up to `deadline` while `keepGoing()` holds; false if it stopped early. */
  const runUntil = (deadline: number, keepGoing: () => boolean): boolean => {
    while (keepGoing()) {
      const next = cluster.queue.peek();
      if (!next || next.time > deadline) return true;
      cluster.advance(next.time - cluster.clock.now());
    }
    return false;
  };
  return {
    client: cluster.client('kubectl'),
    readFile: files.readFile ?? (() => undefined),
    ...(files.listDir ? { listDir: files.listDir } : {}),
    now: () => cluster.clock.now(),
    exists: (r, ns, name) =>
      cluster.store.get(objectKey(r.group, r.plural, r.namespaced ? ns : undefined, name)) !== undefined,
    waitUntil: (done, timeoutMs) => {
      runUntil(cluster.clock.now() + timeoutMs, () => !done());
      return done();
    },
    runFor: (ms, stop) => {
      const deadline = cluster.clock.now() + ms;
      const ranOut = runUntil(deadline, () => !stop?.());
      // A watch that times out has held the clock for its whole duration.
      if (ranOut) cluster.advance(Math.max(0, deadline - cluster.clock.now()));
    },
    isQuiet: () => cluster.queue.pendingWork === 0,
  };
}
