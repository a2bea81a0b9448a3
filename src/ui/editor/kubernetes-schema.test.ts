import { describe, expect, it } from 'vitest';
import { loadOpenApiV2 } from '../../engine/index.ts';
import { kubernetesSchema } from './kubernetes-schema.ts';

describe('the editor schema', () => {
  it('picks each kind’s definition by apiVersion and kind, and takes numbers for ports and quantities', async () => {
    const swagger = (await loadOpenApiV2()) as Parameters<typeof kubernetesSchema>[0];
    const schema = kubernetesSchema(swagger) as {
      allOf: {
        if: { properties: { apiVersion: { const: string }; kind: { const: string } } };
        then: { $ref: string };
      }[];
      definitions: Record<string, { anyOf?: unknown[] }>;
    };
    const deployment = schema.allOf.find(
      (c) => c.if.properties.kind.const === 'Deployment' && c.if.properties.apiVersion.const === 'apps/v1',
    );
    expect(deployment?.then.$ref).toBe('#/definitions/io.k8s.api.apps.v1.Deployment');
    expect(schema.allOf.some((c) => c.if.properties.kind.const === 'Pod')).toBe(true);
    expect(schema.definitions['io.k8s.apimachinery.pkg.util.intstr.IntOrString']?.anyOf).toEqual([
      { type: 'number' },
      { type: 'string' },
    ]);
  });
});
