import { describe, expect, it } from 'vitest';
import { base64ErrorOffset } from './go-base64.ts';
import {
  parseQuantityError,
  quantityErrFormatWrong,
  quantityErrSuffix,
  quantityJsonError,
} from './go-quantity.ts';
import { fitsGoInt, goNumberLiteral, goQuote } from './go-text.ts';
import { goTimeParseError, RFC3339, RFC3339Micro } from './go-time.ts';

describe('base64 (Go StdEncoding)', () => {
  it.each([
    ['', undefined],
    ['aGVsbG8=', undefined],
    ['aGVs\nbG8=', undefined],
    ['aGVsbG8', 4], // missing padding: the offset of the incomplete quantum
    ['abc', 0],
    ['a', 0],
    ['not base64!', 3],
    ['aGVsbG8==', 8], // one '=' too many: trailing garbage
    ['aG=sbG8=', 2],
    ['aGV=bG8=', 4], // data after padding
    ['aGVsbG8=\n', undefined],
    ['aGVsbA=', 7], // "==" expected, input ends
  ])('%j → %s', (input, offset) => {
    expect(base64ErrorOffset(input)).toBe(offset);
  });

  it('counts bytes, not characters', () => {
    expect(base64ErrorOffset('aGé=')).toBe(2);
    expect(base64ErrorOffset('éé')).toBe(0);
  });
});

describe('resource.Quantity parsing', () => {
  it.each([
    '1',
    '0',
    '500m',
    '1.5Gi',
    '1e3',
    '1E3',
    '128974848',
    '+1',
    '-1',
    '.5',
    '1.',
    'm',
    '0.1m',
    '12e+6',
  ])('%s parses', (s) => {
    expect(parseQuantityError(s)).toBeUndefined();
  });

  it.each([
    ['', quantityErrFormatWrong],
    ['1 Gi', quantityErrFormatWrong],
    ['1Gb', quantityErrFormatWrong],
    ['abc', quantityErrFormatWrong],
    ['1.5.5', quantityErrFormatWrong],
    ['500mi', quantityErrSuffix],
    ['1e', quantityErrSuffix],
    ['1Ki3', quantityErrSuffix],
  ])('%j fails', (s, error) => {
    expect(parseQuantityError(s)).toBe(error);
  });

  it('strips quotes and spaces of JSON values like UnmarshalJSON', () => {
    expect(quantityJsonError('" 100Mi "')).toBeUndefined();
    expect(quantityJsonError('1.5')).toBeUndefined();
    expect(quantityJsonError('null')).toBeUndefined();
    expect(quantityJsonError('true')).toBe(quantityErrFormatWrong);
    expect(quantityJsonError('{"a":1}')).toBe(quantityErrFormatWrong);
  });
});

describe('time.Parse', () => {
  it('accepts RFC 3339 times', () => {
    expect(goTimeParseError(RFC3339, '2024-02-29T10:20:30Z')).toBeUndefined();
    expect(goTimeParseError(RFC3339, '2024-02-29T10:20:30.123+02:00')).toBeUndefined();
    expect(goTimeParseError(RFC3339Micro, '2024-01-01T00:00:00.000001Z')).toBeUndefined();
  });

  it('reports Go parse errors', () => {
    expect(goTimeParseError(RFC3339, '2023-01-01')).toBe(
      'parsing time "2023-01-01" as "2006-01-02T15:04:05Z07:00": cannot parse "" as "T"',
    );
    expect(goTimeParseError(RFC3339, '2023-1-01T00:00:00Z')).toBe(
      'parsing time "2023-1-01T00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse "1-01T00:00:00Z" as "01"',
    );
    expect(goTimeParseError(RFC3339, '2023-13-01T00:00:00Z')).toBe(
      'parsing time "2023-13-01T00:00:00Z": month out of range',
    );
    expect(goTimeParseError(RFC3339, '2023-02-30T00:00:00Z')).toBe(
      'parsing time "2023-02-30T00:00:00Z": day out of range',
    );
    expect(goTimeParseError(RFC3339, '2023-01-01T00:00:00Zjunk')).toBe(
      'parsing time "2023-01-01T00:00:00Zjunk": extra text: "junk"',
    );
    expect(goTimeParseError(RFC3339, 'yesterday')).toBe(
      'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
    );
    expect(goTimeParseError(RFC3339Micro, '2024-01-01T00:00:00Z')).toBe(
      'parsing time "2024-01-01T00:00:00Z" as "2006-01-02T15:04:05.000000Z07:00": cannot parse "Z" as ".000000"',
    );
  });
});

describe('Go text helpers', () => {
  it('quotes like strconv.Quote', () => {
    expect(goQuote('spec.replicase')).toBe('"spec.replicase"');
    expect(goQuote('a"b\\c\td\x01')).toBe('"a\\"b\\\\c\\td\\x01"');
    expect(goQuote('héllo')).toBe('"héllo"');
  });

  it('writes numbers as Go writes float64 JSON', () => {
    expect(goNumberLiteral(3)).toBe('3');
    expect(goNumberLiteral(1.5)).toBe('1.5');
    expect(goNumberLiteral(1e21)).toBe('1e+21');
    expect(goNumberLiteral(1e-7)).toBe('1e-7');
  });

  it('checks int ranges like ParseInt and OverflowInt', () => {
    expect(fitsGoInt('2147483647', 32)).toBe(true);
    expect(fitsGoInt('2147483648', 32)).toBe(false);
    expect(fitsGoInt('-9223372036854775808', 64)).toBe(true);
    expect(fitsGoInt('1e+21', 64)).toBe(false);
    expect(fitsGoInt('1.0', 64)).toBe(false);
  });
});
