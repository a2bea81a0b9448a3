/// <reference lib="webworker" />
/**
 * Hosts the engine in a Web Worker so the cluster never blocks the page. The page sends
 * command lines and playback controls; the worker answers commands with what they printed
 * and posts one snapshot, then at most one delta per frame (changed objects, new trace
 * records, the playback state).
 */
import { createSession } from '../engine/index.ts';
import { Playback } from './playback.ts';
import type { WorkerReply, WorkerRequest } from './protocol.ts';

/** About one display frame. */
const FRAME_MS = 16;

const session = createSession({ seed: 1, workers: 3 });
const playback = new Playback(session);
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
      const output = session.exec(request.line, request.stdin);
      post({ type: 'exec-result', id: request.id, chunks: output.chunks, exitCode: output.exitCode });
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

post(playback.snapshot());
