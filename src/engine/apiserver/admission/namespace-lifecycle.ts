/**
 * NamespaceLifecycle (k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle): objects
 * can only be written into a namespace that exists and is not being terminated, and the
 * system namespaces can never be deleted.
 */
import { admissionForbidden, forbiddenError, notFoundError } from './admission-errors.ts';
import type { AdmissionPlugin, AdmissionRequest, AdmissionError } from './admission-types.ts';

/** Namespaces the plugin refuses to delete. */
export const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public']);

function isNamespaceKind(request: AdmissionRequest): boolean {
  return request.resource.group === '' && request.resource.plural === 'namespaces';
}

function admit(request: AdmissionRequest): AdmissionError | undefined {
  const { operation } = request;
  if (operation === 'DELETE' && isNamespaceKind(request)) {
    const name = request.object.metadata.name ?? '';
    if (IMMORTAL_NAMESPACES.has(name))
      return forbiddenError('', 'namespaces', name, 'this namespace may not be deleted');
  }
  if (isNamespaceKind(request)) return undefined;
  const namespace = request.namespace ?? '';
  // Cluster-scoped objects and deletions of namespaced ones are always allowed.
  if (namespace === '' || operation === 'DELETE') return undefined;
  const found = request.attributes.lookup.get('', 'namespaces', undefined, namespace);
  if (!found) return notFoundError('', 'namespaces', namespace);
  if (operation !== 'CREATE') return undefined;
  const phase = (found.status as { phase?: unknown } | undefined)?.phase;
  if (phase !== 'Terminating') return undefined;
  return admissionForbidden(
    request,
    `unable to create new content in namespace ${namespace} because it is being terminated`,
    [
      {
        reason: 'NamespaceTerminating',
        message: `namespace ${namespace} is being terminated`,
        field: 'metadata.namespace',
      },
    ],
  );
}

export const namespaceLifecycle: AdmissionPlugin = { name: 'NamespaceLifecycle', admit };
