/**
 * Server-assigned identity: UIDs and generateName suffixes, drawn from the API server's
 * seeded random stream so that a run is reproducible.
 */
import type { Rng } from '../time/rng.ts';

/** apimachinery's `rand.String` alphabet: no vowels (no words), no confusable 0/1/3. */
export const NAME_SUFFIX_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

const MAX_GENERATED_NAME_LENGTH = 63 - 5;

export function randomSuffix(rng: Rng, length = 5): string {
  let out = '';
  for (let i = 0; i < length; i++) out += NAME_SUFFIX_ALPHABET[rng.int(NAME_SUFFIX_ALPHABET.length)];
  return out;
}

/** `names.SimpleNameGenerator`: the base cut to 58 characters, then 5 random characters. */
export function generateName(rng: Rng, base: string): string {
  const cut = base.length > MAX_GENERATED_NAME_LENGTH ? base.slice(0, MAX_GENERATED_NAME_LENGTH) : base;
  return cut + randomSuffix(rng);
}

/** A random (version 4) UUID in its canonical text form. */
export function newUid(rng: Rng): string {
  const hex: string[] = [];
  for (let i = 0; i < 4; i++) hex.push(rng.nextUint32().toString(16).padStart(8, '0'));
  const h = hex.join('');
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
