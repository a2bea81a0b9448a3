/**
 * A container run's log as of a moment: the program's timed lines, its loop repeated up
 * to that moment, and lines the runtime added; `{time}`-style placeholders in image
 * start-up lines become that line's timestamp in the image's own format.
 */
import { formatCtime, formatMicroTimestamp, monthName, weekdayName } from '../../time/clock.ts';
import type { ContainerRun } from '../pod-state.ts';

/** At most this many loop iterations are rendered (a real log would be rotated long before). */
const MAX_LOOP_LINES = 10_000;

export interface LogLine {
  readonly atMs: number;
  readonly text: string;
}

export function logLines(run: ContainerRun, nowMs: number, hostname: string): LogLine[] {
  const end = Math.min(nowMs, run.finishedAt ?? nowMs);
  const out: LogLine[] = [];
  for (const l of run.program.lines) {
    const at = run.startedAt + l.atMs;
    if (at <= end) out.push({ atMs: at, text: fill(l.text, at, hostname) });
  }
  const loop = run.program.loop;
  if (loop && loop.lines.length) {
    const first = run.startedAt + loop.startMs;
    const iterations = Math.min(Math.floor((end - first) / loop.periodMs) + 1, MAX_LOOP_LINES);
    const skip = Math.max(0, Math.floor((end - first) / loop.periodMs) + 1 - iterations);
    for (let i = skip; i < skip + iterations && first + i * loop.periodMs <= end; i++) {
      const at = first + i * loop.periodMs;
      for (const text of loop.lines) out.push({ atMs: at, text: fill(text, at, hostname) });
    }
  }
  for (const text of run.extraLines) out.push({ atMs: end, text });
  return out;
}

function fill(text: string, ms: number, hostname: string): string {
  if (!text.includes('{')) return text;
  const iso = formatMicroTimestamp(ms); // 2025-01-01T00:00:05.123000Z
  const [date = '', rest = ''] = iso.split('T');
  const [y = '', mo = '', d = ''] = date.split('-');
  const clock = rest.slice(0, 8);
  const millis = rest.slice(9, 12);
  const weekday = weekdayName(ms);
  const month = monthName(ms);
  return text
    .replaceAll('{time}', `${y}/${mo}/${d} ${clock}`)
    .replaceAll('{logTime}', `${y}/${mo}/${d} ${clock}`)
    .replaceAll('{isoTime}', `${date}T${clock}.${millis}Z`)
    .replaceAll('{mongoTime}', `${date}T${clock}.${millis}+00:00`)
    .replaceAll('{redisTime}', `${d} ${month} ${y} ${clock}.${millis}`)
    .replaceAll('{pgTime}', `${date} ${clock}.${millis}`)
    .replaceAll('{httpdTime}', `${weekday} ${month} ${d} ${clock}.${rest.slice(9, 15)} ${y}`)
    .replaceAll('{hostname}', hostname)
    .replaceAll('{dateTime}', formatCtime(ms, 'UTC'));
}

/** RFC 3339 with nanoseconds, as `kubectl logs --timestamps` prints. */
export function logTimestamp(ms: number): string {
  return formatMicroTimestamp(ms).replace(/Z$/, '000Z');
}
