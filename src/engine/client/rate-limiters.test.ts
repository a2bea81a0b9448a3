import { describe, expect, it } from 'vitest';
import {
  BucketRateLimiter,
  defaultControllerRateLimiter,
  ItemExponentialFailureRateLimiter,
  MaxOfRateLimiter,
} from './rate-limiters.ts';

describe('ItemExponentialFailureRateLimiter', () => {
  it('doubles per failure from the base delay, per key, up to the maximum', () => {
    const l = new ItemExponentialFailureRateLimiter(5, 1000);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(() => l.when('a'))).toEqual([5, 10, 20, 40, 80, 160, 320, 640]);
    expect(l.when('a')).toBe(1000);
    expect(l.when('b')).toBe(5);
    expect(l.numRequeues('a')).toBe(9);
    l.forget('a');
    expect(l.numRequeues('a')).toBe(0);
    expect(l.when('a')).toBe(5);
  });
});

describe('BucketRateLimiter', () => {
  it('lets a burst through, then spaces items at the rate, refilling with time', () => {
    const l = new BucketRateLimiter(10, 3);
    expect([l.when('x', 0), l.when('y', 0), l.when('z', 0)]).toEqual([0, 0, 0]);
    expect(l.when('w', 0)).toBeCloseTo(100);
    expect(l.when('v', 0)).toBeCloseTo(200);
    // 1 s later the two borrowed tokens are repaid and 3 more saved (capped at the burst).
    expect(l.when('u', 1000)).toBe(0);
    expect(l.numRequeues('u')).toBe(0);
  });
});

describe('defaultControllerRateLimiter', () => {
  it('is the worst of the per-item exponential and the overall bucket', () => {
    const l = defaultControllerRateLimiter();
    expect([l.when('k', 0), l.when('k', 0), l.when('k', 0)]).toEqual([5, 10, 20]);
    expect(l.numRequeues('k')).toBe(3);
    for (let i = 0; i < 30; i++) l.when('k', 0);
    expect(l.when('k', 0)).toBe(1000 * 1000);
    const max = new MaxOfRateLimiter(
      new ItemExponentialFailureRateLimiter(1, 10),
      new BucketRateLimiter(1, 1),
    );
    expect(max.when('a', 0)).toBe(1);
    expect(max.when('a', 0)).toBe(1000);
    max.forget('a');
    expect(max.numRequeues('a')).toBe(0);
  });
});
