/**
 * Where Go's base64.StdEncoding.Decode rejects its input. Go's JSON decoder uses it for
 * `[]byte` fields (Secret `data`, ConfigMap `binaryData`), and the API server passes its
 * error through: `illegal base64 data at input byte N`.
 */
import { utf8Bytes } from './go-text.ts';

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decodeMap: number[] = new Array<number>(256).fill(0xff);
for (let i = 0; i < alphabet.length; i++) decodeMap[alphabet.charCodeAt(i)] = i;

const PAD = 0x3d; // '='
const isNewline = (b: number | undefined): boolean => b === 0x0a || b === 0x0d;

/**
 * Returns the byte offset Go reports for invalid input, or undefined when `s` decodes.
 * Follows decodeQuantum: newlines are skipped, `=` padding must be complete and final.
 */
export function base64ErrorOffset(s: string): number | undefined {
  const src = utf8Bytes(s);
  let si = 0;
  while (si < src.length) {
    let j = 0;
    for (; j < 4; j++) {
      if (si === src.length) {
        if (j === 0) return undefined;
        return si - j; // incomplete quantum: StdEncoding requires padding
      }
      const inByte = src[si] as number;
      si++;
      if ((decodeMap[inByte] as number) !== 0xff) continue;
      if (isNewline(inByte)) {
        j--;
        continue;
      }
      if (inByte !== PAD) return si - 1;
      // Padding: only valid as the last one or two characters of the final quantum.
      if (j === 0 || j === 1) return si - 1;
      if (j === 2) {
        while (si < src.length && isNewline(src[si])) si++;
        if (si === src.length) return src.length;
        if (src[si] !== PAD) return si - 1;
        si++;
      }
      while (si < src.length && isNewline(src[si])) si++;
      return si < src.length ? si : undefined;
    }
  }
  return undefined;
}

export function base64ErrorMessage(offset: number): string {
  return `illegal base64 data at input byte ${offset}`;
}
