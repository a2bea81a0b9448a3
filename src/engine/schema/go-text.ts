/**
 * Small reproductions of Go standard library text behaviour that shows up in API server
 * messages: strconv.Quote, JSON number literals, strconv.ParseInt/ParseUint and byte lengths.
 */

/** Go's `%q` / strconv.Quote for the strings that appear in field paths. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c === 0x07) out += '\\a';
    else if (c === 0x08) out += '\\b';
    else if (c === 0x0c) out += '\\f';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0b) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else if ((c >= 0x80 && c < 0xa0) || c === 0xad || (c >= 0xd800 && c < 0xe000) || c === 0xfeff) {
      out += c > 0xffff ? '\\U' + c.toString(16).padStart(8, '0') : '\\u' + c.toString(16).padStart(4, '0');
    } else out += ch;
  }
  return out + '"';
}

/**
 * The JSON literal Go's encoder writes for a float64 — what kubectl sends for a number read
 * from YAML. JavaScript's shortest round-trip formatting and exponent thresholds (1e-6, 1e21)
 * match Go's, including the `e+21` / `e-7` exponent spelling.
 */
export function goNumberLiteral(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

const int32Range = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const int64Range = [-(2n ** 63n), 2n ** 63n - 1n] as const;

/** strconv.ParseInt(s, 10, 64) followed by reflect's OverflowInt for int32/int64. */
export function fitsGoInt(literal: string, bits: 32 | 64): boolean {
  if (!/^[+-]?[0-9]+$/.test(literal)) return false;
  const v = BigInt(literal);
  const [min, max] = bits === 32 ? int32Range : int64Range;
  return v >= min && v <= max;
}

/** strconv.ParseUint(s, 10, 64) followed by OverflowUint for uint8. */
export function fitsGoUint8(literal: string): boolean {
  return /^\+?[0-9]+$/.test(literal) && BigInt(literal) <= 255n;
}

/** The UTF-8 encoding of `s`: Go indexes strings by byte. */
export function utf8Bytes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  }
  return out;
}
