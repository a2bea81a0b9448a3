/**
 * The schedule check CronJobs use: robfig/cron v3's ParseStandard (5 fields or a
 * descriptor). Only its error text matters here; `undefined` means the schedule parses.
 */

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const months: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const days: Record<string, number> = { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 };

const fields: readonly Bounds[] = [
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: months },
  { min: 0, max: 6, names: days },
];

/** Go's strconv.Atoi, returning its error text on failure. */
function atoi(text: string): { value?: number; error?: string } {
  if (!/^[+-]?[0-9]+$/.test(text))
    return { error: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax` };
  const value = Number(text);
  if (!Number.isSafeInteger(value))
    return { error: `strconv.Atoi: parsing ${JSON.stringify(text)}: value out of range` };
  return { value };
}

function parseUint(expr: string): { value?: number; error?: string } {
  const parsed = atoi(expr);
  if (parsed.error !== undefined || parsed.value === undefined) {
    return { error: `failed to parse int from ${expr}: ${parsed.error ?? ''}` };
  }
  if (parsed.value < 0) return { error: `negative number (${parsed.value}) not allowed: ${expr}` };
  return { value: parsed.value };
}

function parseIntOrName(expr: string, names?: Record<string, number>): { value?: number; error?: string } {
  const named = names?.[expr.toLowerCase()];
  return named !== undefined ? { value: named } : parseUint(expr);
}

function checkRange(expr: string, r: Bounds): string | undefined {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = (rangeAndStep[0] ?? '').split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
  } else {
    const s = parseIntOrName(lowAndHigh[0] ?? '', r.names);
    if (s.error !== undefined || s.value === undefined) return s.error;
    start = s.value;
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) {
      const e = parseIntOrName(lowAndHigh[1] ?? '', r.names);
      if (e.error !== undefined || e.value === undefined) return e.error;
      end = e.value;
    } else return `too many hyphens: ${expr}`;
  }
  let step = 1;
  if (rangeAndStep.length === 2) {
    const s = parseUint(rangeAndStep[1] ?? '');
    if (s.error !== undefined || s.value === undefined) return s.error;
    step = s.value;
    if (singleDigit) end = r.max;
  } else if (rangeAndStep.length > 2) return `too many slashes: ${expr}`;
  if (start < r.min) return `beginning of range (${start}) below minimum (${r.min}): ${expr}`;
  if (end > r.max) return `end of range (${end}) above maximum (${r.max}): ${expr}`;
  if (start > end) return `beginning of range (${start}) beyond end of range (${end}): ${expr}`;
  if (step === 0) return `step of range should be a positive number: ${expr}`;
  return undefined;
}

const descriptors = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);
const durationPattern = /^([0-9]*(\.[0-9]*)?(ns|us|µs|μs|ms|s|m|h))+$/;

/** Whether Go's time.LoadLocation accepts the name ("" is UTC, "Local" the host's zone). */
function loadableZone(zone: string): boolean {
  if (zone === '' || zone === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The error robfig/cron's ParseStandard returns for a schedule, if any. */
export function cronScheduleError(schedule: string): string | undefined {
  let spec = schedule;
  if (spec.length === 0) return 'empty spec string';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    if (space < 0) return undefined;
    const zone = spec.slice(spec.indexOf('=') + 1, space);
    if (!loadableZone(zone)) return `provided bad location ${zone}: unknown time zone ${zone}`;
    spec = spec.slice(space).trim();
  }
  if (spec.startsWith('@')) {
    if (descriptors.has(spec)) return undefined;
    if (spec.startsWith('@every ')) {
      const duration = spec.slice('@every '.length);
      if (duration === '0' || durationPattern.test(duration.replace(/^[+-]/, ''))) return undefined;
      return `failed to parse duration ${spec}: time: invalid duration ${JSON.stringify(duration)}`;
    }
    return `unrecognized descriptor: ${spec}`;
  }
  const parts = spec.split(/\s+/).filter((p) => p !== '');
  if (parts.length !== 5) return `expected exactly 5 fields, found ${parts.length}: [${parts.join(' ')}]`;
  for (let i = 0; i < 5; i++) {
    const bounds = fields[i];
    if (!bounds) continue;
    for (const expr of (parts[i] ?? '').split(',').filter((e) => e !== '')) {
      const error = checkRange(expr, bounds);
      if (error !== undefined) return error;
    }
  }
  return undefined;
}
