/// <reference lib="webworker" />
/**
 * Hosts the engine in a Web Worker so the cluster never blocks the page. The page sends
 * command lines; the worker answers with what they printed. Between commands the worker
 * lets virtual time follow wall time, so the cluster keeps running as a real one would.
 */
import { createSession, formatTimestamp } from '../engine/index.ts';
import type { ExecRequest, WorkerReply } from './protocol.ts';

/** How often the worker moves the virtual clock forward to catch up with wall time. */
const TICK_MS = 250;

const session = createSession({ seed: 1, workers: 3 });
const post = (message: WorkerReply) => self.postMessage(message);

let lastTick = performance.now();
setInterval(() => {
  const now = performance.now();
  // A backgrounded tab may sleep for minutes; cap the catch-up so one tick stays cheap.
  const elapsed = Math.min(now - lastTick, 10_000);
  lastTick = now;
  session.cluster.advance(Math.round(elapsed));
}, TICK_MS);

self.onmessage = (event: MessageEvent<ExecRequest>) => {
  const request = event.data;
  if (request.type !== 'exec') return;
  const output = session.exec(request.line, request.stdin);
  post({ type: 'exec-result', id: request.id, chunks: output.chunks, exitCode: output.exitCode });
};

post({ type: 'ready', virtualTime: formatTimestamp(session.cluster.clock.now()) });
