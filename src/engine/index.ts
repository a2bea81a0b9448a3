/**
 * The engine's public entry: everything outside src/engine (the app, the worker, tests
 * of other layers) imports from here and nowhere else.
 */
import { Session, type SessionOptions } from './session.ts';

export { Session } from './session.ts';
export type { SessionOptions } from './session.ts';
export type { OutputChunk } from './kubectl/output.ts';
export { Output } from './kubectl/output.ts';
export type { TraceRecord } from './trace/trace-log.ts';
export { runScript } from './script/run-script.ts';
export { formatTimestamp } from './time/clock.ts';

/** A fresh cluster with its control plane running, ready for kubectl commands. */
export function createSession(options: SessionOptions = {}): Session {
  return new Session(options);
}
