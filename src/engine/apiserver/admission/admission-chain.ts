/**
 * The built-in admission chain in kube-apiserver's plugin order (pkg/kubeapiserver/options/
 * plugins.go, AllOrderedPlugins), limited to the default-enabled plugins the simulator has.
 * kube-apiserver runs every mutating plugin in this order, then field validation, then every
 * validating plugin in the same order; the first error stops the request.
 */
import type { ResourceInfo } from '../../api/resources.ts';
import { findKind } from '../../api/resources.ts';
import type { KubeObject } from '../../api/types.ts';
import { parseApiVersion } from '../../api/types.ts';
import { cloneJson } from '../defaults/json.ts';
import type {
  AdmissionAttributes,
  AdmissionError,
  AdmissionPlugin,
  AdmissionRequest,
} from './admission-types.ts';
import { defaultIngressClass, defaultStorageClass } from './default-classes.ts';
import { defaultTolerationSeconds } from './default-toleration-seconds.ts';
import { limitRanger } from './limit-ranger.ts';
import { namespaceLifecycle } from './namespace-lifecycle.ts';
import { priority } from './priority.ts';
import { serviceAccount } from './service-account.ts';
import { storageObjectInUseProtection } from './storage-object-in-use-protection.ts';
import { taintNodesByCondition } from './taint-nodes-by-condition.ts';

export const builtinAdmissionPlugins: readonly AdmissionPlugin[] = [
  namespaceLifecycle,
  limitRanger,
  serviceAccount,
  taintNodesByCondition,
  priority,
  defaultTolerationSeconds,
  defaultStorageClass,
  storageObjectInUseProtection,
  defaultIngressClass,
];

function resourceOf(object: KubeObject): ResourceInfo | undefined {
  const { group, version } = parseApiVersion(object.apiVersion);
  return findKind(group, version, object.kind);
}

function requestFor(
  object: KubeObject,
  resource: ResourceInfo,
  attributes: AdmissionAttributes,
): AdmissionRequest {
  return {
    object,
    resource,
    operation: attributes.operation,
    namespace: attributes.namespace ?? object.metadata.namespace,
    subresource: attributes.subresource ?? '',
    attributes,
  };
}

/**
 * The mutating phase. Returns the admitted object (a fresh copy when any plugin could
 * have changed it) or the first plugin's error. For DELETE, pass the stored object.
 */
export function admitMutating(
  object: KubeObject,
  attributes: AdmissionAttributes,
  plugins: readonly AdmissionPlugin[] = builtinAdmissionPlugins,
): KubeObject | AdmissionError {
  const resource = resourceOf(object);
  if (!resource) return object;
  const working = cloneJson(object);
  const request = requestFor(working, resource, attributes);
  for (const plugin of plugins) {
    const error = plugin.admit?.(request);
    if (error) return error;
  }
  return working;
}

/** The validating phase: undefined when every plugin accepts the (already mutated) object. */
export function admitValidating(
  object: KubeObject,
  attributes: AdmissionAttributes,
  plugins: readonly AdmissionPlugin[] = builtinAdmissionPlugins,
): AdmissionError | undefined {
  const resource = resourceOf(object);
  if (!resource) return undefined;
  const request = requestFor(object, resource, attributes);
  for (const plugin of plugins) {
    const error = plugin.validate?.(request);
    if (error) return error;
  }
  return undefined;
}

/** Both phases back to back, for callers that validate fields afterwards. */
export function admit(
  object: KubeObject,
  attributes: AdmissionAttributes,
  plugins: readonly AdmissionPlugin[] = builtinAdmissionPlugins,
): KubeObject | AdmissionError {
  const mutated = admitMutating(object, attributes, plugins);
  if (isAdmissionError(mutated)) return mutated;
  return admitValidating(mutated, attributes, plugins) ?? mutated;
}

export function isAdmissionError(value: KubeObject | AdmissionError): value is AdmissionError {
  return (value as KubeObject).metadata === undefined && typeof (value as AdmissionError).code === 'number';
}
