/**
 * The real implementations of the API server's stages, assembled into the parts a
 * Cluster is built from.
 */
import { buildTable } from '../printers/index.ts';
import type { ClusterParts } from './cluster.ts';
import { patcher } from './patcher.ts';
import { objectPipeline } from './pipeline.ts';
import { selectorParsers } from './selector-parsers.ts';

export function defaultParts(): ClusterParts {
  return {
    pipeline: objectPipeline,
    patcher,
    selectors: selectorParsers,
    tablePrinter: (resource, objects, now, includeObject) =>
      buildTable(resource, objects, now, { includeObject }),
  };
}
