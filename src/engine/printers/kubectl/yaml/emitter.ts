/**
 * Writes scalars the way libyaml's emitter (inside go-yaml v2) does, keeping its notion of
 * column, indent and "whitespace/indention" state so that line folding and indentation
 * come out character for character. Folding: once a line has passed column 80, the next
 * single space in a plain or quoted scalar becomes a line break.
 */
import { isPrintable, type ScalarStyle } from './scalar-style.ts';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

function isBreakChar(ch: string | undefined): boolean {
  return ch === '\n' || ch === '\r' || ch === '\u0085' || ch === '\u2028' || ch === '\u2029';
}

const shortEscapes: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

function escape(cp: number): string {
  const short = shortEscapes[cp];
  if (short !== undefined) return `\\${short}`;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (cp <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

export class Emitter {
  out = '';
  column = 0;
  indent = -1;
  readonly #indents: number[] = [];
  whitespace = true;
  indention = true;

  put(text: string): void {
    this.out += text;
    this.column += [...text].length;
  }

  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }

  /** A line break from the value itself: `\n` as a newline, other break characters as they are. */
  #writeBreak(ch: string): void {
    this.out += ch;
    this.column = 0;
  }

  increaseIndent(flow: boolean, indentless: boolean): void {
    this.#indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }

  popIndent(): void {
    this.indent = this.#indents.pop() ?? -1;
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace))
      this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }

  writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  writeScalar(value: string, style: ScalarStyle, allowBreaks: boolean): void {
    switch (style) {
      case 'plain':
        return this.#writePlain(value, allowBreaks);
      case 'single':
        return this.#writeSingleQuoted(value, allowBreaks);
      case 'double':
        return this.#writeDoubleQuoted(value, allowBreaks);
      case 'literal':
        return this.#writeLiteral(value);
    }
  }

  #writePlain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const chars = [...value];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    }
    this.whitespace = false;
    this.indention = false;
  }

  #writeSingleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator("'", true, false, false);
    const chars = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      if (ch === ' ') {
        const canFold = i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ';
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && canFold) this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else if (isBreakChar(ch)) {
        if (!breaks && ch === '\n') this.putBreak();
        this.#writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  #writeDoubleQuoted(value: string, allowBreaks: boolean): void {
    this.writeIndicator('"', true, false, false);
    const chars = [...value];
    let spaces = false;
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i]!;
      const cp = ch.codePointAt(0)!;
      if (!isPrintable(cp) || cp === 0xfeff || isBreakChar(ch) || ch === '"' || ch === '\\') {
        this.put(escape(cp));
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          // A fold swallows the space; a following space must survive it.
          if (chars[i + 1] === ' ') this.put('\\');
        } else {
          this.put(ch);
        }
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  #writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    this.#writeBlockHints(value);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of value) {
      if (isBreakChar(ch)) {
        this.#writeBreak(ch);
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
          breaks = false;
        }
        this.put(ch);
        this.indention = false;
      }
    }
  }

  #writeBlockHints(value: string): void {
    const chars = [...value];
    const first = chars[0];
    if (first === ' ' || isBreakChar(first)) this.writeIndicator(String(BEST_INDENT), false, false, false);
    let chomp = '';
    const last = chars[chars.length - 1];
    if (chars.length === 0 || !isBreakChar(last)) chomp = '-';
    else if (chars.length === 1 || isBreakChar(chars[chars.length - 2])) chomp = '+';
    if (chomp !== '') this.writeIndicator(chomp, false, false, false);
  }
}
