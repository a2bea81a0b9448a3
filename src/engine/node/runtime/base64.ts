/** Base64 as Secrets hold it, decoded to the text a container reads (UTF-8 when it is). */
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function decodeBase64(text: string): string {
  let bits = 0;
  let value = 0;
  const bytes: number[] = [];
  for (const ch of text.replace(/=+$/, '')) {
    const v = B64.indexOf(ch);
    if (v < 0) continue;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((value >> bits) & 0xff);
    }
  }
  try {
    return decodeURIComponent(bytes.map((b) => `%${b.toString(16).padStart(2, '0')}`).join(''));
  } catch {
    return String.fromCharCode(...bytes);
  }
}

/** Text as Secrets hold it: its UTF-8 bytes in standard base64. */
export function encodeBase64(text: string): string {
  const bytes = utf8Bytes(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = bytes.slice(i, i + 3);
    const n = (a << 16) | (b << 8) | c;
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

function utf8Bytes(text: string): number[] {
  const bytes: number[] = [];
  // encodeURIComponent spells out every non-ASCII byte as %XX; ASCII stays as it is.
  for (const part of encodeURIComponent(text).match(/%[0-9A-F]{2}|[^%]/g) ?? []) {
    bytes.push(part.startsWith('%') ? parseInt(part.slice(1), 16) : part.charCodeAt(0));
  }
  return bytes;
}
