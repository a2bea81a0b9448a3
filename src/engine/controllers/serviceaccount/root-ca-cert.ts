/**
 * The cluster's root CA certificate, as kubeadm makes it: a self-signed X.509 v3 CA for
 * `CN=kubernetes`, RSA 2048, valid for ten years from five minutes before the cluster
 * started. The key and signature bytes come from the cluster's seeded random stream, so
 * the certificate is well-formed DER that parses everywhere, but nothing can verify it.
 */
import type { Rng } from '../../time/rng.ts';

const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000;
const BACKDATE_MS = 5 * 60 * 1000;

const OID_SHA256_WITH_RSA = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x0b];
const OID_RSA = [0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01];
const OID_COMMON_NAME = [0x06, 0x03, 0x55, 0x04, 0x03];
const OID_KEY_USAGE = [0x06, 0x03, 0x55, 0x1d, 0x0f];
const OID_BASIC_CONSTRAINTS = [0x06, 0x03, 0x55, 0x1d, 0x13];
const OID_SUBJECT_KEY_ID = [0x06, 0x03, 0x55, 0x1d, 0x0e];
const OID_SUBJECT_ALT_NAME = [0x06, 0x03, 0x55, 0x1d, 0x11];
const NULL = [0x05, 0x00];
const TRUE = [0x01, 0x01, 0xff];

/** PEM text of the root CA (what `ca.crt` holds in kubeconfigs and in `kube-root-ca.crt`). */
export function generateRootCaPem(rng: Rng, clusterStartMs: number): string {
  const notBefore = clusterStartMs - BACKDATE_MS;
  const signatureAlgorithm = seq(OID_SHA256_WITH_RSA, NULL);
  const name = seq(tlv(0x31, seq(OID_COMMON_NAME, tlv(0x13, ascii('kubernetes')))));
  const serial = randomBytes(rng, 8);
  serial[0] = serial[0]! & 0x7f;
  const modulus = randomBytes(rng, 256);
  modulus[0] = modulus[0]! | 0x80;
  const publicKey = seq(integer(modulus), integer([0x01, 0x00, 0x01]));
  const extensions = tlv(
    0xa3,
    seq(
      // digitalSignature, keyEncipherment, keyCertSign
      seq(OID_KEY_USAGE, TRUE, octets([0x03, 0x02, 0x02, 0xa4])),
      seq(OID_BASIC_CONSTRAINTS, TRUE, octets(seq(TRUE))),
      seq(OID_SUBJECT_KEY_ID, octets(octets(randomBytes(rng, 20)))),
      seq(OID_SUBJECT_ALT_NAME, octets(seq(tlv(0x82, ascii('kubernetes'))))),
    ),
  );
  const tbs = seq(
    tlv(0xa0, integer([0x02])),
    integer(serial),
    signatureAlgorithm,
    name,
    seq(utcTime(notBefore), utcTime(notBefore + TEN_YEARS_MS)),
    name,
    seq(seq(OID_RSA, NULL), bitString(publicKey)),
    extensions,
  );
  const der = seq(tbs, signatureAlgorithm, bitString(randomBytes(rng, 256)));
  const lines = base64(der).match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

function tlv(tag: number, content: readonly number[]): number[] {
  const n = content.length;
  const length = n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff];
  return [tag, ...length, ...content];
}

function seq(...parts: (readonly number[])[]): number[] {
  return tlv(0x30, parts.flat());
}

function integer(bytes: readonly number[]): number[] {
  // A leading 1 bit would make a DER INTEGER negative.
  return tlv(0x02, (bytes[0] ?? 0) & 0x80 ? [0x00, ...bytes] : bytes);
}

function octets(bytes: readonly number[]): number[] {
  return tlv(0x04, bytes);
}

function bitString(bytes: readonly number[]): number[] {
  return tlv(0x03, [0x00, ...bytes]);
}

function utcTime(ms: number): number[] {
  const iso = new Date(ms).toISOString();
  const text = `${iso.slice(2, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  return tlv(0x17, ascii(text));
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

function randomBytes(rng: Rng, n: number): number[] {
  const out: number[] = [];
  while (out.length < n) {
    const x = rng.nextUint32();
    out.push(x >>> 24, (x >>> 16) & 0xff, (x >>> 8) & 0xff, x & 0xff);
  }
  return out.slice(0, n);
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i]!;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += ALPHABET[n >> 18]! + ALPHABET[(n >> 12) & 63]!;
    out += b1 === undefined ? '=' : ALPHABET[(n >> 6) & 63]!;
    out += b2 === undefined ? '=' : ALPHABET[n & 63]!;
  }
  return out;
}
