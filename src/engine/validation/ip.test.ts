import { describe, expect, it } from 'vitest';
import { isValidCIDR, isValidIP, isValidIPv4Address, isValidIPv6Address } from './ip.ts';

const ipMsg = 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)';

describe('isValidIP (sloppy, as kube-apiserver parses)', () => {
  it.each([
    '10.9.8.7',
    '010.009.008.007',
    '::',
    '::1',
    '2001:db8::ffff',
    '::ffff:1.2.3.4',
    '1:2:3:4:5:6:7:8',
    '1:2:3:4:5:6:1.2.3.4',
  ])('accepts %s', (ip) => expect(isValidIP(ip)).toEqual([]));
  it.each([
    '',
    '1.2.3',
    '1.2.3.256',
    '1.2.3.4.5',
    ':::',
    '1::2::3',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    'fe80::1%eth0',
    'abc',
    '1.2.3.4 ',
  ])('rejects %j', (ip) => expect(isValidIP(ip)).toEqual([ipMsg]));
  it('tells the families apart, counting IPv4-mapped addresses as IPv4', () => {
    expect(isValidIPv4Address('::ffff:10.0.0.1')).toEqual([]);
    expect(isValidIPv4Address('2001:db8::1')).toEqual(['must be a valid IPv4 address']);
    expect(isValidIPv6Address('10.0.0.1')).toEqual(['must be a valid IPv6 address']);
    expect(isValidIPv6Address('2001:db8::1')).toEqual([]);
  });
});

describe('isValidCIDR', () => {
  it('accepts prefixes within the family size', () => {
    expect(isValidCIDR('10.96.0.0/12')).toEqual([]);
    expect(isValidCIDR('fd00::/108')).toEqual([]);
  });
  it('rejects missing or oversize prefixes', () => {
    const msg = ['must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'];
    expect(isValidCIDR('10.0.0.0')).toEqual(msg);
    expect(isValidCIDR('10.0.0.0/33')).toEqual(msg);
    expect(isValidCIDR('10.0.0.0/')).toEqual(msg);
    expect(isValidCIDR('::/129')).toEqual(msg);
  });
});
