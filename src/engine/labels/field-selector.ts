/**
 * Field selectors (apimachinery `pkg/fields`): `key=value`, `key==value` and `key!=value`
 * terms joined by commas, as `kubectl get --field-selector` sends them. Values may escape
 * `\`, `,` and `=` with a backslash. Which fields a kind supports is the API server's
 * business: the matcher asks a caller-supplied function for each field's value.
 */
import type { Result } from './result.ts';
import { failure, success } from './result.ts';

export interface FieldRequirement {
  readonly field: string;
  /** `=` (also for `==`) or `!=`, as `selection.Operator`. */
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** Returns an object's value for a field; undefined counts as "" (Go's `Fields.Get`). */
export type FieldGetter = (field: string) => string | undefined;

export type TransformFunc = (field: string, value: string) => Result<{ field: string; value: string }>;

export class FieldSelector {
  readonly #terms: readonly FieldRequirement[];

  private constructor(terms: readonly FieldRequirement[]) {
    this.#terms = terms;
  }

  static of(terms: readonly FieldRequirement[]): FieldSelector {
    return new FieldSelector(Object.freeze(terms.map((t) => Object.freeze({ ...t }))));
  }

  static readonly everything: FieldSelector = new FieldSelector(Object.freeze([]));

  matches(get: FieldGetter): boolean {
    for (const term of this.#terms) {
      const actual = get(term.field) ?? '';
      if ((actual === term.value) !== (term.operator === '=')) return false;
    }
    return true;
  }

  isEmpty(): boolean {
    return this.#terms.length === 0;
  }

  get requirements(): readonly FieldRequirement[] {
    return this.#terms;
  }

  /** The distinct fields the selector refers to, for checking them against a kind's list. */
  get fields(): string[] {
    return [...new Set(this.#terms.map((t) => t.field))];
  }

  /** The value an `=` term demands for `field`, if any. */
  requiresExactMatch(field: string): string | undefined {
    return this.#terms.find((t) => t.field === field && t.operator === '=')?.value;
  }

  /** Rewrites every term; a term turned into an empty field and value is dropped. */
  transform(fn: TransformFunc): Result<FieldSelector> {
    const next: FieldRequirement[] = [];
    for (const term of this.#terms) {
      const r = fn(term.field, term.value);
      if (!r.ok) return r;
      if (r.value.field.length === 0 && r.value.value.length === 0) continue;
      next.push({ field: r.value.field, operator: term.operator, value: r.value.value });
    }
    return success(FieldSelector.of(next));
  }

  /** Terms in parse order (sorted), values escaped: `metadata.name=a\,b,status.phase!=Running`. */
  toString(): string {
    return this.#terms.map((t) => `${t.field}${t.operator}${escapeFieldValue(t.value)}`).join(',');
  }
}

export function everythingFields(): FieldSelector {
  return FieldSelector.everything;
}

export function oneTermEqualSelector(field: string, value: string): FieldSelector {
  return FieldSelector.of([{ field, operator: '=', value }]);
}

export function fieldSelectorFromSet(
  set: Readonly<Record<string, string>> | null | undefined,
): FieldSelector {
  if (!set) return FieldSelector.everything;
  return FieldSelector.of(Object.entries(set).map(([field, value]) => ({ field, operator: '=', value })));
}

/** `fields.EscapeValue`. */
export function escapeFieldValue(value: string): string {
  return value.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** `fields.UnescapeValue`, with Go's errors (the bad rune is printed as its number). */
export function unescapeFieldValue(value: string): Result<string> {
  if (!/[\\,=]/.test(value)) return success(value);
  let out = '';
  let inSlash = false;
  for (const c of value) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') {
        return failure(`invalid field selector: invalid escape sequence: \\${c}`);
      }
      out += c;
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') {
      return failure(`invalid field selector: unescaped character in value: ${c.codePointAt(0) ?? 0}`);
    } else out += c;
  }
  if (inSlash) return failure('invalid field selector: invalid escape sequence: \\');
  return success(out);
}

/** Commas split terms unless escaped; the escapes stay in the terms for unescaping later. */
function splitTerms(selector: string): string[] {
  if (selector.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(selector.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(selector.slice(start));
  return terms;
}

const termOperators = ['!=', '==', '='] as const;

/** The first operator occurrence splits the term; the field part supports no escaping. */
function splitTerm(
  term: string,
): { lhs: string; op: (typeof termOperators)[number]; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of termOperators) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** `fields.ParseSelector`. Terms are sorted as text first, which fixes the printed order. */
export function parseFieldSelector(selector: string): Result<FieldSelector> {
  const parts = splitTerms(selector).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const terms: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const split = splitTerm(part);
    if (!split) return failure(`invalid selector: '${selector}'; can't understand '${part}'`);
    const value = unescapeFieldValue(split.rhs);
    if (!value.ok) return value;
    terms.push({ field: split.lhs, operator: split.op === '!=' ? '!=' : '=', value: value.value });
  }
  return success(FieldSelector.of(terms));
}
