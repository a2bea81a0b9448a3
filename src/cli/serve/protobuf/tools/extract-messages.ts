/**
 * Derives the protobuf field table that `kubesim serve` decodes request bodies with.
 *
 * Kubernetes' Go clients send protobuf, and the only exact statement of its field numbers
 * for v1.34 is in the client itself: the real kubectl carries every API package's
 * FileDescriptorProto, gzipped, in its binary (gogo registration). This reads them from the
 * kubectl of the conformance harness and writes the facts the decoder needs: for each
 * message reachable from a served kind, its fields' numbers, JSON names, types, and whether
 * Go holds them by value (so a zero on the wire may mean "unset").
 *
 *   npx tsx src/cli/serve/protobuf/tools/extract-messages.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, constants } from 'node:zlib';
import { fromBinary } from '@bufbuild/protobuf';
import { WireType } from '@bufbuild/protobuf/wire';
import {
  FieldDescriptorProto_Label,
  FieldDescriptorProto_Type,
  FileDescriptorProtoSchema,
  type DescriptorProto,
  type FieldDescriptorProto,
  type FileDescriptorProto,
} from '@bufbuild/protobuf/wkt';
import { realKubectl } from '../../../../../tests/conformance/kubectl-binary.ts';
import { builtinResources } from '../../../../engine/api/resources.ts';
import { compactSchema } from '../../../../engine/schema/generated/schemas.ts';
import { FIELD_FLAGS, type MessageTable } from '../message-table.ts';
import { openApiNameOf, protoPackageOf } from '../proto-packages.ts';

/** gogoproto.nullable: false when Go holds the field by value rather than by pointer. */
const GOGO_NULLABLE = 65001;

const SCALARS: Partial<Record<FieldDescriptorProto_Type, string>> = {
  [FieldDescriptorProto_Type.DOUBLE]: 'double',
  [FieldDescriptorProto_Type.INT64]: 'int64',
  [FieldDescriptorProto_Type.INT32]: 'int32',
  [FieldDescriptorProto_Type.UINT64]: 'uint64',
  [FieldDescriptorProto_Type.UINT32]: 'uint32',
  [FieldDescriptorProto_Type.BOOL]: 'bool',
  [FieldDescriptorProto_Type.STRING]: 'string',
  [FieldDescriptorProto_Type.BYTES]: 'bytes',
};

function descriptorsIn(binary: Buffer): FileDescriptorProto[] {
  const files: FileDescriptorProto[] = [];
  const magic = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00]);
  for (let at = binary.indexOf(magic); at >= 0; at = binary.indexOf(magic, at + 1)) {
    let bytes: Buffer;
    try {
      // Descriptors are small; a window past the member's end is ignored by a sync flush.
      bytes = gunzipSync(binary.subarray(at, at + 400_000), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      continue;
    }
    if (!bytes.subarray(0, 120).includes('generated.proto')) continue;
    try {
      files.push(fromBinary(FileDescriptorProtoSchema, bytes));
    } catch {
      // Not a descriptor after all.
    }
  }
  return files;
}

function byValue(field: FieldDescriptorProto): boolean {
  const unknown = field.options?.$unknown ?? [];
  // The extension is a varint 0 when Go holds the field by value.
  return unknown.some((u) => u.no === GOGO_NULLABLE && u.wireType === WireType.Varint && u.data.at(-1) === 0);
}

const openApiFields = new Map(
  compactSchema.names.map((n, i) => [n, new Set(Object.keys(compactSchema.defs[i]?.f ?? {}))]),
);

/**
 * The descriptors do not mark embedded structs; the OpenAPI definition does by leaving
 * them out: a message field the JSON object has no property for is inlined.
 */
function isInline(message: string, field: string, type: string): boolean {
  const properties = openApiFields.get(openApiNameOf(message));
  return properties !== undefined && type.includes('.') && !properties.has(field);
}

function collect(
  files: readonly FileDescriptorProto[],
): Map<string, { message: DescriptorProto; pkg: string }> {
  const messages = new Map<string, { message: DescriptorProto; pkg: string }>();
  const visit = (prefix: string, pkg: string, list: readonly DescriptorProto[]) => {
    for (const message of list) {
      const name = `${prefix}.${message.name}`;
      messages.set(name, { message, pkg });
      visit(name, pkg, message.nestedType);
    }
  };
  for (const file of files) visit(file.package, file.package, file.messageType);
  return messages;
}

function main(): void {
  const files = descriptorsIn(readFileSync(realKubectl()));
  const messages = collect(files);
  const table: MessageTable = {};
  const pending = [
    ...new Set([
      ...builtinResources.flatMap((r) => {
        const pkg = protoPackageOf(r.group, r.version);
        return pkg ? [`${pkg}.${r.kind}`] : [];
      }),
      'k8s.io.apimachinery.pkg.runtime.Unknown',
      'k8s.io.apimachinery.pkg.apis.meta.v1.DeleteOptions',
      'k8s.io.api.policy.v1.Eviction',
      'k8s.io.api.authentication.v1.TokenRequest',
      'k8s.io.api.authorization.v1.SelfSubjectAccessReview',
      'k8s.io.api.authorization.v1.SelfSubjectRulesReview',
    ]),
  ];
  while (pending.length > 0) {
    const name = pending.pop()!;
    if (name in table) continue;
    const found = messages.get(name);
    if (!found) continue;
    table[name] = found.message.field.map((field) => {
      let type = SCALARS[field.type];
      if (field.type === FieldDescriptorProto_Type.MESSAGE) {
        const target = field.typeName.replace(/^\./, '');
        const entry = messages.get(target)?.message;
        if (entry?.options?.mapEntry) {
          const [key, value] = entry.field;
          const valueType =
            value!.type === FieldDescriptorProto_Type.MESSAGE
              ? value!.typeName.slice(1)
              : SCALARS[value!.type];
          if (valueType?.includes('.')) pending.push(valueType);
          type = `map:${SCALARS[key!.type]}:${valueType}`;
        } else {
          type = target;
          pending.push(target);
        }
      }
      if (!type) throw new Error(`${name}.${field.name}: unsupported type ${field.type}`);
      let flags = 0;
      if (field.label === FieldDescriptorProto_Label.REPEATED && !type.startsWith('map:'))
        flags |= FIELD_FLAGS.repeated;
      if (byValue(field)) flags |= FIELD_FLAGS.byValue;
      if (isInline(name, field.name, type)) flags |= FIELD_FLAGS.inline;
      return [field.number, field.name, type, flags] as const;
    });
  }
  const sorted = Object.fromEntries(Object.entries(table).sort(([a], [b]) => a.localeCompare(b)));
  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'generated', 'messages.json');
  writeFileSync(out, `${JSON.stringify(sorted)}\n`);
  for (const [message, rows] of Object.entries(sorted)) {
    for (const [, field, , flags] of rows)
      if (flags & FIELD_FLAGS.inline) console.log(`inline: ${message}.${field}`);
  }
  console.log(`${Object.keys(sorted).length} messages from ${files.length} descriptors → ${out}`);
}

main();
