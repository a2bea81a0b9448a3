/**
 * The real implementations of the API server's stages, assembled into the parts a
 * Cluster is built from.
 */
import type { KubeObject, Table } from '../api/types.ts';
import { objectPipeline } from './pipeline.ts';
import { PatchError, type ClusterPartsPatcher } from './interim.ts';
import type { ClusterParts } from './cluster.ts';
import { formatTimestamp } from '../time/clock.ts';
import { selectorParsers } from './selector-parsers.ts';

export function defaultParts(): ClusterParts {
  return {
    pipeline: objectPipeline,
    patcher: interimPatcher,
    selectors: selectorParsers,
    tablePrinter: (_r, objects, _now): Table => ({
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      metadata: {},
      columnDefinitions: [
        { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
        { name: 'Created At', type: 'date', format: '', description: '', priority: 0 },
      ],
      rows: objects.map((o: KubeObject) => ({
        cells: [o.metadata.name ?? '', o.metadata.creationTimestamp ?? formatTimestamp(0)],
        object: { metadata: { name: o.metadata.name ?? '' } },
      })),
    }),
  };
}

const interimPatcher: ClusterPartsPatcher = {
  patchMetaFor: () => undefined,
  apply: (_type, current, patch) => {
    if (typeof patch !== 'object' || patch === null) return new PatchError('invalid patch');
    return mergePatch(current, patch);
  },
};

function mergePatch(target: unknown, patch: unknown): unknown {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    typeof target === 'object' && target !== null && !Array.isArray(target) ? { ...(target as object) } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
