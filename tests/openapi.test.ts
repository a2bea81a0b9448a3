import { describe, expect, it } from 'vitest';
import { Session } from '../src/engine/session.ts';
import { createOpenApiDocumentProvider } from '../src/engine/schema/tools/openapi-documents.ts';

describe('OpenAPI documents served by the API server', () => {
  const session = new Session({ openapi: createOpenApiDocumentProvider() });
  const get = (path: string) => session.cluster.client('test').request({ method: 'GET', path });

  it('serves v2 with the v1.34 additions', () => {
    const res = get('/openapi/v2');
    expect(res.status).toBe(200);
    const defs = (res.body as { definitions: Record<string, { properties?: Record<string, unknown> }> })
      .definitions;
    expect(defs['io.k8s.api.batch.v1.JobSpec']?.properties).toHaveProperty('successPolicy');
  });

  it('serves the v3 index and per-group-version documents', () => {
    const index = get('/openapi/v3').body as { paths: Record<string, { serverRelativeURL: string }> };
    expect(index.paths['apis/apps/v1']?.serverRelativeURL).toBe('/openapi/v3/apis/apps/v1');
    const apps = get('/openapi/v3/apis/apps/v1');
    expect(apps.status).toBe(200);
    expect(Object.keys((apps.body as { paths: object }).paths)).toContain(
      '/apis/apps/v1/namespaces/{namespace}/deployments',
    );
  });

  it('answers 404 without a document provider', () => {
    const bare = new Session();
    expect(bare.cluster.client('test').request({ method: 'GET', path: '/openapi/v2' }).status).toBe(404);
  });
});
