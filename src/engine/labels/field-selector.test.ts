import { describe, expect, it } from 'vitest';
import { escapeFieldValue, parseFieldSelector, unescapeFieldValue } from './field-selector.ts';

const parsed = (text: string) => {
  const r = parseFieldSelector(text);
  if (!r.ok) throw new Error(r.error);
  return r.value;
};

describe('parseFieldSelector', () => {
  it('parses =, == and !=, printing terms sorted and == as =', () => {
    const s = parsed('status.phase=Running,spec.nodeName!=node-1,metadata.name==web');
    expect(s.toString()).toBe('metadata.name=web,spec.nodeName!=node-1,status.phase=Running');
    expect(s.requirements).toEqual([
      { field: 'metadata.name', operator: '=', value: 'web' },
      { field: 'spec.nodeName', operator: '!=', value: 'node-1' },
      { field: 'status.phase', operator: '=', value: 'Running' },
    ]);
    expect(s.fields).toEqual(['metadata.name', 'spec.nodeName', 'status.phase']);
  });

  it('treats empty input and empty terms as everything', () => {
    expect(parsed('').isEmpty()).toBe(true);
    expect(parsed(',,').isEmpty()).toBe(true);
  });

  it('rejects a term without an operator', () => {
    expect(parseFieldSelector('a=b,foo')).toEqual({
      ok: false,
      error: "invalid selector: 'a=b,foo'; can't understand 'foo'",
    });
  });

  it('reports unescaped characters by their code, as Go prints a rune', () => {
    expect(parseFieldSelector('a=b=c')).toEqual({
      ok: false,
      error: 'invalid field selector: unescaped character in value: 61',
    });
  });

  it('handles escapes in values', () => {
    const s = parsed('metadata.name=a\\,b\\=c\\\\d');
    expect(s.requirements[0]?.value).toBe('a,b=c\\d');
    expect(s.toString()).toBe('metadata.name=a\\,b\\=c\\\\d');
    expect(parseFieldSelector('a=b\\x')).toEqual({
      ok: false,
      error: 'invalid field selector: invalid escape sequence: \\x',
    });
    expect(parseFieldSelector('a=b\\')).toEqual({
      ok: false,
      error: 'invalid field selector: invalid escape sequence: \\',
    });
  });

  it('splits a term at its first operator', () => {
    expect(parsed('a=!b').requirements[0]).toEqual({ field: 'a', operator: '=', value: '!b' });
    // `!=` is found first, leaving `=b`, whose bare `=` is an error.
    expect(parseFieldSelector('a!==b')).toEqual({
      ok: false,
      error: 'invalid field selector: unescaped character in value: 61',
    });
  });
});

describe('FieldSelector matching', () => {
  const pod: Record<string, string> = { 'metadata.name': 'web', 'status.phase': 'Running' };
  const get = (field: string) => pod[field];

  it('matches equal and not-equal terms', () => {
    expect(parsed('status.phase=Running').matches(get)).toBe(true);
    expect(parsed('status.phase!=Running').matches(get)).toBe(false);
    expect(parsed('status.phase=Running,metadata.name=db').matches(get)).toBe(false);
  });

  it('reads a missing field as the empty string', () => {
    expect(parsed('spec.nodeName=').matches(get)).toBe(true);
    expect(parsed('spec.nodeName!=').matches(get)).toBe(false);
  });

  it('transforms terms and drops emptied ones', () => {
    const s = parsed('a=1,b=2').transform((field, value) => ({
      ok: true,
      value: field === 'a' ? { field: '', value: '' } : { field: `x.${field}`, value },
    }));
    expect(s.ok && s.value.toString()).toBe('x.b=2');
  });
});

describe('escaping', () => {
  it('round-trips', () => {
    const raw = 'a\\b,c=d';
    expect(unescapeFieldValue(escapeFieldValue(raw))).toEqual({ ok: true, value: raw });
  });
});
