/**
 * The full OpenAPI documents the API server serves at /openapi/v2 and /openapi/v3. They are
 * megabytes of JSON, so the engine never bundles them: the host injects a provider (the Node
 * host uses tools/openapi-documents.ts; a browser host can fetch them lazily).
 */
import type { JsonObject } from '../api/types.ts';

export interface OpenApiDocumentProvider {
  /** The OpenAPI v2 document served at /openapi/v2. */
  v2(): JsonObject;
  /** Group-version paths served under /openapi/v3/, e.g. `api/v1`, `apis/apps/v1`, `apis`. */
  v3Paths(): readonly string[];
  /** The OpenAPI v3 document for one path, or undefined when the path is not served. */
  v3(path: string): JsonObject | undefined;
}

let provider: OpenApiDocumentProvider | undefined;

/** Installs the provider; pass undefined to remove it. */
export function setOpenApiDocumentProvider(p: OpenApiDocumentProvider | undefined): void {
  provider = p;
}

/** The installed provider, or undefined when the host did not inject one (the server then answers 404). */
export function openApiDocumentProvider(): OpenApiDocumentProvider | undefined {
  return provider;
}
