import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue.ts';
import { Rng } from './rng.ts';
import { formatDuration, parseDuration } from './duration.ts';
import { VirtualClock, formatCtime, formatRFC1123Z, formatTimestamp } from './clock.ts';

describe('EventQueue', () => {
  it('orders by time, then by scheduling order', () => {
    const q = new EventQueue();
    const seen: string[] = [];
    q.push(20, 'work', 't', () => seen.push('c'));
    q.push(10, 'work', 't', () => seen.push('a'));
    q.push(10, 'work', 't', () => seen.push('b'));
    q.push(5, 'periodic', 't', () => seen.push('first'));
    for (let e = q.pop(); e; e = q.pop()) e.run();
    expect(seen).toEqual(['first', 'a', 'b', 'c']);
  });

  it('skips cancelled events and counts pending work', () => {
    const q = new EventQueue();
    const a = q.push(1, 'work', 'x', () => {});
    q.push(2, 'periodic', 'y', () => {});
    q.push(3, 'work', 'z', () => {});
    expect(q.pendingWork).toBe(2);
    q.cancel(a);
    expect(q.pendingWork).toBe(1);
    expect(q.pendingOwners()).toEqual(['z']);
    expect(q.pop()?.owner).toBe('y');
    expect(q.pop()?.owner).toBe('z');
    expect(q.pop()).toBeUndefined();
    expect(q.pendingWork).toBe(0);
  });

  it('ignores the cancellation of an event that already ran', () => {
    const q = new EventQueue();
    const first = q.push(1, 'work', 'a', () => {});
    q.push(2, 'work', 'b', () => {});
    q.pop()!.run();
    q.cancel(first);
    expect(q.pendingWork).toBe(1);
    expect(q.pendingOwners()).toEqual(['b']);
  });

  it('stays ordered under many random pushes', () => {
    const q = new EventQueue();
    const rng = Rng.fromSeed(7);
    for (let i = 0; i < 2000; i++) q.push(rng.int(100), 'work', 'r', () => {});
    let last = { time: -1, seq: -1 };
    for (let e = q.pop(); e; e = q.pop()) {
      expect(e.time > last.time || (e.time === last.time && e.seq > last.seq)).toBe(true);
      last = e;
    }
  });
});

describe('Rng', () => {
  it('is reproducible from a seed and from a saved state', () => {
    const a = Rng.fromSeed(42);
    const b = Rng.fromSeed(42);
    const first = [a.nextUint32(), a.nextUint32()];
    expect([b.nextUint32(), b.nextUint32()]).toEqual(first);
    const saved = a.getState();
    const next = a.int(1000);
    expect(Rng.fromState(saved).int(1000)).toBe(next);
  });

  it('gives each component an independent stream', () => {
    const s1 = Rng.forComponent(1, 'scheduler');
    const s2 = Rng.forComponent(1, 'scheduler');
    const k = Rng.forComponent(1, 'kubelet/node-1');
    expect(s1.nextUint32()).toBe(s2.nextUint32());
    expect(k.nextUint32()).not.toBe(Rng.forComponent(1, 'scheduler').nextUint32());
  });

  it('keeps int() within bounds', () => {
    const r = Rng.fromSeed(3);
    for (let i = 0; i < 1000; i++) {
      const x = r.int(27);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(27);
    }
  });
});

describe('durations and timestamps', () => {
  it('parses Go-style durations', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('5m')).toBe(300_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('10')).toBe(10_000);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('5x')).toBeUndefined();
  });

  it('formats durations like Go', () => {
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(90_000)).toBe('1m30s');
    expect(formatDuration(3_600_000)).toBe('1h0m0s');
    expect(formatDuration(1500)).toBe('1.5s');
  });

  it('formats metav1.Time with second precision', () => {
    expect(formatTimestamp(Date.UTC(2025, 0, 2, 3, 4, 5, 678))).toBe('2025-01-02T03:04:05Z');
  });

  it('never moves the clock backwards', () => {
    const c = new VirtualClock(1000);
    c.advanceTo(2000);
    expect(c.now()).toBe(2000);
    expect(() => c.advanceTo(10)).toThrow();
  });
});

describe('date layouts', () => {
  const at = Date.UTC(2025, 0, 1, 0, 0, 31);
  it("writes Go's RFC1123Z and C's ctime in UTC", () => {
    expect(formatRFC1123Z(at)).toBe('Wed, 01 Jan 2025 00:00:31 +0000');
    expect(formatCtime(at)).toBe('Wed Jan  1 00:00:31 2025');
    expect(formatCtime(Date.UTC(2024, 3, 12, 3, 34, 19), 'UTC')).toBe('Fri Apr 12 03:34:19 UTC 2024');
  });
});
