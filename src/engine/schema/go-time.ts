/**
 * Go's time.Parse for the two layouts Kubernetes timestamps use, reduced to what matters
 * here: whether a value parses and, if not, Go's exact error text (metav1.Time and
 * metav1.MicroTime return it unchanged, and the API server passes it through).
 */

import { utf8Bytes } from './go-text.ts';

export const RFC3339 = '2006-01-02T15:04:05Z07:00';
export const RFC3339Micro = '2006-01-02T15:04:05.000000Z07:00';

type Chunk =
  | { kind: 'lit'; text: string }
  | { kind: 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second' | 'tz'; text: string }
  | { kind: 'frac'; text: string; digits: number };

function chunks(layout: string): Chunk[] {
  return layout === RFC3339Micro
    ? [...base.slice(0, 11), { kind: 'frac', text: '.000000', digits: 6 }, base[11] as Chunk]
    : base;
}

const base: Chunk[] = [
  { kind: 'year', text: '2006' },
  { kind: 'lit', text: '-' },
  { kind: 'month', text: '01' },
  { kind: 'lit', text: '-' },
  { kind: 'day', text: '02' },
  { kind: 'lit', text: 'T' },
  { kind: 'hour', text: '15' },
  { kind: 'lit', text: ':' },
  { kind: 'minute', text: '04' },
  { kind: 'lit', text: ':' },
  { kind: 'second', text: '05' },
  { kind: 'tz', text: 'Z07:00' },
];

/** The quoting of Go's time package: ASCII kept, control and non-ASCII bytes as \x escapes. */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (c >= 0x20 && c < 0x80) out += ch;
    else for (const b of utf8Bytes(ch)) out += '\\x' + b.toString(16).padStart(2, '0');
  }
  return out + '"';
}

const isDigit = (s: string, i: number): boolean => i < s.length && s[i]! >= '0' && s[i]! <= '9';

/** getnum: one or two digits, exactly two when `fixed`. */
function getnum(s: string, fixed: boolean): [number, string] | undefined {
  if (!isDigit(s, 0)) return undefined;
  if (!isDigit(s, 1)) return fixed ? undefined : [Number(s[0]), s.slice(1)];
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** time.Parse(layout, value): undefined when it parses, else the error message. */
export function goTimeParseError(layout: string, value: string): string | undefined {
  const bad = (layoutElem: string, valueElem: string): string =>
    `parsing time ${quote(value)} as ${quote(layout)}: cannot parse ${quote(valueElem)} as ${quote(layoutElem)}`;
  const withMessage = (message: string): string => `parsing time ${quote(value)}${message}`;
  let rest = value;
  let year = 0;
  let month = 1;
  let day = 1;
  const list = chunks(layout);
  for (let i = 0; i < list.length; i++) {
    const c = list[i] as Chunk;
    const hold = rest;
    let range = '';
    let ok = true;
    switch (c.kind) {
      case 'lit':
        if (!rest.startsWith(c.text)) return bad(c.text, rest);
        rest = rest.slice(c.text.length);
        continue;
      case 'year': {
        const p = rest.slice(0, 4);
        ok = rest.length >= 4 && /^[+-]?[0-9]+$/.test(p);
        if (ok) [year, rest] = [Number(p), rest.slice(4)];
        break;
      }
      case 'month':
      case 'day':
      case 'hour':
      case 'minute':
      case 'second': {
        const got = getnum(rest, c.kind !== 'hour');
        if (!got) {
          ok = false;
          break;
        }
        const [n, after] = got;
        rest = after;
        if (c.kind === 'month') [month, range] = [n, n <= 0 || n > 12 ? 'month' : ''];
        if (c.kind === 'day') day = n;
        if (c.kind === 'hour' && n >= 24) range = 'hour';
        if (c.kind === 'minute' && n >= 60) range = 'minute';
        if (c.kind === 'second') {
          if (n >= 60) range = 'second';
          // A fraction after the seconds is accepted unless the layout spells one out.
          const nextIsFrac = list[i + 1]?.kind === 'frac';
          if (
            !range &&
            !nextIsFrac &&
            rest.length >= 2 &&
            (rest[0] === '.' || rest[0] === ',') &&
            isDigit(rest, 1)
          ) {
            let n2 = 2;
            while (isDigit(rest, n2)) n2++;
            rest = rest.slice(n2);
          }
        }
        break;
      }
      case 'frac': {
        const ndigit = 1 + c.digits;
        ok =
          rest.length >= ndigit &&
          (rest[0] === '.' || rest[0] === ',') &&
          /^[0-9]+$/.test(rest.slice(1, ndigit));
        if (ok) rest = rest.slice(ndigit);
        break;
      }
      case 'tz': {
        if (rest.startsWith('Z')) {
          rest = rest.slice(1);
          break;
        }
        if (rest.length < 6 || rest[3] !== ':') {
          ok = false;
          break;
        }
        const hr = getnum(rest.slice(1, 3), true);
        const mm = hr && getnum(rest.slice(4, 6), true);
        ok = !!hr && !!mm && (rest[0] === '+' || rest[0] === '-');
        if (hr && hr[0] > 24) range = 'time zone offset hour';
        if (mm && mm[0] > 60) range = 'time zone offset minute';
        rest = rest.slice(6);
        break;
      }
    }
    if (range) return withMessage(`: ${range} out of range`);
    if (!ok) return bad(c.text, hold);
  }
  if (rest.length) return withMessage(`: extra text: ${quote(rest)}`);
  if (day < 1 || day > daysIn(month, year)) return withMessage(': day out of range');
  return undefined;
}
