/**
 * ValidateNonSpecialIP (Endpoints, EndpointSlices, external IPs): no unspecified, loopback or
 * link-local addresses.
 */
import type { FieldError } from '../../api/field-errors.ts';
import { ipFamilySloppy } from '../../validation/ip.ts';
import { invalid } from './errors.ts';

function ipv4Octets(ip: string): number[] {
  return ip.split('.').map((o) => Number(o));
}

/** The first two 16-bit groups of an IPv6 address, expanding `::`. */
function ipv6Head(ip: string): { groups: number[]; all: number[] } {
  const [head = '', tail] = ip.split('::');
  const parse = (s: string) =>
    s === ''
      ? []
      : s
          .split(':')
          .filter((g) => !g.includes('.'))
          .map((g) => parseInt(g, 16));
  const h = parse(head);
  const t = tail === undefined ? [] : parse(tail);
  const all =
    tail === undefined ? h : [...h, ...new Array<number>(Math.max(0, 8 - h.length - t.length)).fill(0), ...t];
  return { groups: all.slice(0, 2), all };
}

export function validateNonSpecialIP(ip: string, path: string): FieldError[] {
  const family = ipFamilySloppy(ip);
  if (family === undefined) return [invalid(path, ip, 'must be a valid IP address')];
  let unspecified = false;
  let loopback = false;
  let linkLocalUnicast = false;
  let linkLocalMulticast = false;
  if (family === 4) {
    const [a = 0, b = 0, c = 0] = ipv4Octets(ip);
    unspecified = ipv4Octets(ip).every((o) => o === 0);
    loopback = a === 127;
    linkLocalUnicast = a === 169 && b === 254;
    linkLocalMulticast = a === 224 && b === 0 && c === 0;
  } else {
    const { groups, all } = ipv6Head(ip);
    const first = groups[0] ?? 0;
    unspecified = all.every((g) => g === 0);
    loopback = all.slice(0, 7).every((g) => g === 0) && all[7] === 1;
    linkLocalUnicast = (first & 0xffc0) === 0xfe80;
    linkLocalMulticast = (first & 0xff0f) === 0xff02;
  }
  const errs: FieldError[] = [];
  if (unspecified) errs.push(invalid(path, ip, `may not be unspecified (${ip})`));
  if (loopback) errs.push(invalid(path, ip, 'may not be in the loopback range (127.0.0.0/8, ::1/128)'));
  if (linkLocalUnicast)
    errs.push(invalid(path, ip, 'may not be in the link-local range (169.254.0.0/16, fe80::/10)'));
  if (linkLocalMulticast)
    errs.push(invalid(path, ip, 'may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)'));
  return errs;
}
