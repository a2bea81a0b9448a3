/**
 * `GET /kubesim/v1/stream`: what the browser app needs to draw a `kubesim serve` cluster —
 * the same `ready` snapshot and batched `delta` messages the in-browser engine worker posts
 * (mirrored objects and trace records), as newline-delimited JSON on a chunked response.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { observeObjects, type ObjectChange, type TraceRecord } from '../../engine/index.ts';
import type { HandlerContext } from './http-handler.ts';

/** About three display frames: batching more often buys nothing over a local socket. */
const FLUSH_MS = 50;
const RECENT_RECORDS = 50;

function playbackState(ctx: HandlerContext) {
  return {
    playing: ctx.clock.speed > 0,
    speed: ctx.clock.speed,
    virtualTime: ctx.session.cluster.clock.now(),
    held: 0,
  };
}

export function openAttachStream(ctx: HandlerContext, req: IncomingMessage, res: ServerResponse): void {
  const cluster = ctx.session.cluster;
  let objects: ObjectChange[] = [];
  let records: TraceRecord[] = [];
  const observed = observeObjects(ctx.session, (change) => objects.push(change));
  const unsubscribe = cluster.trace.subscribe((record) => records.push(record));
  res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Transfer-Encoding': 'chunked' });
  const send = (message: unknown): void => {
    if (!res.writableEnded) res.write(`${JSON.stringify(message)}\n`);
  };
  send({
    type: 'ready',
    seed: cluster.seed,
    startMs: cluster.startMs,
    objects: observed.snapshot,
    records: cluster.trace.tail(RECENT_RECORDS),
    playback: playbackState(ctx),
  });
  let lastTime = cluster.clock.now();
  const timer = setInterval(() => {
    const now = cluster.clock.now();
    if (objects.length === 0 && records.length === 0 && now === lastTime) return;
    send({ type: 'delta', objects, records, playback: playbackState(ctx) });
    objects = [];
    records = [];
    lastTime = now;
  }, FLUSH_MS);
  ctx.watches.add(res);
  const close = (): void => {
    clearInterval(timer);
    observed.cancel();
    unsubscribe();
    ctx.watches.delete(res);
  };
  req.on('close', close);
  res.on('close', close);
}
