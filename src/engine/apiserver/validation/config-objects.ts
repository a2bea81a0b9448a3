/**
 * Namespaces, ConfigMaps, Secrets and ServiceAccounts (core/validation).
 */
import type { FieldError } from '../../api/field-errors.ts';
import type { KubeObject } from '../../api/types.ts';
import { nameIsDNSSubdomain, validateNamespaceName } from '../../validation/generic.ts';
import { isConfigMapKey, isQualifiedName } from '../../validation/names.ts';
import { utf8Length } from '../../validation/messages.ts';
import { deepEqual, index, isObj, objOr, str, strArr } from './access.ts';
import { fieldImmutableErrorMsg, forbidden, invalid, required, tooLong } from './errors.ts';
import { validateKubeFinalizerName, validateMeta, validateMetaUpdate } from './meta.ts';
import { named } from './values.ts';

const maxSecretSize = 1024 * 1024;

function validateNamespaceFinalizer(value: string, path: string): FieldError[] {
  return [
    ...isQualifiedName(value).map((msg) => invalid(path, value, msg)),
    ...validateKubeFinalizerName(value, path),
  ];
}

export function validateNamespace(ns: KubeObject): FieldError[] {
  const errs = validateMeta(ns.metadata, false, validateNamespaceName);
  for (const f of strArr(objOr(ns.spec).finalizers))
    errs.push(...validateNamespaceFinalizer(f, 'spec.finalizers'));
  return errs;
}

export function validateNamespaceUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return validateMetaUpdate(next.metadata, old.metadata);
}

export function validateNamespaceStatusUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  const phase = str(objOr(next.status).phase);
  if (!next.metadata.deletionTimestamp) {
    if (phase !== 'Active')
      errs.push(
        invalid('status.Phase', named(phase), "may only be 'Active' if `deletionTimestamp` is empty"),
      );
  } else if (phase !== 'Terminating') {
    errs.push(
      invalid('status.Phase', named(phase), "may only be 'Terminating' if `deletionTimestamp` is not empty"),
    );
  }
  return errs;
}

export function validateNamespaceFinalizeUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  strArr(objOr(next.spec).finalizers).forEach((f, i) =>
    errs.push(...validateNamespaceFinalizer(f, index('spec.finalizers', i))),
  );
  return errs;
}

/** Decoded byte length of a base64 value (Secret data, ConfigMap binaryData). */
function base64Length(value: string): number {
  const clean = value.replace(/\s/g, '');
  const padding = clean.endsWith('==') ? 2 : clean.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((clean.length * 3) / 4) - padding);
}

const base64Alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes base64 into a string of byte values (Latin-1), or undefined when it is not base64. */
function decodeBase64(value: string): string | undefined {
  const clean = value.replace(/\s/g, '').replace(/=+$/, '');
  let bits = 0;
  let buffer = 0;
  let out = '';
  for (const ch of clean) {
    const v = base64Alphabet.indexOf(ch);
    if (v < 0) return undefined;
    buffer = (buffer << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += String.fromCharCode((buffer >> bits) & 0xff);
    }
  }
  return out;
}

/** encoding/json's error for a bad literal (`nul`, `tru`, `fals`…) starting the text. */
function literalError(text: string): string | undefined {
  for (const word of ['true', 'false', 'null']) {
    if (text.charAt(0) !== word.charAt(0)) continue;
    for (let i = 1; i < word.length; i++) {
      if (i >= text.length) return 'unexpected end of JSON input';
      if (text.charAt(i) !== word.charAt(i)) {
        return `invalid character '${text.charAt(i)}' in literal ${word} (expecting '${word.charAt(i)}')`;
      }
    }
  }
  return undefined;
}

