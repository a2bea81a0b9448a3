import { describe, expect, it } from 'vitest';
import { createSession } from '../engine/index.ts';
import { Playback } from './playback.ts';

const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: demo\ndata:\n  a: b\n';

function setup() {
  const session = createSession({ seed: 1, workers: 3 });
  const playback = new Playback(session);
  return { session, playback };
}

describe('Playback', () => {
  it('starts with a snapshot of the nodes and their display status', () => {
    const { playback } = setup();
    const nodes = playback.snapshot().objects.filter((o) => o.kind === 'Node');
    expect(nodes.map((n) => [n.object?.metadata.name, n.display?.status])).toEqual([
      ['kubesim-control-plane', 'Ready'],
      ['kubesim-worker', 'Ready'],
      ['kubesim-worker2', 'Ready'],
      ['kubesim-worker3', 'Ready'],
    ]);
  });

  it('while playing, sends a command’s records and moves virtual time by wall time × speed', () => {
    const { session, playback } = setup();
    playback.flush();
    session.exec('kubectl apply -f -', configMap);
    const delta = playback.flush()!;
    expect(delta.records.some((r) => r.type === 'storage' && r.object === 'configmaps/default/demo')).toBe(
      true,
    );
    const before = session.cluster.clock.now();
    playback.setSpeed(10);
    playback.tick(100);
    expect(session.cluster.clock.now() - before).toBe(1000);
    expect(playback.flush()!.playback.virtualTime).toBe(before + 1000);
  });

  it('while paused, holds records back and releases exactly one per Step, in order', () => {
    const { session, playback } = setup();
    playback.pause();
    playback.flush();
    const first = session.cluster.trace.lastSeq + 1;
    session.exec('kubectl apply -f -', configMap);
    const held = session.cluster.trace.lastSeq - first + 1;
    expect(playback.flush()!.records).toEqual([]);
    expect(playback.state().held).toBe(held);

    const clock = session.cluster.clock.now();
    playback.tick(5000);
    expect(session.cluster.clock.now()).toBe(clock);

    playback.step();
    expect(playback.flush()!.records.map((r) => r.seq)).toEqual([first]);
    playback.step();
    expect(playback.flush()!.records.map((r) => r.seq)).toEqual([first + 1]);
    expect(playback.state().held).toBe(held - 2);

    playback.play();
    expect(playback.flush()!.records.map((r) => r.seq)[0]).toBe(first + 2);
    expect(playback.state().held).toBe(0);
  });

  it('Step with nothing held runs the engine to its next event and releases its first record', () => {
    const { session, playback } = setup();
    playback.pause();
    playback.flush();
    const clock = session.cluster.clock.now();
    playback.step();
    const records = playback.flush()!.records;
    expect(records).toHaveLength(1);
    expect(records[0]!.time).toBeGreaterThan(clock);
    expect(session.cluster.clock.now()).toBe(records[0]!.time);
  });

  it('reports every object change of a frame in store order', () => {
    const { session, playback } = setup();
    playback.flush();
    session.exec('kubectl create deployment web --image=nginx --replicas=1');
    session.cluster.settle();
    const changes = playback.flush()!.objects;
    const revisions = changes.map((c) => c.revision);
    expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
    const pod = changes.filter((c) => c.kind === 'Pod');
    // The pod's states as they happened: created unbound, then bound, then running.
    expect(pod[0]!.display).toMatchObject({ status: 'Pending' });
    expect(pod[0]!.display?.nodeName).toBeUndefined();
    expect(pod[pod.length - 1]!.display).toMatchObject({ status: 'Running', ready: '1/1' });
  });
});

describe('Playback.settle', () => {
  it('runs the cluster until quiet and releases every record it made', () => {
    const { session, playback } = setup();
    playback.pause();
    playback.flush();
    session.exec('kubectl create deployment web --image=nginx --replicas=2');
    const held = playback.state().held;
    playback.settle();
    const delta = playback.flush()!;
    expect(delta.records.length).toBeGreaterThan(held);
    expect(playback.state().held).toBe(0);
    expect(session.cluster.queue.pendingWork).toBe(0);
  });
});
