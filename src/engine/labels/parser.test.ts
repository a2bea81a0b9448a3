import { describe, expect, it } from 'vitest';
import { parseRequirements, parseSelector } from './parser.ts';

const errorOf = (text: string): string => {
  const r = parseSelector(text);
  if (r.ok) throw new Error(`${text} parsed`);
  return r.error;
};

const nameMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const valueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('parseSelector errors (the texts kube-apiserver returns)', () => {
  it.each([
    ['x in (a', "unable to parse requirement: found '', expected: ',' or ')'"],
    ['a notin(', "unable to parse requirement: found '', expected: ',', ')' or identifier"],
    ['a in (x y)', "unable to parse requirement: found 'y', expected: ',' or ')'"],
    // v1.34 (verified with kubectl v1.34.5): an even run of commas before ')' is rejected.
    ['x in (a,,)', "unable to parse requirement: found ')', expected: ',', or identifier"],
    ['x in (a,,,,,,)', "unable to parse requirement: found ')', expected: ',', or identifier"],
    ['x in (a,=)', "unable to parse requirement: found '=', expected: ',', or identifier"],
    ['x in x', "unable to parse requirement: found 'x' expected: '('"],
    ['!', "unable to parse requirement: found '', expected: identifier"],
    ['x=(', "unable to parse requirement: found '(', expected: identifier"],
    [
      'component not in (x)',
      "unable to parse requirement: found 'not', expected: in, notin, =, ==, !=, gt, lt",
    ],
    ['a (', "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt"],
    ['x,,y', "found ',', expected: identifier after ','"],
    ['a in (xyz),', "found '', expected: identifier after ','"],
    [',x', "found ',', expected: !, identifier, or 'end of string'"],
    ['(', "found '(', expected: !, identifier, or 'end of string'"],
    ['x==a==b', "found '==', expected: ',' or 'end of string'"],
    ['!x=a', "found '=', expected: ',' or 'end of string'"],
  ])('%j', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('reports a bad key against the nil path, as Go prints it', () => {
    expect(errorOf('-x=y')).toBe(`unable to parse requirement: <nil>: Invalid value: "-x": ${nameMsg}`);
  });

  it('uses a given path for key errors', () => {
    expect(parseSelector('-x', 'spec.selector')).toEqual({
      ok: false,
      error: `unable to parse requirement: spec.selector: Invalid value: "-x": ${nameMsg}`,
    });
  });

  it('reports a bad value at values[i][key]', () => {
    expect(errorOf('x=-y')).toBe(
      `unable to parse requirement: values[0][x]: Invalid value: "-y": ${valueMsg}`,
    );
    expect(errorOf('x>-1')).toBe(
      `unable to parse requirement: values[0][x]: Invalid value: "-1": ${valueMsg}`,
    );
  });

  it('requires integers for > and <', () => {
    expect(errorOf('x<a')).toBe(
      "unable to parse requirement: values[0]: Invalid value: \"a\": for 'Gt', 'Lt' operators, the value must be an integer",
    );
  });
});

describe('parseSelector results', () => {
  it('sorts requirements by key and values lexically, dropping duplicates', () => {
    const r = parseSelector('z in (b,a,b),a!=1,m');
    expect(r.ok && r.value.toString()).toBe('a!=1,m,z in (a,b)');
  });

  it('keeps the operator spelling (= vs ==)', () => {
    const r = parseSelector('b==2,a=1');
    expect(r.ok && r.value.toString()).toBe('a=1,b==2');
  });

  it('treats in and notin as plain words inside values', () => {
    const r = parseSelector('a in (x,y,notin, z,in)');
    expect(r.ok && r.value.requirements[0]?.values).toEqual(['in', 'notin', 'x', 'y', 'z']);
  });

  it('accepts empty values in every spelling', () => {
    for (const text of ['x=', 'x==', 'x!=', 'x in ()', 'x in (,)', 'x in (a,,,)', 'x in (,a)']) {
      expect(parseSelector(text).ok, text).toBe(true);
    }
  });

  it('separates tokens by space, tab, CR and LF', () => {
    const r = parseSelector('x  notin\t\n(abc,def)\r,y');
    expect(r.ok && r.value.toString()).toBe('x notin (abc,def),y');
  });

  it('returns requirements for callers that inspect them', () => {
    const r = parseRequirements('b,a=1');
    expect(r.ok && r.value.map((q) => [q.key, q.operator, q.values])).toEqual([
      ['a', '=', ['1']],
      ['b', 'exists', []],
    ]);
  });

  it('an empty selector matches everything', () => {
    const r = parseSelector('');
    expect(r.ok && r.value.isEmpty()).toBe(true);
    expect(r.ok && r.value.matches(undefined)).toBe(true);
  });
});
