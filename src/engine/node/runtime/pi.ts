/** π to `digits` significant digits (Machin's formula on BigInt), as `perl -Mbignum=bpi -wle 'print bpi(N)'` prints it. */
export function piDigits(digits: number): string {
  const guard = 10n;
  const scale = 10n ** (BigInt(digits) + guard);
  const arctanInv = (x: bigint): bigint => {
    let sum = 0n;
    let term = scale / x;
    const x2 = x * x;
    for (let n = 1n, sign = 1n; term !== 0n; n += 2n, sign = -sign) {
      sum += (sign * term) / n;
      term /= x2;
    }
    return sum;
  };
  const pi = 4n * (4n * arctanInv(5n) - arctanInv(239n));
  const text = (pi / 10n ** guard).toString();
  // bignum rounds rather than truncates the last digit.
  const kept = BigInt(text.slice(0, digits));
  const rounded = (Number(text[digits] ?? '0') >= 5 ? kept + 1n : kept).toString();
  return `${rounded[0]}.${rounded.slice(1)}`;
}
