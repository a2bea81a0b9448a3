/**
 * Serves `/openapi/v2`, `/openapi/v3` (the index of group-versions) and
 * `/openapi/v3/<group-version>` from a host-supplied document provider.
 */
import type { OpenApiProvider } from '../apiserver/ports.ts';
import type { OpenApiDocumentProvider } from '../schema/index.ts';

export function openApiPort(provider: OpenApiDocumentProvider): OpenApiProvider {
  return (path) => {
    if (path === 'v2') return provider.v2();
    if (path === 'v3') {
      const paths: Record<string, { serverRelativeURL: string }> = {};
      for (const p of provider.v3Paths()) paths[p] = { serverRelativeURL: `/openapi/v3/${p}` };
      return { paths };
    }
    if (path.startsWith('v3/')) return provider.v3(path.slice(3));
    return undefined;
  };
}
