/** The speed slider's stops: 0.1× to 100× of virtual time, roughly logarithmic. */
export const SPEEDS = [0.1, 0.25, 0.5, 1, 2, 5, 10, 25, 50, 100] as const;

export function speedIndex(speed: number): number {
  let best = 0;
  SPEEDS.forEach((s, i) => {
    if (Math.abs(Math.log(s / speed)) < Math.abs(Math.log((SPEEDS[best] ?? 1) / speed))) best = i;
  });
  return best;
}

/** Virtual time since the cluster started, as `mm:ss.t` (hours when needed). */
export function formatElapsed(ms: number): string {
  const tenths = Math.floor(Math.max(0, ms) / 100);
  const seconds = Math.floor(tenths / 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const base = `${pad(m)}:${pad(seconds % 60)}.${tenths % 10}`;
  return h > 0 ? `${h}:${base}` : base;
}
