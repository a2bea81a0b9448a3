/**
 * The label selector grammar of apimachinery `labels.Parse`:
 *
 *   selector    ::= requirement | requirement "," selector
 *   requirement ::= ["!"] KEY [ ("in" | "notin") "(" VALUES ")" | ("=" | "==" | "!=" | ">" | "<") VALUE ]
 *
 * Errors are Go's texts, e.g. `unable to parse requirement: found '', expected: ',' or ')'`.
 * Inside values, `in` and `notin` are ordinary words (`notin=in` is a valid selector).
 */
import { formatFieldError } from '../api/field-errors.ts';
import type { ScannedItem, Token } from './lexer.ts';
import { scan } from './lexer.ts';
import type { Operator, Requirement } from './requirement.ts';
import { binaryOperators, compareBytes, newRequirement, validateLabelKey } from './requirement.ts';
import type { Result } from './result.ts';
import { failure, success } from './result.ts';
import { LabelSelector } from './selector.ts';

type Context = 'keyAndOperator' | 'values';

class ParseError {
  constructor(readonly message: string) {}
}

class Parser {
  readonly #items: ScannedItem[];
  #position = 0;
  readonly #path: string | undefined;

  constructor(text: string, path: string | undefined) {
    this.#items = scan(text);
    this.#path = path;
  }

  #at(index: number, context: Context): ScannedItem {
    const item = this.#items[index] ?? { token: 'eos', literal: '' };
    if (context === 'values' && (item.token === 'in' || item.token === 'notIn')) {
      return { token: 'identifier', literal: item.literal };
    }
    return item;
  }

  #lookahead(context: Context): ScannedItem {
    return this.#at(this.#position, context);
  }

  #consume(context: Context): ScannedItem {
    return this.#at(this.#position++, context);
  }

  parse(): Requirement[] {
    const requirements: Requirement[] = [];
    for (;;) {
      const { token, literal } = this.#lookahead('values');
      if (token === 'eos') return requirements;
      if (token !== 'identifier' && token !== 'doesNotExist') {
        throw new ParseError(`found '${literal}', expected: !, identifier, or 'end of string'`);
      }
      try {
        requirements.push(this.#parseRequirement());
      } catch (e) {
        if (e instanceof ParseError) throw new ParseError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const next = this.#consume('values');
      if (next.token === 'eos') return requirements;
      if (next.token !== 'comma')
        throw new ParseError(`found '${next.literal}', expected: ',' or 'end of string'`);
      const after = this.#lookahead('values');
      if (after.token !== 'identifier' && after.token !== 'doesNotExist') {
        throw new ParseError(`found '${after.literal}', expected: identifier after ','`);
      }
    }
  }

  #parseRequirement(): Requirement {
    const { key, operator } = this.#parseKeyAndInferOperator();
    if (operator === 'exists' || operator === '!') return this.#build(key, operator, []);
    const op = this.#parseOperator();
    const values = op === 'in' || op === 'notin' ? this.#parseValues() : this.#parseExactValue();
    return this.#build(key, op, [...values].sort(compareBytes));
  }

  #build(key: string, operator: Operator, values: string[]): Requirement {
    const result = newRequirement(key, operator, values, this.#path);
    if (!result.ok) throw new ParseError(result.error);
    return result.value;
  }

  #parseKeyAndInferOperator(): { key: string; operator: Operator | undefined } {
    let operator: Operator | undefined;
    let item = this.#consume('values');
    if (item.token === 'doesNotExist') {
      operator = '!';
      item = this.#consume('values');
    }
    if (item.token !== 'identifier') throw new ParseError(`found '${item.literal}', expected: identifier`);
    // Go reports a bad key against the parser's path, which is nil unless one was given.
    const keyError = validateLabelKey(item.literal, this.#path ?? '<nil>');
    if (keyError) throw new ParseError(formatFieldError(keyError));
    const next: Token = this.#lookahead('values').token;
    if ((next === 'eos' || next === 'comma') && operator !== '!') operator = 'exists';
    return { key: item.literal, operator };
  }

  #parseOperator(): Operator {
    const { token, literal } = this.#consume('keyAndOperator');
    switch (token) {
      case 'in':
        return 'in';
      case 'equals':
        return '=';
      case 'doubleEquals':
        return '==';
      case 'greaterThan':
        return 'gt';
      case 'lessThan':
        return 'lt';
      case 'notIn':
        return 'notin';
      case 'notEquals':
        return '!=';
      default:
        throw new ParseError(`found '${literal}', expected: ${binaryOperators.join(', ')}`);
    }
  }

  #parseValues(): Set<string> {
    const open = this.#consume('values');
    if (open.token !== 'openPar') throw new ParseError(`found '${open.literal}' expected: '('`);
    const { token, literal } = this.#lookahead('values');
    switch (token) {
      case 'identifier':
      case 'comma': {
        const values = this.#parseIdentifiersList();
        if (this.#consume('values').token !== 'closedPar')
          throw new ParseError(`found '${literal}', expected: ')'`);
        return values;
      }
      case 'closedPar':
        this.#consume('values');
        return new Set(['']);
      default:
        throw new ParseError(`found '${literal}', expected: ',', ')' or identifier`);
    }
  }

  /** A comma-separated list where empty entries stand for the empty value. */
  #parseIdentifiersList(): Set<string> {
    const values = new Set<string>();
    for (;;) {
      const { token, literal } = this.#consume('values');
      if (token === 'identifier') {
        values.add(literal);
        const next = this.#lookahead('values');
        if (next.token === 'comma') continue;
        if (next.token === 'closedPar') return values;
        throw new ParseError(`found '${next.literal}', expected: ',' or ')'`);
      }
      if (token !== 'comma') throw new ParseError(`found '${literal}', expected: ',', or identifier`);
      if (values.size === 0) values.add('');
      const next = this.#lookahead('values').token;
      if (next === 'closedPar') {
        values.add('');
        return values;
      }
      if (next === 'comma') {
        // v1.34 consumes the second comma here, so an even run of commas before ')' fails
        // (`x in (a,,)`); later releases stop consuming it and accept the selector.
        this.#consume('values');
        values.add('');
      }
    }
  }

  #parseExactValue(): Set<string> {
    const next = this.#lookahead('values').token;
    if (next === 'eos' || next === 'comma') return new Set(['']);
    const { token, literal } = this.#consume('values');
    if (token === 'identifier') return new Set([literal]);
    throw new ParseError(`found '${literal}', expected: identifier`);
  }
}

/**
 * Parses a selector string such as `app=web,tier in (a,b),!canary`. `path` is the field path
 * Go would attach to key and value errors (none, as for `?labelSelector=`, by default).
 */
export function parseSelector(text: string, path?: string): Result<LabelSelector> {
  const requirements = parseRequirements(text, path);
  return requirements.ok ? success(LabelSelector.of(requirements.value)) : requirements;
}

/** `labels.ParseToRequirements`: the requirements, sorted by key. */
export function parseRequirements(text: string, path?: string): Result<Requirement[]> {
  try {
    return success(LabelSelector.of(new Parser(text, path).parse()).requirements.slice());
  } catch (e) {
    if (e instanceof ParseError) return failure(e.message);
    throw e;
  }
}
