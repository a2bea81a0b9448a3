/**
 * The `pod-template-hash` label (`controller.ComputeHash`): a 32-bit FNV-1a over the pod
 * template (and the Deployment's collisionCount, if any), written in decimal and mapped
 * through the vowel-free alphabet of `rand.SafeEncodeString`. Kubernetes hashes a Go object
 * dump; the same inputs here give a different but equally stable value of the same shape.
 */
const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** JSON with object keys sorted, so equal templates serialise identically. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    const keys = Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function fnvBytes(hash: number, bytes: Iterable<number>): number {
  let h = hash;
  for (const b of bytes) {
    h ^= b;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** `rand.SafeEncodeString`: each character's code modulo 27 picks from the alphabet. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += ALPHANUMS[s.charCodeAt(i) % ALPHANUMS.length] ?? '';
  return out;
}

export function computeHash(template: unknown, collisionCount?: number): string {
  let h = fnvBytes(0x811c9dc5, utf8(canonicalJson(template)));
  if (collisionCount !== undefined) {
    // Go writes the count as a little-endian uint32 into an 8-byte buffer.
    const n = collisionCount >>> 0;
    h = fnvBytes(h, [n & 255, (n >>> 8) & 255, (n >>> 16) & 255, n >>> 24, 0, 0, 0, 0]);
  }
  return safeEncodeString(String(h));
}
