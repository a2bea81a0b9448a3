/**
 * The real implementations of the API server's stages, assembled into the parts a
 * Cluster is built from.
 */
import type { KubeObject, Table } from '../api/types.ts';
import { objectPipeline } from './pipeline.ts';
import { patcher } from './patcher.ts';
import type { ClusterParts } from './cluster.ts';
import { formatTimestamp } from '../time/clock.ts';
import { selectorParsers } from './selector-parsers.ts';

export function defaultParts(): ClusterParts {
  return {
    pipeline: objectPipeline,
    patcher,
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
