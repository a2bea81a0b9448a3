/**
 * The text helpers kubectl's explain templates use: go-wordwrap's WrapString (through
 * kubectl's word-wrap writer), the templates' `indent`, and Go templates' notion of truth.
 */

/** Go's unicode.IsSpace, less the no-break space that go-wordwrap treats as part of a word. */
function isBreakingSpace(ch: string): boolean {
  return /^[\t\n\v\f\r \u0085\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]$/u.test(ch);
}

/**
 * Wraps `text` at white space so that lines stay within `limit` characters where words
 * allow: a word longer than the limit runs past it; line breaks in the text are kept;
 * spaces at a wrap point are dropped. A limit of 0 leaves the text as it is.
 */
export function wrapText(text: string, limit: number): string {
  if (limit <= 0) return text;
  let out = '';
  let current = 0;
  let word = '';
  let wordLen = 0;
  let space = '';
  let spaceLen = 0;
  const flush = (): void => {
    current += spaceLen + wordLen;
    out += space + word;
    space = '';
    spaceLen = 0;
    word = '';
    wordLen = 0;
  };
  for (const ch of text) {
    if (ch === '\n') {
      if (wordLen === 0) {
        if (current + spaceLen <= limit) out += space;
        space = '';
        spaceLen = 0;
      } else {
        flush();
      }
      out += ch;
      current = 0;
    } else if (isBreakingSpace(ch)) {
      if (spaceLen === 0 || wordLen > 0) flush();
      space += ch;
      spaceLen++;
    } else {
      word += ch;
      wordLen++;
      if (current + spaceLen + wordLen > limit && wordLen < limit) {
        out += '\n';
        current = 0;
        space = '';
        spaceLen = 0;
      }
    }
  }
  if (wordLen === 0) {
    if (current + spaceLen <= limit) out += space;
  } else {
    out += space + word;
  }
  return out;
}

/** Prefixes `text` and every line after a line break with `amount` spaces (empty lines too). */
export function indentText(amount: number, text: string): string {
  const pad = ' '.repeat(Math.max(0, amount));
  return pad + text.split('\n').join(`\n${pad}`);
}

/** Go templates' truth: false, 0, nil, and empty strings, arrays and maps are false. */
export function truthy(value: unknown): boolean {
  if (value === undefined || value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}
