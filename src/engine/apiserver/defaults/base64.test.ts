import { describe, expect, it } from 'vitest';
import { base64OfString } from './base64.ts';

describe('base64OfString', () => {
  it.each([
    ['', ''],
    ['a', 'YQ=='],
    ['ab', 'YWI='],
    ['abc', 'YWJj'],
    ['abcd', 'YWJjZA=='],
    ['é', 'w6k='],
    ['a😀', 'YfCfmIA='],
  ])('%j → %s (UTF-8 bytes, padded)', (text, expected) => {
    expect(base64OfString(text)).toBe(expected);
  });
});
