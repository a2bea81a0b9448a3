/**
 * The OpenAPI documents a v1.34 API server of this simulator serves at /openapi/v2 and
 * /openapi/v3/<path>: the vendored v1.28 documents with the v1.29–v1.34 changes applied and
 * narrowed to the resources the simulator serves (src/engine/api/resources.ts).
 *
 * Node only (reads files). Install it in the engine with
 *   setOpenApiDocumentProvider(createOpenApiDocumentProvider())
 */
import type { JsonObject } from '../../api/types.ts';
import { builtinResources, servedGroupVersions } from '../../api/resources.ts';
import type { OpenApiDocumentProvider } from '../openapi-provider.ts';
import { apiChangesV134 } from './additions-v1.34.ts';
import { applyChangesV2, applyChangesV3 } from './apply-changes.ts';
import { readVendoredV2, readVendoredV3, type V3Document } from './load-openapi.ts';
import type { V2Schema } from './openapi-types.ts';

const served = new Set(builtinResources.map((r) => `${r.group}/${r.version}/${r.plural}`));
const servedGroups = new Set(servedGroupVersions.map((g) => g.group));
const servedGVs = new Set(servedGroupVersions.flatMap((g) => g.versions.map((v) => `${g.group}/${v}`)));

/** Whether a REST path belongs to something this server serves. */
export function isServedPath(path: string): boolean {
  const segs = path.split('/').filter(Boolean);
  let group: string;
  let version: string;
  let rest: string[];
  if (segs[0] === 'api') {
    if (segs.length === 1) return true;
    [group, version, rest] = ['', segs[1] as string, segs.slice(2)];
  } else if (segs[0] === 'apis') {
    if (segs.length === 1) return true;
    if (segs.length === 2) return servedGroups.has(segs[1] as string);
    [group, version, rest] = [segs[1] as string, segs[2] as string, segs.slice(3)];
  } else {
    return true; // /version/, /.well-known/..., /logs/...
  }
  if (!servedGVs.has(`${group}/${version}`)) return false;
  if (rest[0] === 'watch') rest = rest.slice(1);
  if (rest.length === 0) return true;
  const plural = rest[0] === 'namespaces' && rest[1] === '{namespace}' && rest.length > 2 ? rest[2] : rest[0];
  return served.has(`${group}/${version}/${plural}`);
}

/** Names of the schemas `roots` refer to, transitively. */
function referenced(roots: unknown, schemas: Record<string, unknown>, prefix: string): Set<string> {
  const found = new Set<string>();
  const pending = [JSON.stringify(roots)];
  const pattern = new RegExp(`"${prefix.replace(/\//g, '\\/')}([^"]+)"`, 'g');
  while (pending.length) {
    const text = pending.pop() as string;
    for (const m of text.matchAll(pattern)) {
      const name = m[1] as string;
      if (found.has(name) || !(name in schemas)) continue;
      found.add(name);
      pending.push(JSON.stringify(schemas[name]));
    }
  }
  return found;
}

function pick<T>(record: Record<string, T>, keys: Set<string>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => keys.has(k)));
}

export function buildOpenApiV2(): JsonObject {
  const doc = readVendoredV2();
  const definitions: Record<string, V2Schema> = applyChangesV2(doc.definitions, apiChangesV134);
  const paths = Object.fromEntries(Object.entries(doc.paths).filter(([p]) => isServedPath(p)));
  const keep = referenced([paths, doc['parameters']], definitions, '#/definitions/');
  return { ...doc, paths, definitions: pick(definitions, keep) } as unknown as JsonObject;
}

/** Paths served under /openapi/v3/, e.g. `api/v1`, `apis/apps/v1`. */
export function openApiV3Paths(): string[] {
  return [...readVendoredV3().keys()].filter((p) => isServedPath('/' + p));
}

function buildV3(doc: V3Document): JsonObject {
  const paths = Object.fromEntries(Object.entries(doc.paths).filter(([p]) => isServedPath(p)));
  const schemas = applyChangesV3((doc.components.schemas ?? {}) as Record<string, V2Schema>, apiChangesV134);
  const keep = referenced(paths, schemas, '#/components/schemas/');
  return {
    ...doc,
    paths,
    components: { ...doc.components, schemas: pick(schemas, keep) },
  } as unknown as JsonObject;
}

export function buildOpenApiV3(path: string): JsonObject | undefined {
  const doc = readVendoredV3().get(path);
  return doc && isServedPath('/' + path) ? buildV3(doc) : undefined;
}

/** A provider that builds each document on first use and keeps it. */
export function createOpenApiDocumentProvider(): OpenApiDocumentProvider {
  let v2: JsonObject | undefined;
  let v3Docs: Map<string, V3Document> | undefined;
  const v3Built = new Map<string, JsonObject>();
  const docs = (): Map<string, V3Document> => (v3Docs ??= readVendoredV3());
  return {
    v2: () => (v2 ??= buildOpenApiV2()),
    v3Paths: () => [...docs().keys()].filter((p) => isServedPath('/' + p)),
    v3: (path) => {
      const cached = v3Built.get(path);
      if (cached) return cached;
      const doc = docs().get(path);
      if (!doc || !isServedPath('/' + path)) return undefined;
      const built = buildV3(doc);
      v3Built.set(path, built);
      return built;
    },
  };
}
