/**
 * Whether a value decodes as a resource.Quantity, and if not, the error text
 * k8s.io/apimachinery's ParseQuantity returns (the API server passes it through unchanged).
 */

const splitREString = '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$';
export const quantityErrFormatWrong = `quantities must match the regular expression '${splitREString}'`;
export const quantityErrNumeric = 'unable to parse numeric part of quantity';
export const quantityErrSuffix = "unable to parse quantity's suffix";

const decimalSuffixes = new Set(['n', 'u', 'm', '', 'k', 'M', 'G', 'T', 'P', 'E']);
const binarySuffixes = new Set(['Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);
const suffixChars = 'eEinumkKMGTP';
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

interface Split {
  value: string;
  num: string;
  denom: string;
  suffix: string;
}

/** parseQuantityString: a scanner that is looser than the documented grammar. */
function split(str: string): Split | undefined {
  let pos = 0;
  const end = str.length;
  if (str[0] === '-' || str[0] === '+') pos++;
  while (pos < end && str[pos] === '0') pos++;
  if (pos >= end) return { value: '0', num: '0', denom: '', suffix: '' };
  let i = pos;
  while (i < end && isDigit(str[i])) i++;
  if (i >= end) return { value: str, num: str.slice(pos), denom: '', suffix: '' };
  const num = str.slice(pos, i) || '0';
  pos = i;
  let denom = '';
  if (str[pos] === '.') {
    pos++;
    i = pos;
    while (i < end && isDigit(str[i])) i++;
    denom = str.slice(pos, i);
    if (i >= end) return { value: str, num, denom, suffix: '' };
    pos = i;
  }
  const value = str.slice(0, pos);
  const suffixStart = pos;
  i = pos;
  while (i < end && suffixChars.includes(str[i] as string)) i++;
  if (i >= end) return { value, num, denom, suffix: str.slice(suffixStart) };
  pos = i;
  if (str[pos] === '-' || str[pos] === '+') pos++;
  for (i = pos; i < end; i++) if (!isDigit(str[i])) return undefined;
  return { value, num, denom, suffix: str.slice(suffixStart) };
}

function suffixValid(suffix: string): boolean {
  if (decimalSuffixes.has(suffix) || binarySuffixes.has(suffix)) return true;
  if (suffix.length > 1 && (suffix[0] === 'e' || suffix[0] === 'E')) {
    return /^[+-]?[0-9]+$/.test(suffix.slice(1)) && BigInt(suffix.slice(1)) < 2n ** 63n;
  }
  return false;
}

/** ParseQuantity: undefined when `str` parses, else its error text. */
export function parseQuantityError(str: string): string | undefined {
  if (str.length === 0) return quantityErrFormatWrong;
  if (str === '0') return undefined;
  const parts = split(str);
  if (!parts) return quantityErrFormatWrong;
  if (!suffixValid(parts.suffix)) return quantityErrSuffix;
  return undefined;
}

/**
 * Quantity.UnmarshalJSON: `raw` is the JSON text of the value. Quotes are stripped without
 * unescaping and surrounding white space is trimmed before parsing.
 */
export function quantityJsonError(raw: string): string | undefined {
  if (raw === 'null') return undefined;
  let text = raw;
  if (text.length >= 2 && text.startsWith('"') && text.endsWith('"')) text = text.slice(1, -1);
  return parseQuantityError(text.trim());
}
