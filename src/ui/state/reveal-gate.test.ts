import { describe, expect, it } from 'vitest';
import type { ObjectChange } from '../../engine/index.ts';
import { RevealGate } from './reveal-gate.ts';

const change = (name: string, revision: number): ObjectChange => ({
  kind: 'Pod',
  key: `/registry/pods/default/${name}`,
  object: { apiVersion: 'v1', kind: 'Pod', metadata: { name } },
  display: { status: 'Pending' },
  revision,
});

describe('RevealGate', () => {
  it('shows changes only once the animation has reached their revision, in arrival order', () => {
    const shown: string[][] = [];
    const gate = new RevealGate((changes) => shown.push(changes.map((c) => `${c.key}@${c.revision}`)));
    gate.push([change('a', 10), change('b', 12), change('c', 11)]);
    gate.release(9, false);
    expect(shown).toEqual([]);
    gate.release(11, false);
    expect(shown).toEqual([['/registry/pods/default/a@10', '/registry/pods/default/c@11']]);
    expect(gate.held).toBe(1);
    gate.release(11, true);
    expect(shown[1]).toEqual(['/registry/pods/default/b@12']);
    expect(gate.held).toBe(0);
  });
});
