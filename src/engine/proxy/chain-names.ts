/**
 * kube-proxy's iptables chain names: the first 16 characters of the base32 SHA-256 of the
 * service port's name and protocol (and, for an endpoint's chain, its address).
 */
import { sha256 } from '@noble/hashes/sha2.js';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function portProtoHash(text: string): string {
  const bytes = new Uint8Array([...text].map((c) => c.charCodeAt(0) & 0xff));
  return base32(sha256(bytes)).slice(0, 16);
}

/** `default/web:http` (or `default/web` for an unnamed port). */
export function servicePortName(namespace: string, service: string, port: string): string {
  return port ? `${namespace}/${service}:${port}` : `${namespace}/${service}`;
}

export function serviceChain(portName: string, protocol: string): string {
  return `KUBE-SVC-${portProtoHash(portName + protocol.toLowerCase())}`;
}

export function externalChain(portName: string, protocol: string): string {
  return `KUBE-EXT-${portProtoHash(portName + protocol.toLowerCase())}`;
}

export function endpointChain(portName: string, protocol: string, endpoint: string): string {
  return `KUBE-SEP-${portProtoHash(portName + protocol.toLowerCase() + endpoint)}`;
}
