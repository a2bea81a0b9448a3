import { describe, expect, it } from 'vitest';
import {
  formatLabelSelector,
  labelSelectorAsSelector,
  selectorFromSet,
  validatedSelectorFromSet,
} from './metav1.ts';
import { everything, nothing } from './selector.ts';

describe('labelSelectorAsSelector', () => {
  it('turns a nil selector into one that matches nothing', () => {
    const r = labelSelectorAsSelector(undefined);
    expect(r.ok && r.value).toBe(nothing());
    expect(r.ok && r.value.matches({ app: 'web' })).toBe(false);
    expect(r.ok && r.value.matchesNothing()).toBe(true);
  });

  it('turns an empty selector into one that matches everything', () => {
    const r = labelSelectorAsSelector({ matchLabels: {}, matchExpressions: [] });
    expect(r.ok && r.value).toBe(everything());
    expect(r.ok && r.value.matches({})).toBe(true);
  });

  it('combines matchLabels and matchExpressions, sorted by key', () => {
    const r = labelSelectorAsSelector({
      matchLabels: { tier: 'web', app: 'shop' },
      matchExpressions: [
        { key: 'env', operator: 'NotIn', values: ['prod', 'dev'] },
        { key: 'canary', operator: 'DoesNotExist' },
        { key: 'zone', operator: 'Exists' },
      ],
    });
    expect(r.ok && r.value.toString()).toBe('app=shop,!canary,env notin (dev,prod),tier=web,zone');
    expect(r.ok && r.value.matches({ app: 'shop', tier: 'web', zone: 'a' })).toBe(true);
    expect(r.ok && r.value.matches({ app: 'shop', tier: 'web', zone: 'a', env: 'prod' })).toBe(false);
  });

  it('rejects an unknown operator with Go text', () => {
    expect(
      labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'Gt', values: ['1'] }] }),
    ).toEqual({
      ok: false,
      error: '"Gt" is not a valid label selector operator',
    });
  });

  it('reports an In without values as null values', () => {
    expect(labelSelectorAsSelector({ matchExpressions: [{ key: 'a', operator: 'In', values: [] }] })).toEqual(
      {
        ok: false,
        error: "values: Invalid value: null: for 'in', 'notin' operators, values set can't be empty",
      },
    );
  });

  it('reports a bad matchLabels value', () => {
    const r = labelSelectorAsSelector({ matchLabels: { app: 'a b' } });
    expect(r.ok ? '' : r.error).toMatch(/^values\[0\]\[app\]: Invalid value: "a b": a valid label must be/);
  });
});

describe('formatLabelSelector', () => {
  it('prints <none>, <error> or the selector', () => {
    expect(formatLabelSelector(null)).toBe('<none>');
    expect(formatLabelSelector({})).toBe('<none>');
    expect(formatLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Bad' }] })).toBe('<error>');
    expect(formatLabelSelector({ matchLabels: { app: 'web' } })).toBe('app=web');
  });
});

describe('selectorFromSet', () => {
  it('matches exactly the given pairs; empty selects everything', () => {
    const s = selectorFromSet({ app: 'web', tier: 'fe' });
    expect(s.toString()).toBe('app=web,tier=fe');
    expect(s.matches({ app: 'web', tier: 'fe', x: 'y' })).toBe(true);
    expect(s.matches({ app: 'web' })).toBe(false);
    expect(selectorFromSet({})).toBe(everything());
    expect(selectorFromSet(undefined).matches({ a: 'b' })).toBe(true);
    expect(s.requiresExactMatch('tier')).toBe('fe');
  });

  it('validates keys and values when asked to', () => {
    expect(validatedSelectorFromSet({ app: 'web' }).ok).toBe(true);
    expect(validatedSelectorFromSet({ 'a b': 'web' }).ok).toBe(false);
  });
});
