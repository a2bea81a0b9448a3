import { describe, expect, it } from 'vitest';
import {
  matchingTolerations,
  minTolerationMs,
  planEviction,
  toleratesTaint,
  type Toleration,
} from './eviction-plan.ts';

const unreachable = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const dedicated = { key: 'dedicated', value: 'gpu', effect: 'NoExecute' };
const defaults: Toleration[] = [
  { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
];

describe('toleratesTaint', () => {
  const cases: [string, Toleration, boolean][] = [
    ['Exists on the key', { key: 'dedicated', operator: 'Exists' }, true],
    [
      'Equal with the value',
      { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoExecute' },
      true,
    ],
    ['Equal is the default operator', { key: 'dedicated', value: 'gpu' }, true],
    ['a different value', { key: 'dedicated', value: 'cpu' }, false],
    ['a different effect', { key: 'dedicated', operator: 'Exists', effect: 'NoSchedule' }, false],
    ['an empty key with Exists tolerates everything', { operator: 'Exists' }, true],
  ];
  for (const [name, toleration, expected] of cases) {
    it(name, () => expect(toleratesTaint(toleration, dedicated)).toBe(expected));
  }
});

describe('planEviction', () => {
  it('deletes a pod that does not tolerate a taint at once', () => {
    expect(planEviction(defaults, [unreachable, dedicated], 1000, undefined)).toEqual({
      action: 'evict-now',
    });
  });

  it('plans the deletion of a pod with the default tolerations 300 s ahead', () => {
    expect(planEviction(defaults, [unreachable], 1000, undefined)).toEqual({
      action: 'schedule',
      createdAtMs: 1000,
      fireAtMs: 301_000,
    });
  });

  it('keeps a deletion already planned or carried out', () => {
    const pending = { state: 'pending', createdAtMs: 0, fireAtMs: 300_000 } as const;
    expect(planEviction(defaults, [unreachable], 5000, pending)).toEqual({ action: 'keep' });
    expect(planEviction(defaults, [unreachable], 5000, { state: 'done' })).toEqual({ action: 'keep' });
  });

  it('cancels for a pod that tolerates the taints forever', () => {
    const forever: Toleration[] = [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    ];
    expect(planEviction(forever, [unreachable], 0, undefined)).toEqual({ action: 'cancel' });
  });

  it('uses the shortest of the matching tolerations', () => {
    const used = matchingTolerations(
      [unreachable, dedicated],
      [...defaults, { key: 'dedicated', operator: 'Exists', tolerationSeconds: 60 }],
    ).used;
    expect(minTolerationMs(used)).toBe(60_000);
    expect(minTolerationMs([{ operator: 'Exists', tolerationSeconds: -5 }])).toBe(0);
    expect(minTolerationMs([{ operator: 'Exists' }])).toBe(-1);
  });
});
