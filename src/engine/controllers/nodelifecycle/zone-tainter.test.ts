import { describe, expect, it } from 'vitest';
import { computeZoneState, TokenBucket, zoneEvictionRate, ZoneTainter } from './zone-tainter.ts';

describe('TokenBucket', () => {
  it('allows one node at once, then one every 10 s at 0.1 per second', () => {
    const bucket = new TokenBucket(0.1, 0);
    expect(bucket.tryAccept(0)).toBe(true);
    expect(bucket.tryAccept(0)).toBe(false);
    expect(bucket.msUntilToken(4_000)).toBe(6_000);
    expect(bucket.tryAccept(9_999)).toBe(false);
    expect(bucket.tryAccept(10_000)).toBe(true);
  });

  it('never allows anything at rate 0', () => {
    const bucket = new TokenBucket(0, 0);
    expect(bucket.tryAccept(1_000_000)).toBe(false);
    expect(bucket.msUntilToken(0)).toBeUndefined();
  });
});

describe('ZoneTainter', () => {
  it('hands nodes out in order, as fast as the limiter allows, and remembers them until removed', () => {
    const tainter = new ZoneTainter(0.1, 0);
    expect(tainter.add('a', 0)).toBe(true);
    expect(tainter.add('b', 0)).toBe(true);
    expect(tainter.add('a', 0)).toBe(false);
    const seen: string[] = [];
    const fn = (name: string) => {
      seen.push(name);
      return { ok: true, retryMs: 0 };
    };
    expect(tainter.try(0, fn)).toBe(10_000);
    expect(seen).toEqual(['a']);
    expect(tainter.try(10_000, fn)).toBeUndefined();
    expect(seen).toEqual(['a', 'b']);
    // Processed, but still known: not queued again until removed.
    expect(tainter.add('a', 20_000)).toBe(false);
    expect(tainter.remove('a')).toBe(true);
    expect(tainter.add('a', 20_000)).toBe(true);
  });

  it('retries a node whose processing failed', () => {
    const tainter = new ZoneTainter(10, 0);
    tainter.add('a', 0);
    let calls = 0;
    tainter.try(0, () => ({ ok: ++calls > 1, retryMs: 50 }));
    expect(calls).toBe(1);
    expect(tainter.pending).toBe(1);
    tainter.try(151, () => ({ ok: ++calls > 1, retryMs: 50 }));
    expect(calls).toBe(2);
    expect(tainter.pending).toBe(0);
  });
});

describe('computeZoneState', () => {
  const cases: [string[], string][] = [
    [['True', 'True', 'True', 'True'], 'Normal'],
    [['True', 'Unknown', 'True', 'True'], 'Normal'],
    [['Unknown', 'Unknown', 'Unknown', 'True'], 'PartialDisruption'],
    [['Unknown', 'Unknown', 'True', 'True'], 'Normal'],
    [['Unknown', 'False'], 'FullDisruption'],
  ];
  for (const [statuses, state] of cases) {
    it(`${statuses.join(',')} → ${state}`, () => {
      expect(computeZoneState(statuses).state).toBe(state);
    });
  }

  it('stops evictions in a disrupted small zone and slows them in a large one', () => {
    expect(zoneEvictionRate('PartialDisruption', 4)).toBe(0);
    expect(zoneEvictionRate('PartialDisruption', 51)).toBe(0.01);
    expect(zoneEvictionRate('Normal', 4)).toBe(0.1);
  });
});
