/**
 * A label selector (apimachinery `labels.Selector`): requirements ANDed together, kept
 * sorted by key so that printing is canonical.
 *
 * Two selectors match by design without requirements, and they differ:
 * - `everything()` — no requirements, matches every label set (an *empty* metav1 selector);
 * - `nothing()` — matches no label set at all (a *nil* metav1 selector).
 * Both print as "". See `labelSelectorAsSelector` for where each comes from.
 */
import type { Labels, Requirement } from './requirement.ts';
import { compareBytes } from './requirement.ts';

const noLabels: Labels = Object.freeze({});

export class LabelSelector {
  readonly #requirements: readonly Requirement[];
  readonly #nothing: boolean;

  private constructor(requirements: readonly Requirement[], nothing: boolean) {
    this.#requirements = requirements;
    this.#nothing = nothing;
  }

  /** A selector of these requirements, sorted by key (stable for equal keys). */
  static of(requirements: readonly Requirement[]): LabelSelector {
    return new LabelSelector(
      Object.freeze([...requirements].sort((a, b) => compareBytes(a.key, b.key))),
      false,
    );
  }

  static readonly everything: LabelSelector = new LabelSelector(Object.freeze([]), false);
  static readonly nothing: LabelSelector = new LabelSelector(Object.freeze([]), true);

  /** Whether a set of labels satisfies every requirement; missing labels count as an empty set. */
  matches(labels: Labels | undefined): boolean {
    if (this.#nothing) return false;
    const ls = labels ?? noLabels;
    const reqs = this.#requirements;
    for (let i = 0; i < reqs.length; i++) if (!(reqs[i] as Requirement).matches(ls)) return false;
    return true;
  }

  /** True when the selector does not restrict anything (`everything`); false for `nothing`. */
  isEmpty(): boolean {
    return !this.#nothing && this.#requirements.length === 0;
  }

  /** True only for the `nothing` selector. */
  matchesNothing(): boolean {
    return this.#nothing;
  }

  get requirements(): readonly Requirement[] {
    return this.#requirements;
  }

  /** A new selector with more requirements; `nothing` stays `nothing`, as in Go. */
  add(...requirements: Requirement[]): LabelSelector {
    if (this.#nothing) return this;
    return LabelSelector.of([...this.#requirements, ...requirements]);
  }

  /** The value a selector demands for `key` via `=`, `==` or a one-value `in`, if any. */
  requiresExactMatch(key: string): string | undefined {
    const req = this.#requirements.find((r) => r.key === key);
    if (!req) return undefined;
    const exact = req.operator === '=' || req.operator === '==' || req.operator === 'in';
    return exact && req.values.length === 1 ? req.values[0] : undefined;
  }

  /** The canonical form: requirements by key, comma-joined, values sorted. */
  toString(): string {
    return this.#requirements.map((r) => r.toString()).join(',');
  }
}

export function everything(): LabelSelector {
  return LabelSelector.everything;
}

export function nothing(): LabelSelector {
  return LabelSelector.nothing;
}
