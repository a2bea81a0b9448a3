import { describe, expect, it } from 'vitest';
import type { TraceRecord } from '../../engine/index.ts';
import { launchGapMs, TokenPlayer, travelMs } from './token-player.ts';

function record(seq: number, time: number, from = 'kubectl', to = 'apiserver'): TraceRecord {
  return {
    seq,
    time,
    from,
    to,
    type: 'request',
    verb: 'create',
    object: 'configmaps/default',
    summary: 'POST /api/v1/x',
    causeSeq: undefined,
  };
}

describe('TokenPlayer', () => {
  it('launches records of the same virtual instant one gap apart, in order', () => {
    const player = new TokenPlayer();
    player.enqueue([record(1, 1000), record(2, 1000), record(3, 1000)]);
    const gap = launchGapMs(1);
    expect(player.advance(0, 1).map((r) => r.seq)).toEqual([1]);
    expect(player.advance(gap - 1, 1)).toEqual([]);
    expect(player.advance(gap, 1).map((r) => r.seq)).toEqual([2]);
    expect(player.advance(2 * gap, 1).map((r) => r.seq)).toEqual([3]);
    expect(player.backlog).toBe(0);
  });

  it('spaces records by their virtual distance divided by the speed', () => {
    const player = new TokenPlayer();
    player.enqueue([record(1, 0), record(2, 1000)]);
    player.advance(0, 2);
    expect(player.advance(499, 2)).toEqual([]);
    expect(player.advance(500, 2).map((r) => r.seq)).toEqual([2]);
  });

  it('draws a token between the graph nodes of the two components, with a label', () => {
    const player = new TokenPlayer();
    player.enqueue([record(7, 0, 'kubelet/kubesim-worker2', 'apiserver')]);
    player.advance(0, 1);
    expect(player.active).toEqual([
      {
        seq: 7,
        from: 'node/kubesim-worker2',
        to: 'kube-apiserver',
        label: 'POST configmaps',
        startMs: 0,
        durationMs: travelMs(1),
      },
    ]);
    player.advance(travelMs(1), 1);
    expect(player.active).toEqual([]);
  });

  it('tracks the newest etcd revision shown, including skipped records', () => {
    const player = new TokenPlayer();
    const write = (seq: number, revision: number): TraceRecord => ({
      ...record(seq, 0, 'apiserver', 'etcd'),
      type: 'storage',
      summary: `create /registry/pods/default/p${seq} (revision ${revision})`,
    });
    player.enqueue([write(1, 40), record(2, 0), write(3, 41)]);
    expect(player.revealedRevision).toBe(0);
    player.advance(0, 1);
    expect(player.revealedRevision).toBe(40);
    player.enqueue(Array.from({ length: 300 }, (_, i) => record(i + 10, 0)));
    expect(player.revealedRevision).toBe(41);
  });

  it('skips the oldest records when the backlog overflows', () => {
    const player = new TokenPlayer();
    player.enqueue(Array.from({ length: 310 }, (_, i) => record(i + 1, 0)));
    expect(player.skipped).toBe(10);
    expect(player.advance(0, 1)[0]?.seq).toBe(11);
  });
});
