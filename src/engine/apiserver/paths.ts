/**
 * Parses REST paths the way the API server's router does:
 *   /api/v1/namespaces/{ns}/{resource}/{name}/{subresource}
 *   /apis/{group}/{version}/{resource}/{name}          (cluster-scoped, or list across namespaces)
 * plus the non-resource paths (discovery, version, openapi, health).
 */

export type ParsedPath =
  | { readonly type: 'resource'; readonly target: ResourceTarget }
  | { readonly type: 'discovery-core' } // /api
  | { readonly type: 'discovery-groups' } // /apis
  | { readonly type: 'discovery-group'; readonly group: string } // /apis/{group}
  | { readonly type: 'discovery-resources'; readonly group: string; readonly version: string }
  | { readonly type: 'version' }
  | { readonly type: 'openapi'; readonly rest: string }
  | { readonly type: 'health'; readonly check: string }
  | { readonly type: 'unknown' };

export interface ResourceTarget {
  readonly group: string;
  readonly version: string;
  readonly resource: string;
  /** Set when the path names a namespace (`/namespaces/{ns}/...`). */
  readonly namespace: string | undefined;
  readonly name: string | undefined;
  readonly subresource: string | undefined;
}

export function parsePath(path: string): ParsedPath {
  const clean = path.split('?')[0]!.replace(/\/+$/, '');
  const parts = clean
    .split('/')
    .filter((p) => p !== '')
    .map(decodeURIComponent);
  const [root] = parts;
  if (root === 'version') return { type: 'version' };
  if (root === 'openapi') return { type: 'openapi', rest: parts.slice(1).join('/') };
  if (root === 'healthz' || root === 'livez' || root === 'readyz') return { type: 'health', check: root };
  if (root === 'api') {
    if (parts.length === 1) return { type: 'discovery-core' };
    if (parts.length === 2) return { type: 'discovery-resources', group: '', version: parts[1]! };
    return resourcePath('', parts[1]!, parts.slice(2));
  }
  if (root === 'apis') {
    if (parts.length === 1) return { type: 'discovery-groups' };
    if (parts.length === 2) return { type: 'discovery-group', group: parts[1]! };
    if (parts.length === 3) return { type: 'discovery-resources', group: parts[1]!, version: parts[2]! };
    return resourcePath(parts[1]!, parts[2]!, parts.slice(3));
  }
  return { type: 'unknown' };
}

function resourcePath(group: string, version: string, rest: string[]): ParsedPath {
  const target = (
    resource: string,
    namespace: string | undefined,
    name: string | undefined,
    subresource: string | undefined,
  ): ParsedPath => ({ type: 'resource', target: { group, version, resource, namespace, name, subresource } });

  // `/namespaces/{ns}/{resource}...` names a namespaced resource; `/namespaces[/{name}[/status]]`
  // is the Namespace resource itself (so its subresources are the only 3-segment forms).
  if (
    rest[0] === 'namespaces' &&
    rest.length >= 3 &&
    !(rest.length === 3 && isNamespaceSubresource(rest[2]!))
  ) {
    if (rest.length > 5) return { type: 'unknown' };
    return target(rest[2]!, rest[1]!, rest[3], rest[4]);
  }
  if (rest.length > 3) return { type: 'unknown' };
  return target(rest[0]!, undefined, rest[1], rest[2]);
}

function isNamespaceSubresource(segment: string): boolean {
  return segment === 'status' || segment === 'finalize';
}
