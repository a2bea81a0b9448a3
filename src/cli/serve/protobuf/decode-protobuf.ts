/**
 * Decodes a Kubernetes protobuf request body (`application/vnd.kubernetes.protobuf`) into
 * the object its JSON form would be, as the real API server's protobuf serializer does:
 * the `k8s\0` magic, the runtime.Unknown envelope naming apiVersion and kind, then the
 * object's message, read with the field table derived from Kubernetes' own descriptors.
 *
 * Go holds many fields by value, so they are always on the wire; the JSON encoder of the real
 * server leaves their zero values out (omitempty) unless the field is required. Structs held
 * by value stay, even when empty (`strategy: {}`), as Go's encoder keeps them.
 */
import { BinaryReader, WireType } from '@bufbuild/protobuf/wire';
import { requiredOfDefinition } from '../../../engine/schema/index.ts';
import table from './generated/messages.json' with { type: 'json' };
import { FIELD_FLAGS, type FieldRow, type MessageTable } from './message-table.ts';
import { META_V1, openApiNameOf, protoPackageOf } from './proto-packages.ts';

const messages = table as unknown as MessageTable;
const MAGIC = [0x6b, 0x38, 0x73, 0x00];
const UNKNOWN = 'k8s.io.apimachinery.pkg.runtime.Unknown';

export class ProtobufDecodeError extends Error {}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Messages whose JSON form is not an object of their fields. */
const SPECIAL: Record<string, (fields: Record<string, Json>) => Json | undefined> = {
  [`${META_V1}.Time`]: (f) => timeText(f, 0),
  [`${META_V1}.MicroTime`]: (f) => timeText(f, 6),
  'k8s.io.apimachinery.pkg.api.resource.Quantity': (f) => (f.string as string | undefined) ?? '0',
  'k8s.io.apimachinery.pkg.util.intstr.IntOrString': (f) =>
    f.type === 1 ? ((f.strVal as string | undefined) ?? '') : ((f.intVal as number | undefined) ?? 0),
  'k8s.io.apimachinery.pkg.runtime.RawExtension': (f) => embeddedJson(f.raw),
  [`${META_V1}.FieldsV1`]: (f) => embeddedJson(f.Raw),
};

/** RFC 3339 in UTC, as metav1.Time (seconds) and MicroTime (microseconds) marshal; unset when zero. */
function timeText(fields: Record<string, Json>, fractionDigits: number): string | undefined {
  const seconds = (fields.seconds as number | undefined) ?? 0;
  const nanos = (fields.nanos as number | undefined) ?? 0;
  if (seconds === 0 && nanos === 0) return undefined;
  const iso = new Date(seconds * 1000).toISOString().slice(0, 19);
  if (fractionDigits === 0) return `${iso}Z`;
  return `${iso}.${String(Math.floor(nanos / 1000)).padStart(6, '0')}Z`;
}

function embeddedJson(raw: Json | undefined): Json | undefined {
  if (typeof raw !== 'string' || raw === '') return undefined;
  const text = Buffer.from(raw, 'base64').toString('utf8');
  try {
    return JSON.parse(text) as Json;
  } catch {
    throw new ProtobufDecodeError(`embedded JSON is malformed: ${text.slice(0, 60)}`);
  }
}

function isZero(value: Json): boolean {
  return value === '' || value === 0 || value === false;
}

function readScalar(reader: BinaryReader, type: string): Json {
  switch (type) {
    case 'string':
      return reader.string();
    case 'bytes':
      // JSON carries []byte as base64, as Go's encoder does.
      return Buffer.from(reader.bytes()).toString('base64');
    case 'bool':
      return reader.bool();
    case 'int32':
      return reader.int32();
    case 'uint32':
      return reader.uint32();
    case 'int64':
      return Number(reader.int64());
    case 'uint64':
      return Number(reader.uint64());
    case 'double':
      return reader.double();
    default:
      throw new ProtobufDecodeError(`unsupported field type ${type}`);
  }
}

function readMapEntry(reader: BinaryReader, keyType: string, valueType: string): [string, Json] {
  const end = reader.uint32() + reader.pos;
  let key = '';
  let value: Json | undefined;
  while (reader.pos < end) {
    const [no, wireType] = reader.tag();
    if (no === 1) key = String(readScalar(reader, keyType));
    else if (no === 2)
      value = valueType.includes('.') ? readMessage(reader, valueType) : readScalar(reader, valueType);
    else reader.skip(wireType);
  }
  return [key, value ?? (valueType.includes('.') ? {} : valueType === 'string' ? '' : null)];
}

