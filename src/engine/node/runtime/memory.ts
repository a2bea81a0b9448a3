/** A memory limit quantity (`128Mi`, `1G`, `500000`) in bytes; undefined when unset or unreadable. */
export function memoryLimitBytes(quantity: string | undefined): number | undefined {
  if (quantity === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T|m)?$/.exec(quantity);
  if (!m) return undefined;
  const factor: Record<string, number> = {
    '': 1,
    Ki: 2 ** 10,
    Mi: 2 ** 20,
    Gi: 2 ** 30,
    Ti: 2 ** 40,
    k: 1e3,
    M: 1e6,
    G: 1e9,
    T: 1e12,
    m: 1e-3,
  };
  return Number(m[1]) * (factor[m[2] ?? ''] ?? 1);
}
