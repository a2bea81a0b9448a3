import { describe, expect, it } from 'vitest';
import { Requirement, newRequirement, parseInt64 } from './requirement.ts';

const errorOf = (key: string, op: string, values: string[] | null): string => {
  const r = newRequirement(key, op, values);
  if (r.ok) throw new Error('valid');
  return r.error;
};

describe('newRequirement', () => {
  it('names every allowed operator for an unknown one', () => {
    expect(errorOf('x', 'unsupportedOp', [])).toBe(
      'operator: Unsupported value: "unsupportedOp": supported values: "in", "notin", "=", "==", "!=", "gt", "lt", "exists", "!"',
    );
  });

  it('prints an empty nil value list as null and a slice as JSON', () => {
    expect(errorOf('x', 'in', null)).toBe(
      "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
    );
    expect(errorOf('x', '=', ['a', 'b'])).toBe(
      'values: Invalid value: ["a","b"]: exact-match compatibility requires one single value',
    );
    expect(errorOf('x', 'exists', ['a'])).toBe(
      'values: Invalid value: ["a"]: values set must be empty for exists and does not exist',
    );
  });

  it('aggregates several errors in brackets, in Go order', () => {
    const error = errorOf('-k', 'gt', ['a', 'b']);
    expect(error.startsWith('[key: Invalid value: "-k": name part must consist')).toBe(true);
    expect(error).toContain(
      ", values: Invalid value: [\"a\",\"b\"]: for 'Gt', 'Lt' operators, exactly one value is required, values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer, values[1]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer]",
    );
  });

  it('joins several key problems with "; "', () => {
    expect(errorOf('/', 'exists', [])).toBe(
      "key: Invalid value: \"/\": prefix part must be non-empty; name part must be non-empty; name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
    );
  });

  it('attaches a given path', () => {
    const r = newRequirement('x', 'in', [], 'spec.selector');
    expect(r.ok ? '' : r.error).toBe(
      "spec.selector.values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty",
    );
  });
});

describe('Requirement matching', () => {
  const req = (key: string, op: ConstructorParameters<typeof Requirement>[1], values: string[] = []) =>
    new Requirement(key, op, values);

  it('treats a missing key per operator', () => {
    expect(req('x', 'in', ['a']).matches({})).toBe(false);
    expect(req('x', 'notin', ['a']).matches({})).toBe(true);
    expect(req('x', '!=', ['a']).matches({})).toBe(true);
    expect(req('x', '!').matches({})).toBe(true);
    expect(req('x', 'exists').matches({ x: '' })).toBe(true);
    expect(req('x', 'gt', ['1']).matches({})).toBe(false);
  });

  it('compares integers beyond 2^53 exactly and rejects non-integers', () => {
    expect(req('x', 'gt', ['9007199254740992']).matches({ x: '9007199254740993' })).toBe(true);
    expect(req('x', 'lt', ['0']).matches({ x: '-5' })).toBe(true);
    expect(req('x', 'gt', ['1']).matches({ x: '1.5' })).toBe(false);
    expect(req('x', 'gt', ['1']).matches({ x: '99999999999999999999' })).toBe(false);
  });

  it('uses many values correctly (set lookup)', () => {
    const r = req('x', 'in', ['a', 'b', 'c', 'd', 'e', 'f']);
    expect(r.matches({ x: 'f' })).toBe(true);
    expect(r.matches({ x: 'g' })).toBe(false);
  });

  it('does not mistake inherited object members for labels', () => {
    expect(req('constructor', 'exists').matches({})).toBe(false);
    expect(req('toString', '!').matches({})).toBe(true);
  });

  it('parses int64 like strconv.ParseInt', () => {
    expect(parseInt64('+7')).toBe(7n);
    expect(parseInt64('9223372036854775807')).toBe(9223372036854775807n);
    expect(parseInt64('9223372036854775808')).toBeUndefined();
    expect(parseInt64(' 1')).toBeUndefined();
    expect(parseInt64('')).toBeUndefined();
  });
});
