import { describe, expect, it } from 'vitest';
import { createSession } from '../engine/index.ts';
import { isBefore, replaySession } from './replay.ts';
import type { SessionEntry } from './protocol.ts';

describe('replaying a recorded session', () => {
  it('rebuilds the same cluster from the seed and the commands at their times', () => {
    const live = createSession({ seed: 3, workers: 2 });
    const entries: SessionEntry[] = [];
    const run = (line: string) => {
      entries.push({ line, at: live.cluster.clock.now() });
      return live.exec(line);
    };
    live.cluster.advance(1_234);
    run('kubectl create deployment web --image=nginx:1.27 --replicas=3');
    live.cluster.advance(7_777);
    run('kubectl scale deployment web --replicas=4');
    live.cluster.advance(30_000);
    const until = live.cluster.clock.now();
    const expected = live.exec('kubectl get pods -o wide').text;

    const replayed = createSession({ seed: 3, workers: 2 });
    const outputs = replaySession(replayed, entries, until);
    expect(outputs.map((o) => o.exitCode)).toEqual([0, 0]);
    expect(replayed.cluster.clock.now()).toBe(until);
    expect(replayed.exec('kubectl get pods -o wide').text).toBe(expected);
    expect(expected.split('\n').filter((l) => l.includes('Running'))).toHaveLength(4);
  });
});

describe('time travel', () => {
  it('keeps commands of the chosen moment that came before the chosen record, and only those', () => {
    const create = { line: 'kubectl create deployment web --image=nginx', at: 1000, seq: 10 };
    const advance = { line: 'sim advance 30s', at: 1000, seq: 20 };
    expect([create, advance].filter((e) => isBefore(e, 1000, 12))).toEqual([create]);
    expect([create, advance].filter((e) => isBefore(e, 1000, 25))).toEqual([create, advance]);
    // Sessions saved before sequences were recorded fall back to the moment alone.
    expect(isBefore({ line: 'x', at: 1000 }, 1000, 12)).toBe(true);
    expect(isBefore({ line: 'x', at: 1001, seq: 1 }, 1000, 12)).toBe(false);
  });
});
