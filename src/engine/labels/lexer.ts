/**
 * The tokenizer of apimachinery's label selector parser. It works on characters the way the
 * Go lexer works on bytes: whitespace separates tokens, `= ! ( ) , > <` form operators
 * (longest match), and everything else is an identifier, where `in`/`notin` are keywords.
 */

export type Token =
  | 'error'
  | 'eos'
  | 'closedPar'
  | 'comma'
  | 'doesNotExist'
  | 'doubleEquals'
  | 'equals'
  | 'greaterThan'
  | 'identifier'
  | 'in'
  | 'lessThan'
  | 'notEquals'
  | 'notIn'
  | 'openPar';

export interface ScannedItem {
  readonly token: Token;
  readonly literal: string;
}

const keywords: Readonly<Record<string, Token>> = {
  ')': 'closedPar',
  ',': 'comma',
  '!': 'doesNotExist',
  '==': 'doubleEquals',
  '=': 'equals',
  '>': 'greaterThan',
  in: 'in',
  '<': 'lessThan',
  '!=': 'notEquals',
  notin: 'notIn',
  '(': 'openPar',
};

function keyword(text: string): Token | undefined {
  return Object.prototype.hasOwnProperty.call(keywords, text) ? keywords[text] : undefined;
}

function isWhitespace(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
}

function isSpecialSymbol(ch: string): boolean {
  return ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';
}

/** End of input and a NUL character look the same to the Go lexer; both read as ''. */
const end = '\0';

class Lexer {
  #pos = 0;
  readonly #s: string;

  constructor(s: string) {
    this.#s = s;
  }

  #read(): string {
    if (this.#pos < this.#s.length) return this.#s[this.#pos++] ?? end;
    return end;
  }

  #unread(): void {
    this.#pos--;
  }

  #scanIdOrKeyword(): ScannedItem {
    let buffer = '';
    for (;;) {
      const ch = this.#read();
      if (ch === end) break;
      if (isSpecialSymbol(ch) || isWhitespace(ch)) {
        this.#unread();
        break;
      }
      buffer += ch;
    }
    return { token: keyword(buffer) ?? 'identifier', literal: buffer };
  }

  #scanSpecialSymbol(): ScannedItem {
    let last: ScannedItem | undefined;
    let buffer = '';
    for (;;) {
      const ch = this.#read();
      if (ch === end) break;
      if (!isSpecialSymbol(ch)) {
        this.#unread();
        break;
      }
      buffer += ch;
      const token = keyword(buffer);
      if (token) last = { token, literal: buffer };
      else if (last) {
        this.#unread();
        break;
      }
    }
    return last ?? { token: 'error', literal: `error expected: keyword found '${buffer}'` };
  }

  lex(): ScannedItem {
    let ch = this.#read();
    while (isWhitespace(ch)) ch = this.#read();
    if (ch === end) return { token: 'eos', literal: '' };
    this.#unread();
    return isSpecialSymbol(ch) ? this.#scanSpecialSymbol() : this.#scanIdOrKeyword();
  }
}

/** Every token of `s`, ending with `eos`. */
export function scan(s: string): ScannedItem[] {
  const lexer = new Lexer(s);
  const items: ScannedItem[] = [];
  for (;;) {
    const item = lexer.lex();
    items.push(item);
    if (item.token === 'eos') return items;
  }
}
