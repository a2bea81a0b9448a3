import { describe, expect, it } from 'vitest';
import { Cluster } from '../cluster/cluster.ts';
import { defaultParts } from '../cluster/default-parts.ts';
import { ItemExponentialFailureRateLimiter } from './rate-limiters.ts';
import { WorkQueue, type WorkQueueOptions } from './work-queue.ts';

function setup(options: Partial<WorkQueueOptions> & { onKey?: (key: string, q: WorkQueue) => void } = {}) {
  const cluster = new Cluster(defaultParts(), { seed: 1, workers: 0 });
  const start = cluster.clock.now();
  const log: { key: string; at: number; cause: number | undefined }[] = [];
  const queue: WorkQueue = new WorkQueue({
    name: 'test/queue',
    host: cluster,
    process: (key) => {
      log.push({ key, at: cluster.clock.now() - start, cause: cluster.trace.currentCause() });
      options.onKey?.(key, queue);
    },
    ...options,
  });
  return { cluster, queue, log, keys: () => log.map((l) => l.key) };
}

describe('WorkQueue', () => {
  it('stores a key added several times while it waits only once, in FIFO order', () => {
    const { cluster, queue, keys } = setup();
    for (const k of ['a', 'b', 'a', 'c', 'b']) queue.add(k);
    expect(queue.length).toBe(3);
    expect(keys()).toEqual([]);
    expect(cluster.settle().settled).toBe(true);
    expect(keys()).toEqual(['a', 'b', 'c']);
    expect(queue.length).toBe(0);
  });

  it('re-queues a key added while it is processed, and only after it is done', () => {
    let adds = 0;
    const { cluster, keys, queue } = setup({
      onKey: (key, q) => {
        expect(q.isProcessing(key)).toBe(true);
        if (key === 'a' && adds++ === 0) {
          q.add('a');
          expect(q.length).toBe(0);
        }
      },
    });
    queue.add('a');
    queue.add('b');
    cluster.settle();
    expect(keys()).toEqual(['a', 'b', 'a']);
  });

  it('never hands one key to two workers at once', () => {
    const running = new Set<string>();
    const overlaps: string[] = [];
    const { cluster, queue, log } = setup({
      workers: 3,
      busyMs: 10,
      onKey: (key) => {
        if (running.has(key)) overlaps.push(key);
        running.add(key);
        cluster.schedule(10, 'test', () => running.delete(key));
      },
    });
    queue.add('a');
    queue.add('b');
    cluster.advance(5);
    queue.add('a'); // while the first 'a' is still being worked on
    queue.add('c');
    cluster.settle();
    expect(overlaps).toEqual([]);
    expect(log.map((l) => `${l.key}@${l.at}`)).toEqual(['a@0', 'b@0', 'c@5', 'a@10']);
  });

  it('adds a key after a delay on the virtual clock; a sooner addAfter wins', () => {
    const { cluster, queue, log } = setup();
    queue.addAfter('late', 3000);
    queue.addAfter('x', 2000);
    queue.addAfter('x', 500);
    queue.addAfter('x', 1500);
    expect(queue.readyAt('x')).toBe(cluster.clock.now() + 500);
    expect(queue.isQueued('x')).toBe(false);
    const result = cluster.settle();
    expect(result.settled).toBe(true);
    expect(log.map((l) => `${l.key}@${l.at}`)).toEqual(['x@500', 'late@3000']);
  });

  it('backs a failing key off exponentially until it is forgotten', () => {
    let failures = 3;
    const { cluster, queue, log } = setup({
      rateLimiter: new ItemExponentialFailureRateLimiter(5, 1000),
      onKey: (key, q) => {
        if (failures-- > 0) q.addRateLimited(key);
        else q.forget(key);
      },
    });
    queue.add('k');
    cluster.settle();
    expect(log.map((l) => l.at)).toEqual([0, 5, 15, 35]);
    expect(queue.numRequeues('k')).toBe(0);
  });

  it('processes a key with the trace record that last asked for it as the cause', () => {
    const { cluster, queue, log } = setup();
    cluster.trace.withCause(7, () => queue.add('a'));
    cluster.trace.withCause(9, () => queue.add('a'));
    queue.add('a'); // no cause now: the recorded one is kept
    cluster.trace.withCause(11, () => queue.addAfter('b', 100));
    cluster.settle();
    expect(log).toEqual([
      { key: 'a', at: 0, cause: 9 },
      { key: 'b', at: 100, cause: 11 },
    ]);
  });

  it('keeps the cluster busy until every queued and delayed key is done, and stops on shutdown', () => {
    const { cluster, queue, keys } = setup();
    queue.addAfter('a', 1000);
    expect(cluster.queue.pendingOwners()).toContain('test/queue');
    queue.shutDown();
    queue.add('b');
    expect(cluster.settle().settled).toBe(true);
    expect(keys()).toEqual([]);
  });
});