/** Reads a length-prefixed message body, or the whole input when `length` is given. */
function readMessage(reader: BinaryReader, name: string, length?: number): Json {
  const rows = messages[name];
  if (!rows) throw new ProtobufDecodeError(`no protobuf message ${name}`);
  const end = (length ?? reader.uint32()) + reader.pos;
  const byNumber = new Map<number, FieldRow>(rows.map((r) => [r[0], r]));
  const fields: Record<string, Json> = {};
  while (reader.pos < end) {
    const [no, wireType] = reader.tag();
    const row = byNumber.get(no);
    if (!row) {
      reader.skip(wireType);
      continue;
    }
    const [, field, type, flags] = row;
    if (type.startsWith('map:')) {
      const [, keyType = 'string', valueType = 'string'] = type.split(':');
      const map = (fields[field] ??= {}) as Record<string, Json>;
      const [key, value] = readMapEntry(reader, keyType, valueType);
      map[key] = value;
      continue;
    }
    const message = type.includes('.');
    if (flags & FIELD_FLAGS.repeated) {
      const list = (fields[field] ??= []) as Json[];
      if (!message && wireType === WireType.LengthDelimited && type !== 'string' && type !== 'bytes') {
        // A packed run of numbers.
        const packedEnd = reader.uint32() + reader.pos;
        while (reader.pos < packedEnd) list.push(readScalar(reader, type));
      } else list.push(message ? (readMessage(reader, type) ?? null) : readScalar(reader, type));
      continue;
    }
    const value = message ? readMessage(reader, type) : readScalar(reader, type);
    if (flags & FIELD_FLAGS.inline) Object.assign(fields, value);
    else if (value === undefined) delete fields[field];
    else fields[field] = value;
  }
  const special = SPECIAL[name];
  if (special) return special(fields) as Json;
  return withoutUnsetZeros(name, rows, fields);
}

function withoutUnsetZeros(name: string, rows: readonly FieldRow[], fields: Record<string, Json>): Json {
  const required = requiredOfDefinition(openApiNameOf(name)) ?? [];
  for (const [, field, type, flags] of rows) {
    const value = fields[field];
    if (value === undefined) continue;
    if (flags & FIELD_FLAGS.byValue && !type.includes('.') && isZero(value) && !required.includes(field)) {
      delete fields[field];
    }
  }
  return fields;
}

/** The message for an apiVersion and kind, or undefined for a kind the table does not hold. */
function messageFor(apiVersion: string, kind: string): string | undefined {
  if (kind === 'DeleteOptions') return `${META_V1}.DeleteOptions`;
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const pkg = protoPackageOf(group ?? '', version ?? '');
  const name = pkg && `${pkg}.${kind}`;
  return name && name in messages ? name : undefined;
}

/** The object a protobuf body holds, with its apiVersion and kind, as the JSON body would be. */
export function decodeKubernetesProtobuf(body: Uint8Array): Record<string, Json> {
  if (body.length < MAGIC.length || MAGIC.some((b, i) => body[i] !== b)) {
    throw new ProtobufDecodeError(
      'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]',
    );
  }
  const reader = new BinaryReader(body.subarray(MAGIC.length));
  const envelope = readMessage(reader, UNKNOWN, body.length - MAGIC.length) as {
    typeMeta?: { apiVersion?: string; kind?: string };
    raw?: string;
    contentEncoding?: string;
  };
  const apiVersion = envelope.typeMeta?.apiVersion ?? '';
  const kind = envelope.typeMeta?.kind ?? '';
  if (envelope.contentEncoding)
    throw new ProtobufDecodeError(`unsupported content encoding ${envelope.contentEncoding}`);
  const name = messageFor(apiVersion, kind);
  if (!name) throw new ProtobufDecodeError(`no kind "${kind}" is registered for version "${apiVersion}"`);
  const raw = Buffer.from(envelope.raw ?? '', 'base64');
  const object = readMessage(new BinaryReader(raw), name, raw.length) as Record<string, Json>;
  return { apiVersion, kind, ...object };
}
