import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keepLastCase, nestedCase, quotingCases } from '../../testdata/yaml-cases.ts';
import { printObjects } from '../object-output.ts';
import { compareYamlKeys } from './key-order.ts';
import { marshalYaml } from './marshal.ts';

/** `kubectl get ... -o yaml` output captured from kubectl v1.34.5. */
function golden(name: string): string {
  return readFileSync(new URL(`../../testdata/golden/${name}`, import.meta.url), 'utf8');
}

describe('marshalYaml (go-yaml v2 as kubectl -o yaml uses it)', () => {
  it('quotes, folds and orders like kubectl', () => {
    expect(marshalYaml(quotingCases)).toBe(golden('quoting.yaml.txt'));
  });

  it('writes sequences unindented under their key, empty collections in flow style', () => {
    const out = printObjects([nestedCase], 'yaml', { singleItemImplied: true });
    expect(out).toBe(golden('nested.yaml.txt'));
    expect(out).toContain('  containers:\n  - args:\n');
    expect(out).toContain('  nested:\n  - - 1\n    - 2\n  - []\n');
  });

  it('ends a document whose last value is a |+ block without a document end marker', () => {
    expect(marshalYaml(keepLastCase)).toBe(golden('keep-last.yaml.txt'));
  });

  it.each([
    ['8080', '"8080"'],
    ['true', '"true"'],
    ['no', '"no"'],
    ['', '""'],
    ['2025-01-01T10:00:00Z', '"2025-01-01T10:00:00Z"'],
    ['2025-13-01', '2025-13-01'],
    ['1.2.3', '1.2.3'],
    ['*', "'*'"],
    ['a: b', "'a: b'"],
    ["it's", "it's"],
    ["'q'", "'''q'''"],
    ['a\tb', '"a\\tb"'],
    ['😀', '"\\U0001F600"'],
    ['<<', '<<'],
  ])('writes the string %j as %s', (value, expected) => {
    expect(marshalYaml({ k: value })).toBe(`k: ${expected}\n`);
  });

  it('folds a long plain string at the first space past column 80, indented under its key', () => {
    const text = `${'x'.repeat(70)} ${'y'.repeat(12)} tail end`;
    expect(marshalYaml({ key: text })).toBe(`key: ${'x'.repeat(70)} ${'y'.repeat(12)}\n  tail end\n`);
  });

  it('orders keys naturally: non-letters first, digit runs by value', () => {
    const keys = ['za', 'z10', 'zA', 'z9', 'z_a', 'z.a', 'z-a'];
    expect([...keys].sort(compareYamlKeys)).toEqual(['z-a', 'z.a', 'z_a', 'z9', 'z10', 'zA', 'za']);
  });
});
