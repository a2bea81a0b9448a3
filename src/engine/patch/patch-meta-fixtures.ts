/**
 * Small hand-written PatchMeta schemas for tests: a Pod and a Deployment carrying the
 * patch strategies of the real types (core/v1 and apps/v1 struct tags) for the fields
 * the tests touch. Unknown fields have no schema, as with the real lookup.
 */
import type { PatchMeta } from '../schema/patch-meta.ts';

type Strategy = 'merge' | 'replace' | 'retainKeys';

interface ListOptions {
  readonly mergeKey?: string;
  readonly strategies?: readonly Strategy[];
}

export const scalar: PatchMeta = {
  type: 'primitive',
  patchStrategies: [],
  field: () => undefined,
  items: () => undefined,
};

export function object(fields: Record<string, PatchMeta>, strategies: readonly Strategy[] = []): PatchMeta {
  return {
    type: 'object',
    patchStrategies: strategies,
    field: (name) => fields[name],
    items: () => undefined,
  };
}

export function mapOf(values: PatchMeta): PatchMeta {
  return { type: 'map', patchStrategies: [], field: () => undefined, items: () => values };
}

export function listOf(items: PatchMeta, options: ListOptions = {}): PatchMeta {
  const meta: PatchMeta = {
    type: 'array',
    patchStrategies: options.strategies ?? [],
    field: () => undefined,
    items: () => items,
  };
  return options.mergeKey === undefined ? meta : { ...meta, mergeKey: options.mergeKey };
}

const labels = mapOf(scalar);

export const objectMetaMeta = object({
  name: scalar,
  namespace: scalar,
  labels,
  annotations: labels,
  finalizers: listOf(scalar, { strategies: ['merge'] }),
  ownerReferences: listOf(object({ uid: scalar, name: scalar, kind: scalar }), {
    mergeKey: 'uid',
    strategies: ['merge'],
  }),
});

const envVar = object({ name: scalar, value: scalar, valueFrom: object({}) });

const containerMeta = object({
  name: scalar,
  image: scalar,
  imagePullPolicy: scalar,
  args: listOf(scalar),
  command: listOf(scalar),
  ports: listOf(object({ containerPort: scalar, protocol: scalar, name: scalar }), {
    mergeKey: 'containerPort',
    strategies: ['merge'],
  }),
  env: listOf(envVar, { mergeKey: 'name', strategies: ['merge'] }),
  volumeMounts: listOf(object({ name: scalar, mountPath: scalar }), {
    mergeKey: 'mountPath',
    strategies: ['merge'],
  }),
  resources: object({ limits: labels, requests: labels }),
});

const volumeMeta = object({
  name: scalar,
  emptyDir: object({ medium: scalar, sizeLimit: scalar }),
  configMap: object({ name: scalar, items: listOf(object({ key: scalar, path: scalar })) }),
  hostPath: object({ path: scalar, type: scalar }),
});

export const podSpecMeta = object({
  containers: listOf(containerMeta, { mergeKey: 'name', strategies: ['merge'] }),
  initContainers: listOf(containerMeta, { mergeKey: 'name', strategies: ['merge'] }),
  volumes: listOf(volumeMeta, { mergeKey: 'name', strategies: ['merge', 'retainKeys'] }),
  tolerations: listOf(object({ key: scalar, operator: scalar, value: scalar, effect: scalar })),
  nodeSelector: labels,
  restartPolicy: scalar,
  serviceAccountName: scalar,
});

export const podMeta = object({
  apiVersion: scalar,
  kind: scalar,
  metadata: objectMetaMeta,
  spec: podSpecMeta,
});

export const deploymentMeta = object({
  apiVersion: scalar,
  kind: scalar,
  metadata: objectMetaMeta,
  spec: object({
    replicas: scalar,
    selector: object({ matchLabels: labels }),
    strategy: object({ type: scalar, rollingUpdate: object({ maxSurge: scalar, maxUnavailable: scalar }) }, [
      'retainKeys',
    ]),
    template: object({ metadata: objectMetaMeta, spec: podSpecMeta }),
  }),
});
