import { describe, expect, it } from 'vitest';
import { backoffDurationMs, POD_MAX_IN_UNSCHEDULABLE_MS, SchedulingQueue } from './scheduling-queue.ts';
import { testPod } from './test-support.ts';

describe('backoffDurationMs', () => {
  it('doubles from 1 s per attempt up to 10 s', () => {
    expect([1, 2, 3, 4, 5, 6].map(backoffDurationMs)).toEqual([1000, 2000, 4000, 8000, 10000, 10000]);
  });
});

describe('SchedulingQueue', () => {
  it('pops by priority, then by arrival', () => {
    const q = new SchedulingQueue();
    q.add(testPod('a'), 0);
    q.add(testPod('b', { priority: 100 }), 1);
    q.add(testPod('c'), 2);
    expect([q.pop(3), q.pop(3), q.pop(3)].map((p) => p?.pod.metadata.name)).toEqual(['b', 'a', 'c']);
    expect(q.pop(3)).toBeUndefined();
  });

  it('keeps an unschedulable pod until a cluster event, then backs it off', () => {
    const q = new SchedulingQueue();
    q.add(testPod('a'), 0);
    q.add(testPod('b'), 0);
    const a = q.pop(0)!;
    q.failed(a, 0, 'unschedulable');
    expect(q.where('default/a')).toBe('unschedulable');
    // Moved 500 ms after failing: still within its 1 s backoff.
    expect(q.moveAllToActiveOrBackoff(500)).toBe(1);
    expect(q.where('default/a')).toBe('backoff');
    expect(q.nextBackoffExpiry()).toBe(1000);
    // activeQ goes first; with it empty, a pod in backoff is popped at once.
    expect(q.pop(600)?.pod.metadata.name).toBe('b');
    expect(q.pop(600)?.pod.metadata.name).toBe('a');
  });

  it('moves a pod whose backoff is over straight to activeQ, and flushes after five minutes', () => {
    const q = new SchedulingQueue();
    q.add(testPod('a'), 0);
    const a = q.pop(0)!;
    q.failed(a, 0, 'unschedulable');
    q.moveAllToActiveOrBackoff(5000);
    expect(q.where('default/a')).toBe('active');
    const again = q.pop(5000)!;
    expect(again.attempts).toBe(2);
    q.failed(again, 5000, 'unschedulable');
    q.flushUnschedulableLeftover(5000 + POD_MAX_IN_UNSCHEDULABLE_MS);
    expect(q.where('default/a')).toBe('unschedulable');
    q.flushUnschedulableLeftover(5001 + POD_MAX_IN_UNSCHEDULABLE_MS);
    expect(q.where('default/a')).toBe('active');
  });

  it('forgets deleted and bound pods', () => {
    const q = new SchedulingQueue();
    q.add(testPod('a'), 0);
    q.add(testPod('b'), 0);
    q.delete('default/a');
    const b = q.pop(0)!;
    q.done(b);
    expect(q.hasReady(0)).toBe(false);
    expect(q.counts()).toEqual({ active: 0, backoff: 0, unschedulable: 0, inflight: 0 });
  });

  it('takes a rejected pod from backoffQ early but lets an erred one wait out its backoff', () => {
    const q = new SchedulingQueue();
    q.add(testPod('a'), 0);
    const a = q.pop(0)!;
    q.failed(a, 0, 'backoff');
    expect(q.hasReady(500)).toBe(false);
    expect(q.pop(500)).toBeUndefined();
    expect(q.nextBackoffExpiry()).toBe(1000);
    expect(q.hasReady(1000)).toBe(true);
    const again = q.pop(1000)!;
    q.failed(again, 1000, 'unschedulable');
    q.moveAllToActiveOrBackoff(1500);
    expect(q.where('default/a')).toBe('backoff');
    expect(q.hasReady(1500)).toBe(true);
    expect(q.pop(1500)?.key).toBe('default/a');
  });
});
