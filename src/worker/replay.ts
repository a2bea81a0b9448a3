/**
 * Replays a recorded session: each command at the virtual time it first ran. The engine is
 * deterministic, so the same seed and the same commands at the same times rebuild the same
 * cluster — pod names, IPs and all.
 */
import type { OutputChunk, Session } from '../engine/index.ts';
import type { SessionEntry } from './protocol.ts';

/** A long-abandoned tab is not run on for days: at most an hour past the last command. */
export const MAX_RUN_ON_MS = 60 * 60_000;

export function replaySession(
  session: Session,
  entries: readonly SessionEntry[],
  until: number,
): { chunks: readonly OutputChunk[]; exitCode: number }[] {
  const clock = session.cluster.clock;
  const outputs: { chunks: readonly OutputChunk[]; exitCode: number }[] = [];
  for (const entry of entries) {
    if (entry.at > clock.now()) session.cluster.advance(entry.at - clock.now());
    const output = session.exec(entry.line, entry.stdin);
    outputs.push({ chunks: output.chunks, exitCode: output.exitCode });
  }
  const end = Math.min(until, clock.now() + MAX_RUN_ON_MS);
  if (end > clock.now()) session.cluster.advance(end - clock.now());
  return outputs;
}

/**
 * Whether a recorded command ran before the chosen record. Commands share a virtual moment
 * (time does not pass between them), so within it their trace sequence decides.
 */
export function isBefore(entry: SessionEntry, time: number, seq: number | undefined): boolean {
  if (entry.at !== time || seq === undefined || entry.seq === undefined) return entry.at <= time;
  return entry.seq <= seq;
}
