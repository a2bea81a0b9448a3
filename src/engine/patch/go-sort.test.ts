import { describe, expect, it } from 'vitest';
import { Rng } from '../time/rng.ts';
import { goSort } from './go-sort.ts';

describe('goSort (sort.Sort)', () => {
  it('sorts lists of every size', () => {
    const rng = Rng.forComponent(5, 'sort');
    for (const size of [0, 1, 5, 12, 13, 49, 50, 51, 200, 1000]) {
      const list = Array.from({ length: size }, () => rng.int(100));
      goSort(list, (i, j) => list[i]! < list[j]!);
      expect(list).toEqual([...list].sort((a, b) => a - b));
    }
  });

  it('leaves equal items where Go leaves them (kubectl events of one second)', () => {
    // The events of a namespace as the API lists them (by name), keyed by their second.
    const input: [string, number][] = [
      ['bad-scheduled', 1],
      ['bad-pulling', 12],
      ['bad-failed-1', 13],
      ['bad-failed-2', 13],
      ['bad-backoff', 14],
      ['bad-failed-3', 14],
      ['cp-registered', 0],
      ['w1-registered', 5],
      ['w2-registered', 5],
      ['w3-registered', 5],
      ['a-scheduled', 1],
      ['a-pulling', 1],
      ['a-pulled', 4],
      ['a-created', 4],
      ['a-started', 4],
      ['b-scheduled', 1],
      ['b-pulling', 2],
      ['b-pulled', 3],
      ['b-created', 4],
      ['b-started', 4],
      ['rs-create-1', 1],
      ['rs-create-2', 1],
      ['deploy-scaled', 1],
    ];
    goSort(input, (i, j) => input[i]![1] < input[j]![1]);
    // What kubectl v1.34 printed for this list.
    expect(input.map(([name]) => name)).toEqual([
      'cp-registered',
      'b-scheduled',
      'a-pulling',
      'deploy-scaled',
      'rs-create-2',
      'rs-create-1',
      'bad-scheduled',
      'a-scheduled',
      'b-pulling',
      'b-pulled',
      'a-pulled',
      'a-created',
      'a-started',
      'b-created',
      'b-started',
      'w3-registered',
      'w2-registered',
      'w1-registered',
      'bad-pulling',
      'bad-failed-1',
      'bad-failed-2',
      'bad-failed-3',
      'bad-backoff',
    ]);
  });
});
