import { describe, expect, it } from 'vitest';
import { deduplicateScalars, sliceStable, sortScalars } from './go-sort.ts';
import { formatGoFloat, goDeepEqual, goFormatS, goFormatV, goKind } from './go-values.ts';

describe('Go value semantics', () => {
  it('formats floats as %v does', () => {
    expect(formatGoFloat(0.5)).toBe('0.5');
    expect(formatGoFloat(123456.5)).toBe('123456.5');
    expect(formatGoFloat(1234567.5)).toBe('1.2345675e+06');
    expect(formatGoFloat(1e21)).toBe('1e+21');
    expect(formatGoFloat(0.0001)).toBe('0.0001');
    expect(formatGoFloat(0.00001)).toBe('1e-05');
    expect(formatGoFloat(-2.5e-7)).toBe('-2.5e-07');
  });

  it('formats maps, lists and nil as %v and %s do', () => {
    expect(goFormatV({ b: [1, 'x', null], a: { c: true } })).toBe('map[a:map[c:true] b:[1 x <nil>]]');
    expect(goFormatS(5)).toBe('%!s(int64=5)');
    expect(goFormatS(null)).toBe('%!s(<nil>)');
  });

  it('tells int64 from float64 as Kubernetes decodes JSON numbers', () => {
    expect([goKind(3), goKind(3.5)]).toEqual(['int64', 'float64']);
    expect(goDeepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(goDeepEqual({ a: 1 }, { a: 1, b: null })).toBe(false);
  });
});

describe('Go sorting', () => {
  it('sorts scalars by their %v text, in place', () => {
    const list = [443, 80, 8080, 'a'];
    expect(sortScalars(list)).toBe(list);
    expect(list).toEqual([443, 80, 8080, 'a']);
    const words = ['b', 'c', 'a'];
    sortScalars(words);
    expect(words).toEqual(['a', 'b', 'c']);
  });

  it('deduplicates by moving the last item into the hole', () => {
    expect(deduplicateScalars(['a', 'a', 'b', 'c'])).toEqual(['a', 'c', 'b']);
  });

  it('sorts stably across the merge phases used for long lists', () => {
    const items = Array.from({ length: 57 }, (_, i) => ({ key: (i * 7) % 5, index: i }));
    const expected = [...items].sort((x, y) => x.key - y.key);
    sliceStable(items, (i, j) => (items[i]?.key ?? 0) < (items[j]?.key ?? 0));
    expect(items).toEqual(expected);
  });
});
