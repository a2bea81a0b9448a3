/**
 * Selector strings run through the real v1.34.5 kubectl, which parses them with the
 * apimachinery code kube-apiserver v1.34 uses; every error text must match byte for byte.
 */
import { describe, expect, it } from 'vitest';
import oracle from './testdata/kubectl-v1.34-selector-parse.json' with { type: 'json' };
import { parseSelector } from './parser.ts';

interface OracleCase {
  selector: string;
  valid: boolean;
  error?: string;
}

describe('parseSelector against kubectl v1.34.5', () => {
  it.each((oracle.cases as OracleCase[]).map((c) => [c.selector.slice(0, 40), c] as const))(
    '%j',
    (_name, c) => {
      const result = parseSelector(c.selector);
      if (c.valid) expect(result.ok).toBe(true);
      else expect(result).toEqual({ ok: false, error: c.error });
    },
  );
});
