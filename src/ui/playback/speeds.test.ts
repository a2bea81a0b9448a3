import { describe, expect, it } from 'vitest';
import { formatElapsed, SPEEDS, speedIndex } from './speeds.ts';

describe('playback speeds', () => {
  it('span 0.1× to 100× and map a speed to its nearest stop', () => {
    expect(SPEEDS[0]).toBe(0.1);
    expect(SPEEDS[SPEEDS.length - 1]).toBe(100);
    expect(speedIndex(1)).toBe(3);
    expect(speedIndex(0.3)).toBe(1);
    expect(speedIndex(1000)).toBe(SPEEDS.length - 1);
  });

  it('formats elapsed virtual time', () => {
    expect(formatElapsed(0)).toBe('00:00.0');
    expect(formatElapsed(61_250)).toBe('01:01.2');
    expect(formatElapsed(3_723_400)).toBe('1:02:03.4');
  });
});
