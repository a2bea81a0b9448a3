import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { apiChangesV134 } from './additions-v1.34.ts';
import { applyChangesV2, applyChangesV3, toV3Property } from './apply-changes.ts';
import { generateCompactSchema } from './generate.ts';
import { readVendoredV2 } from './load-openapi.ts';
import { createOpenApiDocumentProvider, isServedPath } from './openapi-documents.ts';
import type { V2Schema } from './openapi-types.ts';

const provider = createOpenApiDocumentProvider();

describe('generate', () => {
  it('matches the committed generated schema (run `npm run schemas` after changing inputs)', () => {
    const committed = readFileSync(
      fileURLToPath(new URL('../generated/schemas.ts', import.meta.url)),
      'utf8',
    );
    expect(generateCompactSchema()).toBe(committed);
  });

  it('stays small enough for the browser bundle', () => {
    expect(generateCompactSchema().length).toBeLessThan(300 * 1024);
  });
});

describe('API changes', () => {
  const v2 = applyChangesV2(readVendoredV2().definitions, apiChangesV134);
  const props = (name: string): Record<string, V2Schema> => v2[name]?.properties ?? {};

  it('records a release and a source for every change', () => {
    const all = [
      ...apiChangesV134.definitions,
      ...apiChangesV134.fields,
      ...apiChangesV134.replacements,
      ...apiChangesV134.removals,
      ...apiChangesV134.requiredRemovals,
    ];
    for (const change of all) {
      expect(change.release).toMatch(/^v1\.(29|3[0-4])$/);
      expect(change.source).not.toBe('');
    }
  });

  it('adds, replaces and removes fields in v2 form', () => {
    expect(props('io.k8s.api.batch.v1.JobSpec')['successPolicy']).toEqual({
      $ref: '#/definitions/io.k8s.api.batch.v1.SuccessPolicy',
    });
    expect(v2['io.k8s.api.batch.v1.SuccessPolicy']?.required).toEqual(['rules']);
    expect(props('io.k8s.api.core.v1.PersistentVolumeClaimSpec')['resources']?.$ref).toBe(
      '#/definitions/io.k8s.api.core.v1.VolumeResourceRequirements',
    );
    expect(props('io.k8s.api.core.v1.PodResourceClaim')).not.toHaveProperty('source');
    expect(v2['io.k8s.api.batch.v1.PodFailurePolicyRule']?.required).toEqual(['action']);
    expect(Object.keys(props('io.k8s.api.core.v1.PodSpec'))).toEqual(
      [...Object.keys(props('io.k8s.api.core.v1.PodSpec'))].sort(),
    );
  });

  it('never touches the vendored input', () => {
    expect(readVendoredV2().definitions['io.k8s.api.batch.v1.JobSpec']?.properties).not.toHaveProperty(
      'successPolicy',
    );
  });

  it('writes v3 references the way the v3 documents do', () => {
    expect(toV3Property({ type: 'array', items: { $ref: '#/definitions/X' } })).toEqual({
      type: 'array',
      items: { allOf: [{ $ref: '#/components/schemas/X' }], default: {} },
    });
    const partial = applyChangesV3(
      { 'io.k8s.api.batch.v1.JobSpec': { type: 'object', properties: {} } },
      apiChangesV134,
    );
    expect(partial['io.k8s.api.batch.v1.JobSpec']?.properties?.['successPolicy']).toEqual({
      allOf: [{ $ref: '#/components/schemas/io.k8s.api.batch.v1.SuccessPolicy' }],
    });
    expect(partial).toHaveProperty(['io.k8s.api.batch.v1.SuccessPolicyRule']);
    expect(partial).not.toHaveProperty(['io.k8s.api.core.v1.ImageVolumeSource']);
  });
});

describe('served OpenAPI documents', () => {
  it('serves only the simulator resources', () => {
    expect(isServedPath('/api/v1/namespaces/{namespace}/pods/{name}/status')).toBe(true);
    expect(isServedPath('/apis/apps/v1/watch/namespaces/{namespace}/deployments')).toBe(true);
    expect(isServedPath('/api/v1/componentstatuses')).toBe(false);
    expect(isServedPath('/apis/flowcontrol.apiserver.k8s.io/v1beta3/flowschemas')).toBe(false);
    expect(isServedPath('/apis/batch/')).toBe(true);
  });

  it('builds v2 with the v1.34 fields and without unserved definitions', () => {
    const v2 = provider.v2() as { paths: Record<string, unknown>; definitions: Record<string, V2Schema> };
    expect(v2.paths).toHaveProperty(['/apis/batch/v1/namespaces/{namespace}/jobs']);
    expect(v2.paths).not.toHaveProperty(['/api/v1/componentstatuses']);
    expect(v2.definitions['io.k8s.api.core.v1.PodSpec']?.properties).toHaveProperty('resources');
    expect(v2.definitions).not.toHaveProperty(['io.k8s.api.core.v1.ComponentStatus']);
    expect(v2.definitions).not.toHaveProperty(['io.k8s.api.core.v1.ClaimSource']);
  });

  it('builds v3 documents per served group-version', () => {
    expect(provider.v3Paths()).toContain('apis/batch/v1');
    expect(provider.v3Paths()).toContain('api/v1');
    const batch = provider.v3('apis/batch/v1') as { components: { schemas: Record<string, V2Schema> } };
    expect(batch.components.schemas['io.k8s.api.batch.v1.JobSpec']?.properties).toHaveProperty(
      'successPolicy',
    );
    expect(batch.components.schemas).toHaveProperty(['io.k8s.api.batch.v1.SuccessPolicyRule']);
    expect(provider.v3('apis/flowcontrol.apiserver.k8s.io/v1beta3')).toBeUndefined();
  });
});
