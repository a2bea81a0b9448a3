/**
 * Layers the v1.29–v1.34 API changes onto v1.28 definitions, in OpenAPI v2 form (as in
 * swagger.json) or v3 form (as in the per-group-version documents).
 */
import type { ApiChanges, V2Schema } from './openapi-types.ts';

type Schemas = Record<string, V2Schema>;

function clone<T>(value: T): T {
  return structuredClone(value);
}

function mustGet(defs: Schemas, name: string): V2Schema {
  const def = defs[name];
  if (!def) throw new Error(`API change targets unknown definition ${name}`);
  return def;
}

/**
 * Applies `changes` to a copy of `defs`. With `only` set, changes to definitions that are
 * absent are skipped (a v3 document holds just one group-version's closure) and new
 * definitions are added only when something in the result refers to them.
 */
function applyTo(
  defs: Schemas,
  changes: ApiChanges,
  convert: (s: V2Schema) => V2Schema,
  partial: boolean,
): Schemas {
  const out: Schemas = clone(defs);
  const pending = new Map(changes.definitions.map((d) => [d.name, convert(d.schema)]));
  if (!partial) for (const [name, schema] of pending) out[name] = schema;

  const target = (name: string): V2Schema | undefined => (partial ? out[name] : mustGet(out, name));
  for (const r of changes.removals) {
    const def = target(r.definition);
    if (!def?.properties) continue;
    delete def.properties[r.field];
    if (def.required) def.required = def.required.filter((f) => f !== r.field);
  }
  for (const r of changes.replacements) {
    const def = target(r.definition);
    if (def?.properties) def.properties[r.field] = convert(r.schema);
  }
  for (const a of changes.fields) {
    const def = target(a.definition);
    if (!def) continue;
    def.properties = { ...def.properties, [a.field]: convert(a.schema) };
    if (a.required) def.required = [...(def.required ?? []), a.field];
  }
  for (const r of changes.requiredRemovals) {
    const def = target(r.definition);
    if (def?.required) def.required = def.required.filter((f) => f !== r.field);
    if (def?.required?.length === 0) delete def.required;
  }
  if (partial) addReferenced(out, pending);
  sortProperties(out);
  return out;
}

/** Adds each pending definition that the schemas refer to, transitively. */
function addReferenced(out: Schemas, pending: Map<string, V2Schema>): void {
  let added = true;
  while (added) {
    added = false;
    const text = JSON.stringify(out);
    for (const [name, schema] of pending) {
      if (out[name] || !text.includes(`/${name}"`)) continue;
      out[name] = schema;
      added = true;
    }
  }
}

/** The published documents list properties alphabetically; keep that order after additions. */
function sortProperties(defs: Schemas): void {
  for (const def of Object.values(defs)) {
    if (!def.properties) continue;
    def.properties = Object.fromEntries(
      Object.entries(def.properties).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    );
  }
}

export function applyChangesV2(definitions: Schemas, changes: ApiChanges): Schemas {
  return applyTo(definitions, changes, clone, false);
}

export function applyChangesV3(schemas: Schemas, changes: ApiChanges): Schemas {
  return applyTo(schemas, changes, toV3Property, true);
}

/**
 * Rewrites a v2 schema fragment the way Kubernetes' v3 documents spell it: references move
 * to `#/components/schemas/` and are wrapped in `allOf` where they sit next to siblings or
 * inside items and map values.
 */
export function toV3Property(schema: V2Schema): V2Schema {
  const out: V2Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') continue;
    if (key === 'items') {
      out.items = toV3Nested(value as V2Schema);
    } else if (key === 'additionalProperties') {
      out.additionalProperties =
        typeof value === 'object' && value !== null ? toV3Nested(value as V2Schema) : (value as boolean);
    } else if (key === 'properties') {
      out.properties = Object.fromEntries(
        Object.entries(value as Record<string, V2Schema>).map(([k, v]) => [k, toV3Property(v)]),
      );
    } else {
      out[key] = clone(value);
    }
  }
  if (schema.$ref) out.allOf = [{ $ref: v3Ref(schema.$ref) }];
  return out;
}

function toV3Nested(schema: V2Schema): V2Schema {
  const converted = toV3Property(schema);
  return schema.$ref ? { ...converted, default: {} } : converted;
}

function v3Ref(ref: string): string {
  return ref.replace('#/definitions/', '#/components/schemas/');
}
