/**
 * Every vector of testdata/label-selector-cases.json (taken from apimachinery's own
 * selector tests) as a test of its own.
 *
 * The vectors come from apimachinery's main branch, which accepts an even run of commas
 * before ')' — `x in (a,,)`. Kubernetes v1.34, the release we reproduce, rejects it (checked
 * with the v1.34.5 kubectl, which shares the parser with kube-apiserver: `kubectl set selector
 * --local`). Those vectors are asserted with the v1.34 outcome listed here.
 */
import { describe, expect, it } from 'vitest';
import cases from './testdata/label-selector-cases.json' with { type: 'json' };
import { parseSelector } from './parser.ts';
import { newRequirement } from './requirement.ts';
import { LabelSelector } from './selector.ts';

interface Case {
  selector: string | null;
  valid: boolean;
  labels: Record<string, string> | null;
  matches: boolean | null;
  kind: 'parse' | 'match' | 'print' | 'requirement';
  canonical?: string;
  key?: string;
  operator?: string;
  values?: string[];
  note?: string;
}

const all = cases as Case[];

const v134Rejects: Readonly<Record<string, string>> = {
  'x in (a,,,,,,)': "unable to parse requirement: found ')', expected: ',', or identifier",
  'x in (a,,a,,a,,a,,)': "unable to parse requirement: found ')', expected: ',', or identifier",
};
const ofKind = (kind: Case['kind']) => all.filter((c) => c.kind === kind);

describe('label selector vectors', () => {
  it('covers every case in the file', () => {
    const counted = ['parse', 'match', 'print', 'requirement'].reduce(
      (n, k) => n + ofKind(k as Case['kind']).length,
      0,
    );
    expect(counted).toBe(all.length);
    expect(all.length).toBeGreaterThan(70);
  });

  describe('parse', () => {
    it.each(ofKind('parse').map((c) => [JSON.stringify(c.selector), c] as const))('%s', (_name, c) => {
      const result = parseSelector(c.selector ?? '');
      const v134Error = v134Rejects[c.selector ?? ''];
      if (v134Error !== undefined) {
        expect(c.valid).toBe(true);
        expect(result).toEqual({ ok: false, error: v134Error });
        return;
      }
      expect(result.ok).toBe(c.valid);
      if (result.ok && c.canonical !== undefined) expect(result.value.toString()).toBe(c.canonical);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(0);
    });
  });

  describe('match', () => {
    it.each(
      ofKind('match').map(
        (c) => [`${JSON.stringify(c.selector)} vs ${JSON.stringify(c.labels)}`, c] as const,
      ),
    )('%s', (_name, c) => {
      const result = parseSelector(c.selector ?? '');
      expect(result.ok).toBe(true);
      if (result.ok) expect(result.value.matches(c.labels ?? {})).toBe(c.matches);
    });
  });

  describe('print', () => {
    it.each(ofKind('print').map((c) => [c.canonical ?? '', c] as const))('%s', (_name, c) => {
      // The file gives the requirements only in printed form; rebuild them term by term, in order.
      const terms = (c.selector ?? '').match(/[^,(]+(\([^)]*\))?/g) ?? [];
      const requirements = terms.map((term) => {
        const parsed = parseSelector(term);
        if (!parsed.ok) throw new Error(parsed.error);
        const [req] = parsed.value.requirements;
        if (!req) throw new Error(`no requirement in ${term}`);
        return req;
      });
      expect(requirements).toHaveLength(terms.length);
      expect(LabelSelector.of(requirements).toString()).toBe(c.canonical);
    });
  });

  describe('requirement', () => {
    it.each(
      ofKind('requirement').map(
        (c) => [`${(c.key ?? '').slice(0, 20)} ${c.operator} ${JSON.stringify(c.values)}`, c] as const,
      ),
    )('%s', (_name, c) => {
      const result = newRequirement(c.key ?? '', c.operator ?? '', c.values ?? []);
      expect(result.ok).toBe(c.valid);
    });
  });
});
