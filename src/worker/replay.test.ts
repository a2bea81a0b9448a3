import { describe, expect, it } from 'vitest';
import { createSession } from '../engine/index.ts';
import { replaySession } from './replay.ts';
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
