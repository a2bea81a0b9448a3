/**
 * One term of a label selector (apimachinery `labels.Requirement`): a key, an operator and
 * values. `newRequirement` validates like `labels.NewRequirement` and reports its errors in
 * the same words; each requirement compiles a matcher once, because selectors are evaluated
 * against every pod in the cluster.
 */
import { formatFieldError } from '../api/field-errors.ts';
import type { FieldError } from '../api/field-errors.ts';
import { childPath, indexPath, invalid, keyPath, notSupported } from '../validation/field.ts';
import { isQualifiedName, isValidLabelValue } from '../validation/names.ts';
import type { Result } from './result.ts';
import { aggregateMessage, failure, success } from './result.ts';

/** `selection.Operator` values, as the API and selector strings spell them. */
export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'gt' | 'lt' | 'exists' | '!';

export const binaryOperators: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];
export const validRequirementOperators: readonly Operator[] = [...binaryOperators, 'exists', '!'];

export type Labels = Readonly<Record<string, string>>;

const int64Min = -(2n ** 63n);
const int64Max = 2n ** 63n - 1n;
const decimal = /^[+-]?[0-9]+$/;

/** Go's strconv.ParseInt(s, 10, 64): optional sign, decimal digits, within int64. */
export function parseInt64(text: string): bigint | undefined {
  if (!decimal.test(text)) return undefined;
  const n = BigInt(text);
  return n < int64Min || n > int64Max ? undefined : n;
}

const setThreshold = 4;

export class Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly #values: readonly string[];
  readonly matches: (labels: Labels) => boolean;

  /** Use `newRequirement` unless the input is already known to be valid. */
  constructor(key: string, operator: Operator, values: readonly string[]) {
    this.key = key;
    this.operator = operator;
    this.#values = Object.freeze([...values]);
    this.matches = compile(key, operator, this.#values);
  }

  /** The values in the order given (the parser gives them sorted and de-duplicated). */
  get values(): readonly string[] {
    return this.#values;
  }

  /** `key`, `!key`, `key=v`, `key in (a,b)` …, values sorted as Go prints them. */
  toString(): string {
    const op = this.operator;
    const prefix = op === '!' ? '!' : '';
    if (op === 'exists' || op === '!') return prefix + this.key;
    const symbol =
      op === 'in' ? ' in ' : op === 'notin' ? ' notin ' : op === 'gt' ? '>' : op === 'lt' ? '<' : op;
    const values =
      this.#values.length === 1 ? (this.#values[0] ?? '') : [...this.#values].sort(compareBytes).join(',');
    return op === 'in' || op === 'notin'
      ? `${this.key}${symbol}(${values})`
      : `${this.key}${symbol}${values}`;
  }
}

function compile(key: string, operator: Operator, values: readonly string[]): (labels: Labels) => boolean {
  const lookup = (labels: Labels): string | undefined => {
    const v: unknown = labels[key];
    // Inherited members of a plain object (`constructor`, `toString`) are never strings.
    return typeof v === 'string' ? v : undefined;
  };
  const has = valueTest(values);
  switch (operator) {
    case 'in':
    case '=':
    case '==':
      return (labels) => {
        const v = lookup(labels);
        return v !== undefined && has(v);
      };
    case 'notin':
    case '!=':
      return (labels) => {
        const v = lookup(labels);
        return v === undefined || !has(v);
      };
    case 'exists':
      return (labels) => lookup(labels) !== undefined;
    case '!':
      return (labels) => lookup(labels) === undefined;
    case 'gt':
    case 'lt': {
      const bound = values.length === 1 ? parseInt64(values[0] ?? '') : undefined;
      if (bound === undefined) return () => false;
      return (labels) => {
        const v = lookup(labels);
        const n = v === undefined ? undefined : parseInt64(v);
        if (n === undefined) return false;
        return operator === 'gt' ? n > bound : n < bound;
      };
    }
    default:
      return () => false;
  }
}

function valueTest(values: readonly string[]): (value: string) => boolean {
  if (values.length === 1) {
    const only = values[0];
    return (v) => v === only;
  }
  if (values.length > setThreshold) {
    const set = new Set(values);
    return (v) => set.has(v);
  }
  return (v) => values.includes(v);
}

/** Go compares strings bytewise; for the ASCII that keys and values allow, that is code-unit order. */
export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `labels.NewRequirement`. `path` is the field path Go would be given (`undefined` for none);
 * `values: null` stands for a nil slice, which Go prints as `null` in the error.
 */
export function newRequirement(
  key: string,
  operator: string,
  values: readonly string[] | null,
  path?: string,
): Result<Requirement> {
  const errs: FieldError[] = [];
  const base = path ?? '';
  const keyErr = validateLabelKey(key, childPath(base, 'key'));
  if (keyErr) errs.push(keyErr);
  const vals = values ?? [];
  const valuePath = childPath(base, 'values');
  switch (operator) {
    case 'in':
    case 'notin':
      if (vals.length === 0)
        errs.push(invalid(valuePath, values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (vals.length !== 1)
        errs.push(invalid(valuePath, values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (vals.length !== 0)
        errs.push(invalid(valuePath, values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (vals.length !== 1)
        errs.push(invalid(valuePath, values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      vals.forEach((v, i) => {
        if (parseInt64(v) === undefined) {
          errs.push(
            invalid(indexPath(valuePath, i), v, "for 'Gt', 'Lt' operators, the value must be an integer"),
          );
        }
      });
      break;
    default:
      errs.push(notSupported(childPath(base, 'operator'), operator, validRequirementOperators));
  }
  vals.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length > 0) errs.push(invalid(keyPath(indexPath(valuePath, i), key), v, msgs.join('; ')));
  });
  if (errs.length > 0) return failure(aggregateMessage(errs.map(formatFieldError)));
  return success(new Requirement(key, operator as Operator, vals));
}

/** `validateLabelKey`: one field error joining every problem with "; ". */
export function validateLabelKey(key: string, field: string): FieldError | undefined {
  const msgs = isQualifiedName(key);
  return msgs.length === 0 ? undefined : invalid(field, key, msgs.join('; '));
}
