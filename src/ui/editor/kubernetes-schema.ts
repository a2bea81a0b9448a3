/**
 * One JSON Schema for every built-in kind, from Kubernetes' own OpenAPI v2 document (the
 * vendored swagger.json): `apiVersion` and `kind` pick the kind's definition, so completion
 * and hover docs follow what each document says it is.
 */
import { builtinResources } from '../../engine/index.ts';

interface Swagger {
  definitions: Record<
    string,
    { 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[] }
  >;
}

/**
 * IntOrString (ports) and Quantity (cpu, memory) are written as strings in OpenAPI, but a
 * manifest may give them as plain numbers (`targetPort: 80`, `cpu: 1`): accept both.
 */
function numberOrString(swagger: Swagger): Swagger['definitions'] {
  const out: Swagger['definitions'] = {};
  for (const name of [
    'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    'io.k8s.apimachinery.pkg.api.resource.Quantity',
  ]) {
    const original = swagger.definitions[name] as Record<string, unknown> | undefined;
    if (!original) continue;
    out[name] = {
      description: original.description,
      anyOf: [{ type: 'number' }, { type: 'string' }],
    } as never;
  }
  return out;
}

export function kubernetesSchema(swagger: Swagger): object {
  const served = new Set(builtinResources.map((r) => `${r.group}/${r.version}/${r.kind}`));
  const kinds: { apiVersion: string; kind: string; ref: string }[] = [];
  for (const [name, definition] of Object.entries(swagger.definitions)) {
    const gvks = definition['x-kubernetes-group-version-kind'];
    if (gvks?.length !== 1) continue;
    const { group, version, kind } = gvks[0]!;
    if (!served.has(`${group}/${version}/${kind}`)) continue;
    kinds.push({ apiVersion: group ? `${group}/${version}` : version, kind, ref: `#/definitions/${name}` });
  }
  kinds.sort((a, b) => a.kind.localeCompare(b.kind) || a.apiVersion.localeCompare(b.apiVersion));
  return {
    type: 'object',
    definitions: { ...swagger.definitions, ...numberOrString(swagger) },
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(kinds.map((k) => k.apiVersion))].sort() },
      kind: { type: 'string', enum: [...new Set(kinds.map((k) => k.kind))] },
    },
    required: ['apiVersion', 'kind'],
    allOf: kinds.map((k) => ({
      if: {
        properties: { apiVersion: { const: k.apiVersion }, kind: { const: k.kind } },
        required: ['apiVersion', 'kind'],
      },
      then: { $ref: k.ref },
    })),
  };
}
