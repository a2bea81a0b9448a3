import { describe, expect, it } from 'vitest';
import { Rng } from '../time/rng.ts';
import { pickEndpoint } from './endpoint-pick.ts';

describe('pickEndpoint', () => {
  it('has nothing to pick without endpoints', () => {
    expect(pickEndpoint([], Rng.forComponent(1, 'test'))).toBeUndefined();
  });

  it('walks the ladder: a draw under 1/n takes the first rule, later draws the next ones', () => {
    const draws = (values: number[]) => ({ float: () => values.shift() ?? 0 });
    expect(pickEndpoint(['a', 'b', 'c'], draws([0.3]))).toBe('a');
    expect(pickEndpoint(['a', 'b', 'c'], draws([0.5, 0.4]))).toBe('b');
    expect(pickEndpoint(['a', 'b', 'c'], draws([0.5, 0.6]))).toBe('c');
  });

  it('spreads connections evenly', () => {
    const rng = Rng.forComponent(7, 'spread');
    const counts = new Map<string, number>();
    for (let i = 0; i < 3000; i++) {
      const e = pickEndpoint(['a', 'b', 'c'], rng)!;
      counts.set(e, (counts.get(e) ?? 0) + 1);
    }
    for (const e of ['a', 'b', 'c']) expect(Math.abs((counts.get(e) ?? 0) - 1000)).toBeLessThan(100);
  });
});
