/**
 * IP and CIDR checks as kube-apiserver applies them (`k8s.io/utils/net` ParseIPSloppy,
 * ParseCIDRSloppy): the pre-Go-1.17 parser, which still accepts IPv4 octets with leading
 * zeros. Messages are apimachinery `pkg/util/validation/ip.go`'s.
 */

const big = 0xffffff;

/** Go's dtoi: decimal digits at the start of `s`; fails on none or on overflow. */
function dtoi(s: string, from: number): { n: number; end: number } | undefined {
  let n = 0;
  let i = from;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    n = n * 10 + (c - 48);
    if (n >= big) return undefined;
  }
  return i === from ? undefined : { n, end: i };
}

/** Go's xtoi: hexadecimal digits at the start of `s`. */
function xtoi(s: string, from: number): { n: number; end: number } | undefined {
  let n = 0;
  let i = from;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (c >= 48 && c <= 57) d = c - 48;
    else if (c >= 97 && c <= 102) d = c - 87;
    else if (c >= 65 && c <= 70) d = c - 55;
    else break;
    n = n * 16 + d;
    if (n >= big) return undefined;
  }
  return i === from ? undefined : { n, end: i };
}

function parseIPv4(s: string, from = 0): boolean {
  let pos = from;
  for (let octet = 0; octet < 4; octet++) {
    if (pos >= s.length) return false;
    if (octet > 0) {
      if (s[pos] !== '.') return false;
      pos++;
    }
    const num = dtoi(s, pos);
    if (!num || num.n > 0xff) return false;
    pos = num.end;
  }
  return pos === s.length;
}

function parseIPv6(s: string): boolean {
  let filled = 0;
  let ellipsis = -1;
  let pos = 0;
  if (s.startsWith('::')) {
    ellipsis = 0;
    pos = 2;
    if (pos === s.length) return true;
  }
  while (filled < 16) {
    const num = xtoi(s, pos);
    if (!num || num.n > 0xffff) return false;
    if (num.end < s.length && s[num.end] === '.') {
      if (ellipsis < 0 && filled !== 12) return false;
      if (filled + 4 > 16) return false;
      if (!parseIPv4(s, pos)) return false;
      pos = s.length;
      filled += 4;
      break;
    }
    filled += 2;
    pos = num.end;
    if (pos === s.length) break;
    if (s[pos] !== ':' || pos + 1 === s.length) return false;
    pos++;
    if (s[pos] === ':') {
      if (ellipsis >= 0) return false;
      ellipsis = filled;
      pos++;
      if (pos === s.length) break;
    }
  }
  if (pos !== s.length) return false;
  if (filled < 16) return ellipsis >= 0;
  // An ellipsis must stand for at least one zero group.
  return ellipsis < 0;
}

/** Which family `s` parses as, or undefined; the first '.' or ':' decides, as in Go. */
export function ipFamilySloppy(s: string): 4 | 6 | undefined {
  for (const ch of s) {
    if (ch === '.') return parseIPv4(s) ? 4 : undefined;
    if (ch === ':') return parseIPv6(s) ? 6 : undefined;
  }
  return undefined;
}

export function isValidIP(value: string): string[] {
  if (ipFamilySloppy(value) !== undefined) return [];
  return ['must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'];
}

/** IPv4, including IPv4-mapped IPv6 forms such as `::ffff:1.2.3.4` (Go's To4() accepts them). */
export function isValidIPv4Address(value: string): string[] {
  const family = ipFamilySloppy(value);
  if (family === 4 || (family === 6 && isIPv4Mapped(value))) return [];
  return ['must be a valid IPv4 address'];
}

export function isValidIPv6Address(value: string): string[] {
  if (ipFamilySloppy(value) === 6 && !isIPv4Mapped(value)) return [];
  return ['must be a valid IPv6 address'];
}

export function isValidCIDR(value: string): string[] {
  const message = ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'];
  const slash = value.indexOf('/');
  if (slash < 0) return message;
  const addr = value.slice(0, slash);
  const mask = value.slice(slash + 1);
  const bits = parseIPv4(addr) ? 32 : parseIPv6(addr) ? 128 : 0;
  const prefix = dtoi(mask, 0);
  if (bits === 0 || !prefix || prefix.end !== mask.length || prefix.n > bits) return message;
  return [];
}

/** True for `::ffff:a.b.c.d` and the hex spelling of the same prefix. */
function isIPv4Mapped(value: string): boolean {
  const bytes = ipv6Bytes(value);
  if (!bytes) return false;
  for (let i = 0; i < 10; i++) if (bytes[i] !== 0) return false;
  return bytes[10] === 0xff && bytes[11] === 0xff;
}

/** The 16 bytes of a valid IPv6 text (validated beforehand by parseIPv6). */
function ipv6Bytes(value: string): number[] | undefined {
  if (!parseIPv6(value)) return undefined;
  const [head = '', tail] = value.split('::');
  const groups = (part: string): number[] => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (g.includes('.')) {
        const o = g.split('.').map(Number);
        out.push(((o[0] ?? 0) << 8) | (o[1] ?? 0), ((o[2] ?? 0) << 8) | (o[3] ?? 0));
      } else out.push(parseInt(g, 16));
    }
    return out;
  };
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const words = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return words.flatMap((w) => [w >> 8, w & 0xff]);
}
