/**
 * `kubectl -o json`: Go's json.MarshalIndent with four spaces. Map keys come out in byte
 * order, and Go's encoder escapes `<`, `>`, `&`, U+2028 and U+2029 (kubectl prints
 * `"\u003cnone\u003e"`).
 */

function compareBytes(a: string, b: string): number {
  // Code point order equals UTF-8 byte order.
  const ac = [...a];
  const bc = [...b];
  for (let i = 0; i < ac.length && i < bc.length; i++) {
    const d = ac[i]!.codePointAt(0)! - bc[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ac.length - bc.length;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compareBytes))
    sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

const goEscapes: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/** The JSON kubectl prints for a value, ending in a newline. */
export function marshalJson(value: unknown): string {
  // These characters only ever occur inside JSON strings, so a textual pass is safe.
  const text = JSON.stringify(sortKeys(value), null, 4).replace(/[<>&\u2028\u2029]/g, (ch) => goEscapes[ch]!);
  return `${text}\n`;
}
