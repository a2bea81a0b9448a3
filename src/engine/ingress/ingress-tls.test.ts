import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { encodeBase64 } from '../node/runtime/base64.ts';
import {
  FAKE_CERTIFICATE,
  handshake,
  httpsRedirect,
  SELF_SIGNED_ERROR,
  serverCertificate,
  serverNameFor,
} from './ingress-tls.ts';

const PEM_CERT = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const PEM_KEY = '-----BEGIN PRIVATE KEY-----\nMIGH\n-----END PRIVATE KEY-----\n';

const rule = (host: string) => ({
  host,
  http: {
    paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }],
  },
});

function ingress(
  name: string,
  spec: object,
  options: { namespace?: string; created?: string; annotations?: Record<string, string> } = {},
): KubeObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: {
      name,
      namespace: options.namespace ?? 'default',
      creationTimestamp: options.created ?? '2025-01-01T00:00:00Z',
      ...(options.annotations ? { annotations: options.annotations } : {}),
    },
    spec: { ingressClassName: 'nginx', ...spec },
  };
}

function secret(name: string, data: Record<string, string>, namespace = 'default'): KubeObject {
  const encoded = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, encodeBase64(v)]));
  return {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name, namespace },
    type: 'kubernetes.io/tls',
    data: encoded,
  } as KubeObject;
}

const tlsSecret = secret('example-tls', { 'tls.crt': PEM_CERT, 'tls.key': PEM_KEY });

const secure = ingress('secure', {
  tls: [
    { hosts: ['example.com'], secretName: 'example-tls' },
    { hosts: ['staging.example.com'], secretName: 'staging-tls' },
    { hosts: ['sni.example.com'] },
  ],
  rules: [
    rule('example.com'),
    rule('staging.example.com'),
    rule('sni.example.com'),
    rule('other.example.com'),
  ],
});
const plain = ingress('plain', { rules: [rule('plain.example.com'), rule('*.example.org')] });

describe('the certificate of an ingress-nginx server', () => {
  it('is the Secret of the tls entry listing the host, from the Ingress namespace', () => {
    expect(serverCertificate([secure], [tlsSecret], 'example.com')).toEqual({
      kind: 'secret',
      namespace: 'default',
      name: 'example-tls',
    });
    const elsewhere = secret('example-tls', { 'tls.crt': PEM_CERT, 'tls.key': PEM_KEY }, 'other');
    expect(serverCertificate([secure], [elsewhere], 'example.com')).toEqual({ kind: 'default' });
  });

  it('falls back to the default certificate for a missing or unusable Secret, no secretName, or an unlisted host', () => {
    expect(serverCertificate([secure], [tlsSecret], 'staging.example.com')).toEqual({ kind: 'default' });
    expect(serverCertificate([secure], [tlsSecret], 'sni.example.com')).toEqual({ kind: 'default' });
    expect(serverCertificate([secure], [tlsSecret], 'other.example.com')).toEqual({ kind: 'default' });
    const noKey = secret('example-tls', { 'tls.crt': PEM_CERT });
    expect(serverCertificate([secure], [noKey], 'example.com')).toEqual({ kind: 'default' });
    const notPem = secret('example-tls', { 'tls.crt': 'garbage', 'tls.key': PEM_KEY });
    expect(serverCertificate([secure], [notPem], 'example.com')).toEqual({ kind: 'default' });
  });

  it('is undefined (no TLS) for hosts of Ingresses without a tls section, other classes, and the catch-all', () => {
    expect(serverCertificate([secure, plain], [tlsSecret], 'plain.example.com')).toBeUndefined();
    expect(serverCertificate([secure], [tlsSecret], '_')).toBeUndefined();
    const traefik = ingress('traefik', {
      ingressClassName: 'traefik',
      tls: [{ hosts: ['t.example.com'], secretName: 'example-tls' }],
      rules: [rule('t.example.com')],
    });
    expect(serverCertificate([traefik], [tlsSecret], 't.example.com')).toBeUndefined();
  });

  it('is decided by the oldest Ingress with a rule and a tls section for the host', () => {
    const older = ingress(
      'b-older',
      { rules: [rule('shared.example.com')] },
      { created: '2025-01-01T00:00:00Z' },
    );
    const withTls = ingress(
      'a-newer',
      {
        tls: [{ hosts: ['shared.example.com'], secretName: 'example-tls' }],
        rules: [rule('shared.example.com')],
      },
      { created: '2025-01-01T00:00:05Z' },
    );
    const newest = ingress(
      'c-newest',
      { tls: [{ hosts: ['shared.example.com'] }], rules: [rule('shared.example.com')] },
      { created: '2025-01-01T00:00:09Z' },
    );
    expect(serverCertificate([newest, withTls, older], [tlsSecret], 'shared.example.com')).toMatchObject({
      kind: 'secret',
      name: 'example-tls',
    });
  });

  it('finds the server of a request host: exact, then wildcard, else the catch-all', () => {
    expect(serverNameFor([secure, plain], 'Example.COM')).toBe('example.com');
    expect(serverNameFor([secure, plain], 'a.example.org')).toBe('*.example.org');
    expect(serverNameFor([secure, plain], 'a.b.example.org')).toBe('_');
  });
});