/** The message encoding/json gives when a value is not a JSON object (common cases). */
function jsonObjectError(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return 'unexpected end of JSON input';
  let parsed: unknown;
  try {
    parsed = JSON.parse(trimmed);
  } catch {
    const first = trimmed.charAt(0);
    const literal = literalError(trimmed);
    if (literal !== undefined) return literal;
    return /[[{"\-0-9]/.test(first)
      ? 'unexpected end of JSON input'
      : `invalid character '${first}' looking for beginning of value`;
  }
  if (isObj(parsed) || parsed === null) return undefined;
  const type = Array.isArray(parsed) ? 'array' : typeof parsed === 'boolean' ? 'bool' : typeof parsed;
  return `json: cannot unmarshal ${type} into Go value of type map[string]interface {}`;
}

/** The Secret's data as the internal type sees it: data merged with stringData. */
function secretData(secret: KubeObject): Map<string, { size: number; text: () => string | undefined }> {
  const out = new Map<string, { size: number; text: () => string | undefined }>();
  for (const [k, v] of Object.entries(objOr(secret.data))) {
    const raw = str(v);
    out.set(k, { size: base64Length(raw), text: () => decodeBase64(raw) });
  }
  for (const [k, v] of Object.entries(objOr(secret.stringData))) {
    const raw = str(v);
    out.set(k, { size: utf8Length(raw), text: () => raw });
  }
  return out;
}

export function validateSecret(secret: KubeObject): FieldError[] {
  const errs = validateMeta(secret.metadata, true, nameIsDNSSubdomain);
  const data = secretData(secret);
  let total = 0;
  for (const [k, v] of data) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(`data[${k}]`, k, msg));
    total += v.size;
  }
  if (total > maxSecretSize) errs.push(tooLong('data', maxSecretSize));
  const type = str(secret.type);
  const need = (key: string) => `data[${key}]`;
  switch (type) {
    case 'kubernetes.io/service-account-token':
      if (!secret.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/dockercfg':
    case 'kubernetes.io/dockerconfigjson': {
      const key = type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
      const entry = data.get(key);
      if (!entry) errs.push(required(need(key)));
      else {
        const error = jsonObjectError(entry.text() ?? '');
        if (error !== undefined) errs.push(invalid(need(key), '<secret contents redacted>', error));
      }
      break;
    }
    case 'kubernetes.io/basic-auth':
      if (!data.has('username') && !data.has('password'))
        errs.push(required(need('username')), required(need('password')));
      break;
    case 'kubernetes.io/ssh-auth':
      if ((data.get('ssh-privatekey')?.size ?? 0) === 0) errs.push(required(need('ssh-privatekey')));
      break;
    case 'kubernetes.io/tls':
      if (!data.has('tls.crt')) errs.push(required(need('tls.crt')));
      if (!data.has('tls.key')) errs.push(required(need('tls.key')));
      break;
    default:
      break;
  }
  return errs;
}

const immutableMsg = 'field is immutable when `immutable` is set';

export function validateSecretUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  if (str(next.type) !== str(old.type))
    errs.push(invalid('type', named(str(next.type)), fieldImmutableErrorMsg));
  if (old.immutable === true) {
    if (next.immutable !== true) errs.push(forbidden('immutable', immutableMsg));
    if (!deepEqual(mergedData(next), mergedData(old))) errs.push(forbidden('data', immutableMsg));
  }
  errs.push(...validateSecret(next));
  return errs;
}

function mergedData(secret: KubeObject): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [k, v] of secretData(secret)) out[k] = v.text();
  return out;
}

export function validateConfigMap(cm: KubeObject): FieldError[] {
  const errs = validateMeta(cm.metadata, true, nameIsDNSSubdomain);
  const data = objOr(cm.data);
  const binary = objOr(cm.binaryData);
  let total = 0;
  for (const [k, v] of Object.entries(data)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(`data[${k}]`, k, msg));
    if (k in binary) errs.push(invalid(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    total += utf8Length(str(v));
  }
  for (const [k, v] of Object.entries(binary)) {
    for (const msg of isConfigMapKey(k)) errs.push(invalid(`binaryData[${k}]`, k, msg));
    total += base64Length(str(v));
  }
  if (total > maxSecretSize) errs.push(tooLong('', maxSecretSize));
  return errs;
}

export function validateConfigMapUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  const errs = validateMetaUpdate(next.metadata, old.metadata);
  if (old.immutable === true) {
    if (next.immutable !== true) errs.push(forbidden('immutable', immutableMsg));
    if (!deepEqual(next.data ?? {}, old.data ?? {})) errs.push(forbidden('data', immutableMsg));
    if (!deepEqual(next.binaryData ?? {}, old.binaryData ?? {}))
      errs.push(forbidden('binaryData', immutableMsg));
  }
  errs.push(...validateConfigMap(next));
  return errs;
}

export function validateServiceAccount(sa: KubeObject): FieldError[] {
  return validateMeta(sa.metadata, true, nameIsDNSSubdomain);
}

export function validateServiceAccountUpdate(next: KubeObject, old: KubeObject): FieldError[] {
  return [...validateMetaUpdate(next.metadata, old.metadata), ...validateServiceAccount(next)];
}
