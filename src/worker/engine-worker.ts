/// <reference lib="webworker" />
/**
 * Hosts the engine in a Web Worker so the cluster never blocks the page. The page sends
 * command lines and playback controls; the worker answers commands with what they printed
 * and posts one snapshot, then at most one delta per frame (changed objects, new trace
 * records, the playback state). A restore rebuilds the cluster from a recorded session and
 * posts a fresh snapshot.
 */
import { createSession, observeObjects, type Session } from '../engine/index.ts';
import { Playback } from './playback.ts';
import { isBefore, replaySession } from './replay.ts';
import type { WorkerReply, WorkerRequest } from './protocol.ts';

/** About one display frame. */
const FRAME_MS = 16;
const DEFAULT_SEED = 1;
const WORKERS = 3;

let seed = DEFAULT_SEED;
let session: Session = createSession({ seed, workers: WORKERS });
let playback = new Playback(session);
const post = (message: WorkerReply) => self.postMessage(message);

let lastTick = performance.now();
setInterval(() => {
  const now = performance.now();
  playback.tick(now - lastTick);
  lastTick = now;
  const delta = playback.flush();
  if (delta) post(delta);
}, FRAME_MS);

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  switch (request.type) {
    case 'exec': {
      const at = session.cluster.clock.now();
      const seq = (session.cluster.trace.tail(1)[0]?.seq ?? 0) + 1;
      const output = session.exec(request.line, request.stdin);
      post({
        type: 'exec-result',
        id: request.id,
        chunks: output.chunks,
        exitCode: output.exitCode,
        at,
        seq,
      });
      return;
    }
    case 'inspect': {
      const output = session.inspect(request.line);
      post({ type: 'inspect-result', id: request.id, text: output.text, exitCode: output.exitCode });
      return;
    }
    case 'view-at': {
      // Determinism rebuilds the past: same seed, the commands made before `time`, then the clock to `time`.
      const past = createSession({ seed, workers: WORKERS });
      replaySession(
        past,
        request.entries.filter((e) => isBefore(e, request.time, request.seq)),
        request.time,
      );
      const observed = observeObjects(past, () => undefined);
      observed.cancel();
      post({ type: 'past', id: request.id, time: past.cluster.clock.now(), objects: observed.snapshot });
      return;
    }
    case 'live': {
      // A snapshot of the cluster as it is now, not as it was when playback started.
      const observed = observeObjects(session, () => undefined);
      observed.cancel();
      post({ ...playback.snapshot(), objects: observed.snapshot, seed });
      return;
    }
    case 'restore': {
      const speed = playback.state().speed;
      seed = request.seed;
      session = createSession({ seed, workers: WORKERS });
      const outputs = replaySession(session, request.entries, request.until);
      // The replayed history is not animated again: the page gets the result as a snapshot.
      playback = new Playback(session);
      playback.setSpeed(speed);
      lastTick = performance.now();
      post({ type: 'restored', id: request.id, outputs });
      post({ ...playback.snapshot(), seed });
      return;
    }
    case 'play':
      return playback.play();
    case 'pause':
      return playback.pause();
    case 'speed':
      return playback.setSpeed(request.speed);
    case 'step':
      return playback.step();
    case 'settle':
      return playback.settle();
  }
};

post({ ...playback.snapshot(), seed });
