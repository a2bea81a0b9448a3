/**
 * A JSON parser for request bodies that keeps what JSON.parse loses and the Go decoder
 * sees: the order of object keys as written (JavaScript moves integer-like keys first) and
 * repeated keys. Each parsed object carries its entries under the `jsonEntries` symbol.
 */
import type { JsonValue } from '../api/types.ts';

export const jsonEntries: unique symbol = Symbol('jsonEntries');

/** An object parsed from text; its own properties hold the last value of each key. */
export type ParsedObject = { [key: string]: JsonValue } & { [jsonEntries]?: [string, JsonValue][] };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

export function parseJsonText(text: string): JsonValue {
  let i = 0;
  const fail = (what: string): never => {
    throw new JsonSyntaxError(`invalid JSON: ${what} at offset ${i}`, i);
  };
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i] as string)) i++;
  };
  const value = (): JsonValue => {
    ws();
    const c = text[i];
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === 't' && text.startsWith('true', i)) return ((i += 4), true);
    if (c === 'f' && text.startsWith('false', i)) return ((i += 5), false);
    if (c === 'n' && text.startsWith('null', i)) return ((i += 4), null);
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
    if (!m || m[0] === '' || m[0] === '-') return fail('unexpected character');
    i += m[0].length;
    return Number(m[0]);
  };
  const string = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if ((text.charCodeAt(i) as number) < 0x20) fail('control character in string');
      i++;
    }
    if (i >= text.length) fail('unterminated string');
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const array = (): JsonValue[] => {
    i++;
    const out: JsonValue[] = [];
    ws();
    if (text[i] === ']') return (i++, out);
    for (;;) {
      out.push(value());
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === ']') return (i++, out);
      else fail("expected ',' or ']'");
    }
  };
  const object = (): ParsedObject => {
    i++;
    const out: ParsedObject = {};
    const entries: [string, JsonValue][] = [];
    Object.defineProperty(out, jsonEntries, { value: entries, enumerable: false });
    ws();
    if (text[i] === '}') return (i++, out);
    for (;;) {
      ws();
      if (text[i] !== '"') fail('expected object key');
      const key = string();
      ws();
      if (text[i] !== ':') fail("expected ':'");
      i++;
      const v = value();
      entries.push([key, v]);
      // defineProperty keeps a `__proto__` key an ordinary property.
      Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      ws();
      if (text[i] === ',') i++;
      else if (text[i] === '}') return (i++, out);
      else fail("expected ',' or '}'");
    }
  };
  const result = value();
  ws();
  if (i < text.length) fail('trailing data');
  return result;
}
