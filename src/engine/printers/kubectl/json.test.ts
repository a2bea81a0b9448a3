import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nestedCase, quotingCases } from '../testdata/yaml-cases.ts';
import { marshalJson } from './json.ts';
import { printObjects } from './object-output.ts';

function golden(name: string): string {
  return readFileSync(new URL(`../testdata/golden/${name}`, import.meta.url), 'utf8');
}

describe('marshalJson (kubectl -o json)', () => {
  it('indents by four, sorts keys by bytes and escapes <, > and & as Go does', () => {
    const out = marshalJson(quotingCases);
    expect(out).toBe(golden('quoting.json.txt'));
    expect(out).toContain('"html": "\\u003ca\\u0026b\\u003e"');
  });

  it('prints numbers and empty collections as Go does, without managedFields', () => {
    expect(printObjects([nestedCase], 'json', { singleItemImplied: true })).toBe(golden('nested.json.txt'));
  });

  it('ends with a newline and keeps empty objects and arrays inline', () => {
    expect(marshalJson({ b: [], a: {} })).toBe('{\n    "a": {},\n    "b": []\n}\n');
  });
});
