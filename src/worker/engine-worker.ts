/// <reference lib="webworker" />
/**
 * Hosts the engine in a Web Worker so the cluster never blocks the page. The page sends
 * command lines; the worker answers with what they printed.
 */
import { createSession, formatTimestamp } from '../engine/index.ts';
import type { ExecRequest, WorkerReply } from './protocol.ts';

const session = createSession({ seed: 1, workers: 3 });
const post = (message: WorkerReply) => self.postMessage(message);

self.onmessage = (event: MessageEvent<ExecRequest>) => {
  const request = event.data;
  if (request.type !== 'exec') return;
  const output = session.exec(request.line, request.stdin);
  post({ type: 'exec-result', id: request.id, chunks: output.chunks, exitCode: output.exitCode });
};

post({ type: 'ready', virtualTime: formatTimestamp(session.cluster.clock.now()) });
