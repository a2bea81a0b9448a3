/**
 * Helpers for controller tests in the sample-controller style: what a component asked the
 * API server, read back from the trace.
 */
import type { TraceLog } from '../trace/trace-log.ts';

const READ_VERBS = new Set(['get', 'list', 'watch']);

/** `<verb> <object>` of every request `from` made after trace record `sinceSeq`. */
export function requestsFrom(trace: TraceLog, from: string, sinceSeq = 0): string[] {
  return trace
    .since(sinceSeq)
    .filter((r) => r.type === 'request' && r.from === from)
    .map((r) => `${r.verb} ${r.object}`);
}

/** The requests of `requestsFrom` that change something (create, update, patch, delete…). */
export function writesFrom(trace: TraceLog, from: string, sinceSeq = 0): string[] {
  return requestsFrom(trace, from, sinceSeq).filter((r) => !READ_VERBS.has(r.slice(0, r.indexOf(' '))));
}
