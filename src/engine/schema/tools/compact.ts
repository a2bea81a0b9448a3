/**
 * Turns OpenAPI v2 definitions into the compact schema the engine ships
 * (see ../compact-types.ts): only the kinds asked for and the definitions they reach.
 */
import type {
  CompactComposite,
  CompactDefinition,
  CompactSchemaData,
  CompactType,
} from '../compact-types.ts';
import type { V2Schema } from './openapi-types.ts';

export interface KindRef {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

/** Definitions the Go decoder handles with custom unmarshalers: they become primitive codes. */
const specialDefinitions: Readonly<Record<string, string>> = {
  'io.k8s.apimachinery.pkg.api.resource.Quantity': 'q',
  'io.k8s.apimachinery.pkg.util.intstr.IntOrString': 'is',
  'io.k8s.apimachinery.pkg.apis.meta.v1.Time': 't',
  'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime': 'mt',
  'io.k8s.apimachinery.pkg.runtime.RawExtension': 'any',
  'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1': 'any',
};

const refPrefix = '#/definitions/';

function refName(ref: string): string {
  if (!ref.startsWith(refPrefix)) throw new Error(`unsupported $ref ${ref}`);
  return ref.slice(refPrefix.length);
}

function findKindDefinition(defs: Record<string, V2Schema>, k: KindRef): string | undefined {
  for (const [name, def] of Object.entries(defs)) {
    const gvks = def['x-kubernetes-group-version-kind'] ?? [];
    if (gvks.some((g) => g.group === k.group && g.version === k.version && g.kind === k.kind)) {
      // DeleteOptions and a few others carry every group's GVK; prefer the kind's own definition.
      if (name.endsWith('.' + k.kind)) return name;
    }
  }
  return undefined;
}

export function buildCompactSchema(
  defs: Record<string, V2Schema>,
  kinds: readonly KindRef[],
  namedTypes: Readonly<Record<string, string>>,
  version: string,
): CompactSchemaData {
  const names: string[] = [];
  const index = new Map<string, number>();
  const queue: string[] = [];

  const defIndex = (name: string): number => {
    let i = index.get(name);
    if (i === undefined) {
      if (!defs[name]) throw new Error(`missing definition ${name}`);
      i = names.length;
      names.push(name);
      index.set(name, i);
      queue.push(name);
    }
    return i;
  };

  const kindMap: Record<string, number> = {};
  for (const k of kinds) {
    const name = findKindDefinition(defs, k);
    if (!name) throw new Error(`no definition for ${k.group}/${k.version} ${k.kind}`);
    kindMap[`${k.group}/${k.version}/${k.kind}`] = defIndex(name);
  }

  const convert = (s: V2Schema, named: string | undefined): CompactType => {
    const ext = extensions(s);
    if (s.$ref) {
      const target = refName(s.$ref);
      const special = specialDefinitions[target];
      if (special) return special;
      const d = defIndex(target);
      return Object.keys(ext).length ? { d, ...ext } : d;
    }
    if (s['x-kubernetes-preserve-unknown-fields']) return 'any';
    if (s['x-kubernetes-int-or-string'] || s.format === 'int-or-string') return 'is';
    switch (s.type) {
      case 'string':
        return withGoName(s.format === 'byte' ? 'by' : s.format === 'date-time' ? 't' : 's', named);
      case 'boolean':
        return withGoName('b', named);
      case 'integer':
        return withGoName(s.format === 'int32' ? 'i32' : 'i64', named);
      case 'number':
        return withGoName('f64', named);
      case 'array': {
        if (!s.items) return 'any';
        const elemName = named?.startsWith('[]') ? named.slice(2) : undefined;
        const out: CompactComposite = { a: convert(s.items, elemName), ...ext };
        if (named && !elemName) out.go = named;
        return out;
      }
      case 'object':
      case undefined: {
        if (s.additionalProperties && typeof s.additionalProperties === 'object') {
          const out: CompactComposite = { m: convert(s.additionalProperties, undefined), ...ext };
          if (named) out.go = named;
          return out;
        }
        return 'any';
      }
      default:
        throw new Error(`unsupported schema type ${String(s.type)}`);
    }
  };

  const compactDefs: CompactDefinition[] = [];
  while (queue.length) {
    const name = queue.shift() as string;
    const def = defs[name] as V2Schema;
    const fields: Record<string, CompactType> = {};
    for (const [field, schema] of Object.entries(def.properties ?? {})) {
      fields[field] = convert(schema, namedTypes[`${name}.${field}`]);
    }
    const out: CompactDefinition = { f: fields };
    if (def.required?.length) out.r = [...def.required];
    compactDefs[index.get(name) as number] = out;
  }
  checkNamedTypes(namedTypes, index, compactDefs);
  return { version, names, defs: compactDefs, kinds: kindMap };
}

/** A Go type name for a field that does not exist is a typo in the table: fail loudly. */
function checkNamedTypes(
  namedTypes: Readonly<Record<string, string>>,
  index: ReadonlyMap<string, number>,
  defs: readonly CompactDefinition[],
): void {
  for (const key of Object.keys(namedTypes)) {
    const dot = key.lastIndexOf('.');
    const i = index.get(key.slice(0, dot));
    if (i === undefined || !(key.slice(dot + 1) in (defs[i]?.f ?? {}))) {
      throw new Error(`go-named-types: ${key} is not a field of a generated definition`);
    }
  }
}

function withGoName(code: string, named: string | undefined): string {
  return named ? `${code}:${named}` : code;
}

function extensions(s: V2Schema): Omit<CompactComposite, 'd' | 'a' | 'm' | 'go'> {
  const out: Omit<CompactComposite, 'd' | 'a' | 'm' | 'go'> = {};
  if (s['x-kubernetes-patch-strategy']) out.ps = s['x-kubernetes-patch-strategy'];
  if (s['x-kubernetes-patch-merge-key']) out.mk = s['x-kubernetes-patch-merge-key'];
  if (s['x-kubernetes-list-type']) out.lt = s['x-kubernetes-list-type'];
  if (s['x-kubernetes-list-map-keys']) out.lk = [...s['x-kubernetes-list-map-keys']];
  if (s['x-kubernetes-map-type']) out.mt = s['x-kubernetes-map-type'];
  return out;
}
