/**
 * The engine's only source of time. It moves when the event loop runs work scheduled for
 * a later instant, or when a caller advances it explicitly; nothing else changes it.
 */
export class VirtualClock {
  #now: number;

  /** @param startMs milliseconds since the Unix epoch at which the simulated cluster starts. */
  constructor(startMs: number) {
    this.#now = startMs;
  }

  now(): number {
    return this.#now;
  }

  /** Moves time forward to `ms`; time never goes backwards. */
  advanceTo(ms: number): void {
    if (ms < this.#now) throw new Error(`virtual time cannot go backwards (${ms} < ${this.#now})`);
    this.#now = ms;
  }
}

/** RFC 3339 UTC with second precision, as Kubernetes writes metav1.Time. */
export function formatTimestamp(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** RFC 3339 UTC with microseconds, as Kubernetes writes metav1.MicroTime (leases, events). */
export function formatMicroTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function parseTimestamp(text: string): number {
  return Date.parse(text);
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The English abbreviations that C's and Go's date layouts use, in UTC: `Wed` and `Jan`. */
export function weekdayName(ms: number): string {
  return WEEKDAYS[new Date(ms).getUTCDay()] ?? '';
}

export function monthName(ms: number): string {
  return MONTHS[new Date(ms).getUTCMonth()] ?? '';
}

function twoDigits(n: number): string {
  return String(n).padStart(2, '0');
}

/** `00:00:31`, the time of day in UTC. */
function clockTime(d: Date): string {
  return `${twoDigits(d.getUTCHours())}:${twoDigits(d.getUTCMinutes())}:${twoDigits(d.getUTCSeconds())}`;
}

/** Go's `time.RFC1123Z` in UTC: `Wed, 01 Jan 2025 00:00:31 +0000`. */
export function formatRFC1123Z(ms: number): string {
  const d = new Date(ms);
  return `${weekdayName(ms)}, ${twoDigits(d.getUTCDate())} ${monthName(ms)} ${d.getUTCFullYear()} ${clockTime(d)} +0000`;
}

/**
 * C's `ctime` in UTC, `Wed Jan  1 00:00:31 2025`, as iptables-save stamps its output; with
 * `zone`, date(1)'s default form, `Wed Jan  1 00:00:31 UTC 2025`.
 */
export function formatCtime(ms: number, zone?: string): string {
  const d = new Date(ms);
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${weekdayName(ms)} ${monthName(ms)} ${day} ${clockTime(d)} ${zone ? `${zone} ` : ''}${d.getUTCFullYear()}`;
}
