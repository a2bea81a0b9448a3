import type { TraceRecord } from './trace-log.ts';

/** One line per record, as `sim trace` prints it: seq, virtual time since start, who → whom, what. */
export function formatTraceRecord(r: TraceRecord, startMs: number): string {
  const t = ((r.time - startMs) / 1000).toFixed(3);
  const cause = r.causeSeq === undefined ? '' : ` [cause #${r.causeSeq}]`;
  return `#${r.seq} ${t}s ${r.from} -> ${r.to} ${r.type} ${r.verb} ${r.object}: ${r.summary}${cause}`;
}
