/**
 * etcd key layout of kube-apiserver: `/registry/<resource>/<namespace>/<name>` for
 * namespaced kinds and `/registry/<resource>/<name>` for cluster-scoped ones. A few
 * resources keep historical prefixes (nodes were once "minions"), reproduced here so the
 * keys a learner sees match `etcdctl get --prefix /registry` on a real control plane.
 */
const historicalPrefixes: Record<string, string> = {
  'core/nodes': 'minions',
  'core/services': 'services/specs',
  'core/endpoints': 'services/endpoints',
  'networking.k8s.io/ingresses': 'ingress',
  'core/replicationcontrollers': 'controllers',
};

export function resourceKeyPrefix(group: string, plural: string): string {
  const id = `${group || 'core'}/${plural}`;
  return `/registry/${historicalPrefixes[id] ?? plural}/`;
}

export function objectKey(
  group: string,
  plural: string,
  namespace: string | undefined,
  name: string,
): string {
  const base = resourceKeyPrefix(group, plural);
  return namespace ? `${base}${namespace}/${name}` : `${base}${name}`;
}

/** The prefix a list or watch uses: one namespace, or all of them with `namespace` undefined. */
export function collectionPrefix(group: string, plural: string, namespace: string | undefined): string {
  const base = resourceKeyPrefix(group, plural);
  return namespace ? `${base}${namespace}/` : base;
}
