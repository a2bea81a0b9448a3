/**
 * An AdmissionLookup over a fixed set of objects: the read-only view plugins get, built
 * from plain objects (for tests, snapshots and dry runs).
 */
import { findKind } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { parseApiVersion } from '../../api/types.ts';
import type { AdmissionLookup } from '../pipeline.ts';

export function lookupFromObjects(objects: readonly KubeObject[]): AdmissionLookup {
  const resourceKey = (object: KubeObject): string | undefined => {
    const { group, version } = parseApiVersion(object.apiVersion);
    const info = findKind(group, version, object.kind);
    return info ? `${info.group}/${info.plural}` : undefined;
  };
  const matches = (object: KubeObject, group: string, resource: string, namespace: string | undefined) =>
    resourceKey(object) === `${group}/${resource}` &&
    (namespace === undefined || namespace === '' || object.metadata.namespace === namespace);
  return {
    get: (group, resource, namespace, name) =>
      objects.find((o) => matches(o, group, resource, namespace) && o.metadata.name === name),
    list: (group, resource, namespace) => objects.filter((o) => matches(o, group, resource, namespace)),
  };
}
