import { describe, expect, it } from 'vitest';
import {
  isConfigMapKey,
  isDNS1035Label,
  isDNS1123Label,
  isDNS1123Subdomain,
  isQualifiedName,
  isValidLabelValue,
  isValidPercent,
  isValidPortName,
  isValidPortNum,
  isWildcardDNS1123Subdomain,
} from './names.ts';
import { regexError } from './messages.ts';

const subdomainMsg =
  "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')";
const labelMsg =
  "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')";
const nameMsg =
  "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";
const labelValueMsg =
  "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')";

describe('regexError', () => {
  it('puts a doubled space before " or ", as Go does', () => {
    expect(regexError('m', 'r', 'a', 'b')).toBe("m (e.g. 'a',  or 'b', regex used for validation is 'r')");
    expect(regexError('m', 'r')).toBe("m (regex used for validation is 'r')");
  });
});

describe('isDNS1123Subdomain', () => {
  it('accepts dotted lowercase names up to 253 bytes', () => {
    expect(isDNS1123Subdomain('my-app.v1')).toEqual([]);
    expect(isDNS1123Subdomain('a'.repeat(253))).toEqual([]);
  });
  it('rejects upper case and long names with the exact messages', () => {
    expect(isDNS1123Subdomain('Foo')).toEqual([subdomainMsg]);
    expect(isDNS1123Subdomain('a'.repeat(254))).toEqual(['must be no more than 253 characters']);
    expect(isDNS1123Subdomain('')).toEqual([subdomainMsg]);
  });
});

describe('isDNS1123Label', () => {
  it('says "must not contain dots" for a valid subdomain', () => {
    expect(isDNS1123Label('a.b')).toEqual(['must not contain dots']);
  });
  it('reports length and format separately', () => {
    expect(isDNS1123Label('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(isDNS1123Label('-x')).toEqual([labelMsg]);
    expect(isDNS1123Label('kube-system')).toEqual([]);
  });
});

describe('isDNS1035Label', () => {
  it('requires a leading letter', () => {
    expect(isDNS1035Label('1abc')).toEqual([
      "a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')",
    ]);
    expect(isDNS1035Label('web')).toEqual([]);
  });
});

describe('isQualifiedName', () => {
  it('accepts prefixed and plain keys', () => {
    expect(isQualifiedName('app.kubernetes.io/name')).toEqual([]);
    expect(isQualifiedName('Tier_1')).toEqual([]);
  });
  it('checks the prefix as a subdomain', () => {
    expect(isQualifiedName('/x')).toEqual(['prefix part must be non-empty']);
    expect(isQualifiedName('Example.com/x')).toEqual([`prefix part ${subdomainMsg}`]);
  });
  it('reports an empty name twice (empty and regex), like Go', () => {
    expect(isQualifiedName('')).toEqual(['name part must be non-empty', nameMsg]);
  });
  it('reports a too long name', () => {
    expect(isQualifiedName('a'.repeat(64))).toEqual(['name part must be no more than 63 characters']);
  });
  it('rejects more than one slash with the whole-key message', () => {
    expect(isQualifiedName('a/b/c')).toEqual([
      "a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});

describe('isValidLabelValue', () => {
  it('allows empty and 63-byte values', () => {
    expect(isValidLabelValue('')).toEqual([]);
    expect(isValidLabelValue('a'.repeat(63))).toEqual([]);
  });
  it('rejects bad characters and long values', () => {
    expect(isValidLabelValue('-bad')).toEqual([labelValueMsg]);
    expect(isValidLabelValue('a'.repeat(64))).toEqual(['must be no more than 63 characters']);
    expect(isValidLabelValue('ü')).toEqual([labelValueMsg]);
  });
});

describe('ports and percents', () => {
  it('checks port numbers', () => {
    expect(isValidPortNum(80)).toEqual([]);
    expect(isValidPortNum(0)).toEqual(['must be between 1 and 65535, inclusive']);
    expect(isValidPortNum(65536)).toEqual(['must be between 1 and 65535, inclusive']);
  });
  it('checks port names in Go order', () => {
    expect(isValidPortName('http')).toEqual([]);
    expect(isValidPortName('-a--B')).toEqual([
      'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)',
      'must not contain consecutive hyphens',
      'must not begin or end with a hyphen',
    ]);
    expect(isValidPortName('8080')).toEqual(['must contain at least one letter (a-z)']);
    expect(isValidPortName('a-very-long-port-name')).toEqual(['must be no more than 15 characters']);
  });
  it('checks percents', () => {
    expect(isValidPercent('25%')).toEqual([]);
    expect(isValidPercent('1')).toEqual([
      "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
    ]);
  });
});

describe('other keys', () => {
  it('checks config map keys including the .. prefix', () => {
    expect(isConfigMapKey('app.properties')).toEqual([]);
    expect(isConfigMapKey('..data')).toEqual(["must not start with '..'"]);
  });
  it('checks wildcard hosts', () => {
    expect(isWildcardDNS1123Subdomain('*.example.com')).toEqual([]);
    expect(isWildcardDNS1123Subdomain('example.com')).toHaveLength(1);
  });
});
