/**
 * resource.Quantity as validation needs it: exact comparison and the canonical `String()`
 * that error messages print (`0.5` → `500m`, `1536Mi` stays, `1Gi` → `1Gi`, `1000m` → `1`).
 * Values are exact decimals (BigInt mantissa × 10^scale), rounded up to nano precision as
 * apimachinery does.
 */

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  readonly mantissa: bigint;
  readonly scale: number;
  readonly format: QuantityFormat;
}

const decimalSuffixes: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const binarySuffixes: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const suffixForDecimalExponent = new Map(Object.entries(decimalSuffixes).map(([s, e]) => [e, s]));
const suffixForBinaryPower = new Map(Object.entries(binarySuffixes).map(([s, p]) => [p, s]));

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

function normalize(mantissa: bigint, scale: number, format: QuantityFormat): Quantity {
  let m = mantissa;
  let s = scale;
  if (s < -9) {
    // Quantities keep nano precision; finer values round away from zero.
    const div = pow10(-9 - s);
    const negative = m < 0n;
    const abs = negative ? -m : m;
    let q = abs / div;
    if (abs % div !== 0n) q += 1n;
    m = negative ? -q : q;
    s = -9;
  }
  if (m === 0n) return { mantissa: 0n, scale: 0, format };
  while (m % 10n === 0n) {
    m /= 10n;
    s += 1;
  }
  return { mantissa: m, scale: s, format };
}

const pattern = /^([+-]?)([0-9]*)(?:\.([0-9]*))?([eEinumkKMGTP]*[-+]?[0-9]*)$/;

/** Parses a quantity string (or JSON number); undefined when it is not a valid quantity. */
export function parseQuantity(input: unknown): Quantity | undefined {
  const text =
    typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : undefined;
  if (text === undefined || text === '') return undefined;
  const match = pattern.exec(text);
  if (!match) return undefined;
  const [, sign = '', whole = '', frac = '', suffix = ''] = match;
  if (whole === '' && frac === '') return undefined;
  let mantissa = BigInt((whole || '0') + frac);
  if (sign === '-') mantissa = -mantissa;
  let scale = -frac.length;
  let format: QuantityFormat;
  if (suffix in decimalSuffixes) {
    scale += decimalSuffixes[suffix] ?? 0;
    format = 'DecimalSI';
  } else if (suffix in binarySuffixes) {
    mantissa *= 1024n ** BigInt(binarySuffixes[suffix] ?? 0);
    format = 'BinarySI';
  } else if (/^[eE][-+]?[0-9]+$/.test(suffix)) {
    scale += Number(suffix.slice(1));
    format = 'DecimalExponent';
  } else {
    return undefined;
  }
  return normalize(mantissa, scale, format);
}

/** -1, 0 or 1, like Quantity.Cmp. */
export function compareQuantity(a: Quantity, b: Quantity): number {
  const scale = Math.min(a.scale, b.scale);
  const x = a.mantissa * pow10(a.scale - scale);
  const y = b.mantissa * pow10(b.scale - scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function isZero(q: Quantity): boolean {
  return q.mantissa === 0n;
}

function scaledCeil(q: Quantity, scale: number): bigint {
  if (q.scale >= scale) return q.mantissa * pow10(q.scale - scale);
  const div = pow10(scale - q.scale);
  const quotient = q.mantissa / div;
  // Go's ScaledValue rounds up (towards +infinity for positive values, away from zero otherwise).
  if (q.mantissa % div === 0n) return quotient;
  return q.mantissa > 0n ? quotient + 1n : quotient - 1n;
}

/** Quantity.Value(): the integer value, rounded up. */
export function quantityValue(q: Quantity): number {
  return Number(scaledCeil(q, 0));
}

/** Quantity.MilliValue(). */
export function quantityMilliValue(q: Quantity): number {
  return Number(scaledCeil(q, -3));
}

/** Quantity.String(): the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.mantissa === 0n) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    const integral = q.scale >= 0;
    const value = integral ? q.mantissa * pow10(q.scale) : 0n;
    if (!integral || (value > -1024n && value < 1024n)) format = 'DecimalSI';
    else {
      let amount = value;
      let power = 0;
      while (amount % 1024n === 0n && power < 6) {
        amount /= 1024n;
        power++;
      }
      return `${amount}${suffixForBinaryPower.get(power) ?? ''}`;
    }
  }
  let amount = q.mantissa;
  let exponent = q.scale;
  const rem = ((exponent % 3) + 3) % 3;
  if (rem !== 0) {
    amount *= pow10(rem);
    exponent -= rem;
  }
  if (format === 'DecimalExponent') return exponent === 0 ? `${amount}` : `${amount}e${exponent}`;
  const suffix = suffixForDecimalExponent.get(exponent);
  return suffix !== undefined ? `${amount}${suffix}` : `${amount}e${exponent}`;
}

/** The canonical text of a raw quantity value, or the raw text when it does not parse. */
export function canonicalQuantity(input: unknown): string {
  const q = parseQuantity(input);
  return q ? formatQuantity(q) : String(input);
}
