/**
 * Rebuilds the Tables a real API server would have answered to the requests kubectl made
 * (recorded while capturing the golden outputs), from the test objects in this folder.
 */
import { builtinResources } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import type { GetTableItem } from '../kubectl/get-output.ts';
import { buildTable } from '../table/build-table.ts';
import * as cluster from './cluster.ts';
import { NOW } from './meta.ts';
import * as pods from './pods.ts';
import * as services from './services.ts';
import * as workloads from './workloads.ts';

export const allObjects: readonly KubeObject[] = [pods, workloads, services, cluster].flatMap((mod) =>
  Object.entries(mod).flatMap(([key, value]): KubeObject[] => {
    if (key === 'defaultNamespacePods') return [];
    if (Array.isArray(value)) return value as KubeObject[];
    return typeof value === 'object' && value !== null && 'kind' in value ? [value as KubeObject] : [];
  }),
);

const pathPattern =
  /^\/(?:api\/(v1)|apis\/([^/]+)\/([^/]+))(?:\/namespaces\/([^/]+))?\/([^/]+)(?:\/([^/]+))?$/;

/** The Table for one recorded request path, e.g. `/api/v1/namespaces/default/pods/crasher`. */
export function answer(requestPath: string): GetTableItem {
  const m = pathPattern.exec(requestPath);
  if (!m) throw new Error(`not a resource path: ${requestPath}`);
  const [, coreVersion, group = '', groupVersion, namespace, plural, name] = m;
  const version = coreVersion ?? groupVersion ?? '';
  const resource = builtinResources.find(
    (r) => r.group === group && r.version === version && r.plural === plural,
  );
  if (!resource) throw new Error(`unknown resource in ${requestPath}`);
  const apiVersion = group === '' ? version : `${group}/${version}`;
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;
  const objects = allObjects
    .filter((o) => o.kind === resource.kind && o.apiVersion === apiVersion)
    .filter((o) => !resource.namespaced || namespace === undefined || o.metadata.namespace === namespace)
    .filter((o) => name === undefined || o.metadata.name === name)
    .sort((a, b) => key(a).localeCompare(key(b)));
  return { resource, table: buildTable(resource, objects, NOW, { listMeta: { resourceVersion: '1000' } }) };
}
