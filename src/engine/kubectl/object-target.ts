/**
 * Maps a manifest object to its resource and namespace as kubectl's resource builder
 * does, with kubectl's errors for unknown kinds and conflicting namespaces.
 */
import { parseApiVersion, type KubeObject } from '../api/types.ts';
import type { CommandContext } from './context.ts';
import type { ManifestDocument } from './manifests.ts';
import type { ApiResource } from './rest-mapper.ts';

export interface ObjectTarget {
  readonly resource: ApiResource;
  readonly namespace: string | undefined;
  readonly name: string;
  readonly object: KubeObject;
  readonly source: string;
}

export function targetForDocument(ctx: CommandContext, doc: ManifestDocument): ObjectTarget | string {
  const { object, source } = doc;
  const { group, version } = parseApiVersion(object.apiVersion);
  const resource = ctx.mapper.forKind(group, version, object.kind);
  const fileNamespace = object.metadata.namespace ?? '';
  if (!resource) {
    return `resource mapping not found for name: "${object.metadata.name ?? ''}" namespace: "${fileNamespace}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`;
  }
  let namespace: string | undefined;
  if (resource.namespaced) {
    if (fileNamespace && ctx.namespaceExplicit && fileNamespace !== ctx.namespace) {
      return `the namespace from the provided object "${fileNamespace}" does not match the namespace "${ctx.namespace}". You must pass '--namespace=${fileNamespace}' to perform this operation.`;
    }
    namespace = fileNamespace || ctx.namespace;
  }
  const metadata = { ...object.metadata };
  if (namespace) metadata.namespace = namespace;
  else delete metadata.namespace;
  return { resource, namespace, name: object.metadata.name ?? '', object: { ...object, metadata }, source };
}
