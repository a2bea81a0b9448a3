/**
 * How go-yaml v2 decides to write a string: plain, 'single', "double" or as a | block.
 *
 * The encoder first asks whether the text, written plain, would read back as something
 * other than a string (`true`, `8080`, `null`, a timestamp, `1:20`); if so it is double
 * quoted. Text with a newline asks for a literal block. The emitter then downgrades the
 * requested style when the characters do not allow it (an indicator at the start, `: `
 * inside, leading or trailing blanks, unprintable characters).
 */

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal';

const boolOrNull = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]); // prettier-ignore

const yamlStyleFloat = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const base60Float = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// go-yaml reads these as timestamps (Go layouts "2006-1-2T15:4:5.999999999Z07:00", the same
// with a lower-case t, "2006-1-2 15:4:5.999999999" and "2006-1-2"), when the fields are in range.
const timestampShape =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-](\d{2}):(\d{2}))| (\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)?$/;

function isTimestamp(text: string): boolean {
  const m = timestampShape.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > daysInMonth) return false;
  const hour = Number(m[4] ?? m[9] ?? 0);
  const minute = Number(m[5] ?? m[10] ?? 0);
  const second = Number(m[6] ?? m[11] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return false;
  return Number(m[7] ?? 0) <= 24 && Number(m[8] ?? 0) <= 59;
}

/** Go's strconv.ParseInt/ParseUint with base 0 (prefixes 0x, 0o, 0b, legacy octal 0NNN). */
function parsesAsGoInt(text: string): boolean {
  const body = text.replace(/^[+-]/, '');
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) return true;
  if (/^0[oO][0-7]+$/.test(body)) return true;
  if (/^0[bB][01]+$/.test(body)) return true;
  if (/^0[0-7]*$/.test(body)) return true;
  return /^[1-9][0-9]*$/.test(body);
}

/** True when the text, written plain, would be read back as a string. */
export function resolvesToString(text: string): boolean {
  if (boolOrNull.has(text)) return false;
  const first = text[0] ?? '';
  if (first === '.') return !yamlStyleFloat.test(text);
  if (/[0-9+-]/.test(first)) {
    if (isTimestamp(text)) return false;
    const plain = text.replaceAll('_', '');
    if (parsesAsGoInt(plain)) return false;
    if (yamlStyleFloat.test(plain)) return false;
    if (/^-?0b[01]+$/.test(plain)) return false;
  }
  return true;
}

function isBreak(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

function isBlank(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t';
}

/** libyaml's is_printable, as it reads UTF-8 (code points above U+FFFF are not printable). */
export function isPrintable(cp: number): boolean {
  if (cp === 0x0a) return true;
  if (cp >= 0x20 && cp <= 0x7e) return true;
  if (cp >= 0xa0 && cp <= 0xd7ff) return true;
  if (cp >= 0xe000 && cp <= 0xfffd) return cp !== 0xfeff;
  return false;
}

interface ScalarAnalysis {
  readonly multiline: boolean;
  readonly blockPlainAllowed: boolean;
  readonly singleQuotedAllowed: boolean;
  readonly blockAllowed: boolean;
}

function analyze(value: string): ScalarAnalysis {
  if (value === '')
    return { multiline: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  const chars = [...value];
  let blockIndicators = value.startsWith('---') || value.startsWith('...');
  let lineBreaks = false;
  let special = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let precededByWhitespace = true;
  let previousSpace = false;
  let previousBreak = false;
  chars.forEach((ch, i) => {
    const cp = ch.codePointAt(0)!;
    const followedByWhitespace = i + 1 >= chars.length || isBlank(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) blockIndicators = true;
      else if ((ch === '?' || ch === ':' || ch === '-') && followedByWhitespace) blockIndicators = true;
    } else if (ch === ':' && followedByWhitespace) blockIndicators = true;
    else if (ch === '#' && precededByWhitespace) blockIndicators = true;
    if (!isPrintable(cp)) special = true;
    if (ch === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlank(ch) || isBreak(cp);
  });
  let blockPlainAllowed = true;
  let singleQuotedAllowed = true;
  let blockAllowed = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlainAllowed = false;
  if (trailingSpace) blockAllowed = false;
  if (breakSpace) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
  }
  if (spaceBreak || special) {
    blockPlainAllowed = false;
    singleQuotedAllowed = false;
    blockAllowed = false;
  }
  if (lineBreaks || blockIndicators) blockPlainAllowed = false;
  return { multiline: lineBreaks, blockPlainAllowed, singleQuotedAllowed, blockAllowed };
}

function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

/** Whether a map key can be written as `key:` rather than the `? key` form (at most 128 bytes). */
export function isSimpleKey(key: string): boolean {
  return !analyze(key).multiline && utf8Length(key) <= 128;
}

/**
 * The style a string gets in block context. `requested` is what the encoder asked for:
 * plain for other scalars, and for strings as described at the top of this file.
 */
export function selectScalarStyle(value: string, requested: ScalarStyle, simpleKey: boolean): ScalarStyle {
  const a = analyze(value);
  let style = requested;
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain' && (!a.blockPlainAllowed || (value === '' && simpleKey))) style = 'single';
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

/** The style go-yaml's encoder requests for a string value. */
export function requestedStringStyle(value: string): ScalarStyle {
  if (value.includes('\n')) return 'literal';
  return resolvesToString(value) && !base60Float.test(value) ? 'plain' : 'double';
}
