/**
 * A CronJob's schedule as the controller reads it (`formatSchedule` + robfig/cron's
 * `ParseStandard`): five fields or a descriptor, in `spec.timeZone` (UTC when unset), or in
 * the zone a legacy `TZ=`/`CRON_TZ=` prefix names. The field arithmetic is cron-parser's;
 * this module only maps robfig's dialect onto it and never reads a clock: every question
 * carries the virtual time it is asked at.
 */
import { CronExpressionParser } from 'cron-parser';
import { cronScheduleError } from '../../apiserver/validation/cron.ts';

/** What robfig's `Schedule` offers: the first activation strictly after a time. */
export interface Schedule {
  /** Epoch ms of the next activation after `afterMs`, or undefined when there is none (robfig's zero time). */
  next(afterMs: number): number | undefined;
}

/** robfig's descriptors as five-field specs (it has no seconds field in ParseStandard). */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Go's time.ParseDuration for the `@every` descriptor (its grammar was checked by validation). */
function parseDuration(text: string): number {
  let total = 0;
  for (const m of text.matchAll(/([0-9]*(?:\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)/g)) {
    total += Number(m[1] ?? '0') * (UNIT_MS[m[2] ?? ''] ?? 0);
  }
  return text.startsWith('-') ? -total : total;
}

/**
 * `ConstantDelaySchedule`: the delay is rounded down to whole seconds (at least one), and
 * each activation lands on a whole second.
 */
function everySchedule(delayMs: number): Schedule {
  const delay = Math.max(1000, Math.floor(delayMs / 1000) * 1000);
  return { next: (after) => after - (after % 1000) + delay };
}

/**
 * robfig matches the days when either day field is a bare `*` or `?` (a step over 1 makes it
 * an ordinary range) as AND, otherwise as OR, like Vixie cron. cron-parser treats `?` as `*`
 * and applies the same rule, so the fields pass through unchanged.
 */
function fieldSchedule(spec: string, timeZone: string): Schedule {
  return {
    next(after) {
      try {
        const expression = CronExpressionParser.parse(spec, { currentDate: after, tz: timeZone });
        return expression.next().getTime();
      } catch {
        // A spec no date satisfies (`0 0 31 2 *`): robfig's Next returns the zero time.
        return undefined;
      }
    },
  };
}

/** `formatSchedule`: spec.timeZone applies unless the schedule carries its own TZ. */
export function effectiveSchedule(schedule: string, timeZone: string | undefined): string {
  if (schedule.includes('TZ') || timeZone === undefined) return schedule;
  return `TZ=${timeZone} ${schedule}`;
}

/** The zone an IANA name stands for, if the runtime knows it (`time.LoadLocation`). */
export function knownTimeZone(name: string): boolean {
  if (name === '' || name.toLowerCase() === 'local') return name === '';
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** `cron.ParseStandard`: the schedule, or robfig's error text. */
export function parseStandard(text: string): Schedule | { error: string } {
  let spec = text.trim();
  let zone = 'UTC';
  const tz = /^(?:CRON_TZ|TZ)=(\S+)\s+/.exec(spec);
  if (tz) {
    zone = tz[1] ?? 'UTC';
    if (!knownTimeZone(zone)) return { error: `provided bad location ${zone}: unknown time zone ${zone}` };
    spec = spec.slice(tz[0].length).trim();
  }
  const error = cronScheduleError(spec);
  if (error !== undefined) return { error };
  if (spec.startsWith('@every ')) return everySchedule(parseDuration(spec.slice('@every '.length)));
  return fieldSchedule(DESCRIPTORS[spec] ?? spec.split(/\s+/).join(' '), zone);
}
