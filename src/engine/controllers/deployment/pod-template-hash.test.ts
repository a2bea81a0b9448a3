import { describe, expect, it } from 'vitest';
import { canonicalJson, computeHash, safeEncodeString } from './pod-template-hash.ts';

const template = {
  metadata: { labels: { app: 'nginx' } },
  spec: { containers: [{ name: 'nginx', image: 'nginx' }] },
};

describe('computeHash', () => {
  it('maps decimal digits through the safe alphabet', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
  });

  it('is stable, key-order independent and made of the allowed characters', () => {
    const h = computeHash(template);
    expect(h).toMatch(/^[4-9bcdf]{1,10}$/);
    const reordered = {
      spec: { containers: [{ image: 'nginx', name: 'nginx' }] },
      metadata: template.metadata,
    };
    expect(computeHash(reordered)).toBe(h);
    expect(canonicalJson({ b: 1, a: [true, null] })).toBe('{"a":[true,null],"b":1}');
  });

  it('changes with the template and with the collision count', () => {
    const h = computeHash(template);
    const other = { ...template, spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } };
    expect(computeHash(other)).not.toBe(h);
    expect(computeHash(template, 1)).not.toBe(h);
    expect(computeHash(template, 1)).not.toBe(computeHash(template, 2));
  });

  it('is 9 or 10 characters long for most templates', () => {
    const lengths = Array.from({ length: 200 }, (_, i) => computeHash({ ...template, n: i }).length);
    expect(lengths.filter((l) => l >= 9).length).toBeGreaterThan(190);
  });
});
