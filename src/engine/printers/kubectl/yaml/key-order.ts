/**
 * The order go-yaml v2 writes map keys in (its `keyList.Less`), which is what kubectl's
 * `-o yaml` shows: not plain byte order but a "natural" one. At the first differing
 * character two letters compare by code point, a non-letter sorts before a letter, and
 * runs of digits compare by their numeric value (`z9` < `z10`).
 */
const letter = /^\p{L}$/u;
const digit = /^\p{Nd}$/u;

function isLetter(ch: string): boolean {
  return letter.test(ch);
}

function isDigit(ch: string): boolean {
  return digit.test(ch);
}

function digitValue(ch: string): number {
  return ch.codePointAt(0)! - 48;
}

export function yamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  for (let i = 0; i < ar.length && i < br.length; i++) {
    const ac = ar[i]!;
    const bc = br[i]!;
    if (ac === bc) continue;
    const al = isLetter(ac);
    const bl = isLetter(bc);
    if (al && bl) return ac.codePointAt(0)! < bc.codePointAt(0)!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ac === '0' || bc === '0') {
      // A zero inside a longer number (`10` vs `1a`) must not read as a leading zero.
      for (let j = i - 1; j >= 0 && isDigit(ar[j]!); j--) {
        if (ar[j] !== '0') {
          an = 1;
          bn = 1;
          break;
        }
      }
    }
    let ai = i;
    for (; ai < ar.length && isDigit(ar[ai]!); ai++) an = an * 10 + digitValue(ar[ai]!);
    let bi = i;
    for (; bi < br.length && isDigit(br[bi]!); bi++) bn = bn * 10 + digitValue(br[bi]!);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ac.codePointAt(0)! < bc.codePointAt(0)!;
  }
  return ar.length < br.length;
}

export function compareYamlKeys(a: string, b: string): number {
  if (yamlKeyLess(a, b)) return -1;
  return yamlKeyLess(b, a) ? 1 : 0;
}