describe('the TLS handshake a client sees', () => {
  it('presents the Secret for the SNI host name', () => {
    expect(handshake([secure], [tlsSecret], 'example.com', false)).toEqual({
      ok: true,
      text: 'TLS default/example-tls',
    });
  });

  it('presents the self-signed fake certificate otherwise, which curl rejects unless --insecure', () => {
    for (const sni of ['staging.example.com', 'plain.example.com', 'unknown.test', undefined]) {
      const shake = handshake([secure, plain], [tlsSecret], sni, false);
      expect(shake).toEqual({ ok: false, text: `TLS "${FAKE_CERTIFICATE}"`, error: SELF_SIGNED_ERROR });
    }
    expect(SELF_SIGNED_ERROR).toBe('curl: (60) SSL certificate problem: self-signed certificate');
    expect(handshake([secure], [tlsSecret], 'staging.example.com', true)).toEqual({
      ok: true,
      text: `TLS "${FAKE_CERTIFICATE}" (not verified: --insecure)`,
    });
  });
});

describe('the redirect of plain HTTP to HTTPS', () => {
  const secret = { kind: 'secret', namespace: 'default', name: 'example-tls' } as const;
  const off = ingress('off', {}, { annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'false' } });
  const forced = ingress(
    'forced',
    {},
    { annotations: { 'nginx.ingress.kubernetes.io/force-ssl-redirect': 'true' } },
  );
  const keepSlash = ingress(
    'keep',
    {},
    { annotations: { 'nginx.ingress.kubernetes.io/preserve-trailing-slash': 'true' } },
  );

  it('happens when the server has a certificate, even the default one', () => {
    expect(httpsRedirect(secret, secure, 'example.com', '/shop')).toBe('https://example.com/shop');
    expect(httpsRedirect({ kind: 'default' }, secure, 'staging.example.com', '/a')).toBe(
      'https://staging.example.com/a',
    );
    expect(httpsRedirect(undefined, plain, 'plain.example.com', '/a')).toBeUndefined();
  });

  it('is turned off by ssl-redirect "false" and forced by force-ssl-redirect "true"', () => {
    expect(httpsRedirect(secret, off, 'example.com', '/shop')).toBeUndefined();
    expect(httpsRedirect(undefined, forced, 'plain.example.com', '/x')).toBe('https://plain.example.com/x');
    const invalid = ingress(
      'bad',
      {},
      { annotations: { 'nginx.ingress.kubernetes.io/ssl-redirect': 'nope' } },
    );
    expect(httpsRedirect(secret, invalid, 'example.com', '/')).toBe('https://example.com');
  });

  it('drops the port and a trailing slash unless preserve-trailing-slash is set', () => {
    expect(httpsRedirect(secret, secure, 'example.com:8080', '/')).toBe('https://example.com');
    expect(httpsRedirect(secret, secure, 'example.com', '/shop/')).toBe('https://example.com/shop');
    expect(httpsRedirect(secret, keepSlash, 'example.com', '/shop/')).toBe('https://example.com/shop/');
  });
});
