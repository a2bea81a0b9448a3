import { describe, expect, it } from 'vitest';
import { cronScheduleError } from './cron.ts';
import { canonicalQuantity, compareQuantity, parseQuantity } from './quantity.ts';
import { goStruct, named, renderGoValue } from './values.ts';

describe('quantity canonical form', () => {
  it.each([
    ['0.5', '500m'],
    ['1000m', '1'],
    ['1500', '1500'],
    ['2000', '2k'],
    ['100m', '100m'],
    ['1Gi', '1Gi'],
    ['1024Mi', '1Gi'],
    ['1.5Gi', '1536Mi'],
    ['1.5Ki', '1536'],
    ['512', '512'],
    ['1e3', '1e3'],
    ['0', '0'],
    ['0.0000000001', '1n'],
  ])('%s prints as %s', (input, expected) => {
    expect(canonicalQuantity(input)).toBe(expected);
  });

  it('compares across formats', () => {
    const a = parseQuantity('1Gi');
    const b = parseQuantity('1000M');
    expect(a && b && compareQuantity(a, b)).toBe(1);
    expect(parseQuantity('1.5.5')).toBeUndefined();
  });
});

describe('cron schedules (robfig/cron ParseStandard)', () => {
  it.each([
    ['*/15 9-17 * * mon-fri', undefined],
    ['@weekly', undefined],
    ['@every 1h30m', undefined],
    ['', 'empty spec string'],
    ['* * *', 'expected exactly 5 fields, found 3: [* * *]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['@often', 'unrecognized descriptor: @often'],
    ['TZ=Europe/Paris 0 9 * * *', undefined],
    ['CRON_TZ=Mars/Olympus 0 9 * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ])('%j → %j', (schedule, error) => {
    expect(cronScheduleError(schedule)).toBe(error);
  });
});

describe('Go value rendering in errors', () => {
  it('follows ErrorBody: %q strings, %v numbers, JSON otherwise', () => {
    expect(renderGoValue('a"b')).toBe('"a\\"b"');
    expect(renderGoValue(42)).toBe('42');
    expect(renderGoValue({ b: '2', a: '<1>' })).toBe('{"a":"\\u003c1\\u003e","b":"2"}');
    expect(renderGoValue(goStruct(['Type', named('Foo')], ['RollingUpdate', null]))).toBe(
      '{"Type":"Foo","RollingUpdate":null}',
    );
    expect(renderGoValue(null)).toBe('null');
  });
});
