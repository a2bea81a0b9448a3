/**
 * Reads the vendored Kubernetes v1.28 OpenAPI documents (src/engine/schema/openapi/).
 * Node only: the pure engine never imports this file.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { V2Schema } from './openapi-types.ts';

const openapiDir = fileURLToPath(new URL('../openapi/', import.meta.url));

export interface V2Document {
  swagger: string;
  info: unknown;
  paths: Record<string, unknown>;
  definitions: Record<string, V2Schema>;
  [key: string]: unknown;
}

export interface V3Document {
  openapi: string;
  info: unknown;
  paths: Record<string, unknown>;
  components: { schemas?: Record<string, unknown>; [key: string]: unknown };
  [key: string]: unknown;
}

export function readVendoredV2(): V2Document {
  return JSON.parse(readFileSync(openapiDir + 'swagger.json', 'utf8')) as V2Document;
}

/** v3 documents by the path they are served at, e.g. `api/v1`, `apis/apps/v1`, `apis`. */
export function readVendoredV3(): Map<string, V3Document> {
  const docs = new Map<string, V3Document>();
  for (const file of readdirSync(openapiDir + 'v3').sort()) {
    if (!file.endsWith('_openapi.json')) continue;
    const path = file.slice(0, -'_openapi.json'.length).split('__').join('/');
    docs.set(path, JSON.parse(readFileSync(openapiDir + 'v3/' + file, 'utf8')) as V3Document);
  }
  return docs;
}
