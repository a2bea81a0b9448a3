/** Where an API group's types live in Kubernetes' protobuf packages. */

/** `k8s.io.api.apps.v1` for apps/v1, `k8s.io.api.core.v1` for the core group. */
export function protoPackageOf(group: string, version: string): string | undefined {
  if (group === '') return `k8s.io.api.core.${version}`;
  if (group === 'metrics.k8s.io') return `k8s.io.metrics.pkg.apis.metrics.${version}`;
  // Built-in groups are named after their package: rbac.authorization.k8s.io → rbac.
  const label = group.split('.')[0];
  return label ? `k8s.io.api.${label}.${version}` : undefined;
}

export const META_V1 = 'k8s.io.apimachinery.pkg.apis.meta.v1';

/** The OpenAPI definition of a message: `k8s.io.api.core.v1.Pod` → `io.k8s.api.core.v1.Pod`. */
export function openApiNameOf(message: string): string {
  return message.replace(/^k8s\.io\./, 'io.k8s.');
}
