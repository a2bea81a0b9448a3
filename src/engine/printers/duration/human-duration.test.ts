import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration, translateTimestampSince } from './human-duration.ts';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration (apimachinery HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1999, '0s'],
    [-1 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [5 * s, '5s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [3 * m + 12 * s, '3m12s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m + 30 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [5 * h + 20 * m, '5h20m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h + 30 * m, '8h'],
    [47 * h + 59 * m, '47h'],
    [2 * d, '2d'],
    [2 * d + 3 * h, '2d3h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d + 5 * h, '8d'],
    [400 * d, '400d'],
    [2 * y - d, '729d'],
    [2 * y, '2y'],
    [3 * y + 20 * d, '3y20d'],
    [8 * y + 100 * d, '8y'],
  ])('%i ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });
});

describe('shortHumanDuration', () => {
  it.each([
    [-5 * s, '<invalid>'],
    [59 * s, '59s'],
    [61 * m, '1h'],
    [25 * h, '1d'],
    [400 * d, '1y'],
  ])('%i ms → %s', (ms, text) => {
    expect(shortHumanDuration(ms)).toBe(text);
  });
});

describe('translateTimestampSince', () => {
  const now = Date.parse('2025-01-01T12:00:00Z');
  it('measures against the given virtual now', () => {
    expect(translateTimestampSince('2025-01-01T11:57:48Z', now)).toBe('2m12s');
  });
  it('prints <unknown> for a missing or zero time', () => {
    expect(translateTimestampSince(undefined, now)).toBe('<unknown>');
    expect(translateTimestampSince(null, now)).toBe('<unknown>');
    expect(translateTimestampSince('0001-01-01T00:00:00Z', now)).toBe('<unknown>');
  });
});
