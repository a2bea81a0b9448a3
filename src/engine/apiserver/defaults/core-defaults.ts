/**
 * Defaults of the core/v1 kinds other than Pod and Service (pkg/apis/core/v1/defaults.go),
 * plus the visible effect of the v1 → internal conversion of Secrets.
 */
import { base64OfString } from './base64.ts';
import type { Obj } from './json.ts';
import { child, children, defaultPointer, defaultString, ensureChild, isEmptyMap, isObj } from './json.ts';
import { defaultPodTemplateSpec } from './pod-defaults.ts';
import { defaultSharedSources } from './volume-defaults.ts';

export function defaultNamespace(namespace: Obj): void {
  const metadata = ensureChild(namespace, 'metadata');
  // generateName'd namespaces have no name yet; the registry labels them after naming.
  if (typeof metadata.name === 'string' && metadata.name !== '') {
    ensureChild(metadata, 'labels')['kubernetes.io/metadata.name'] = metadata.name;
  }
  defaultString(ensureChild(namespace, 'status'), 'phase', 'Active');
}

/**
 * `stringData` is write-only: decoding into the internal type merges it into `data`
 * (overwriting keys present in both), so the stored Secret only has base64 `data`.
 */
export function defaultSecret(secret: Obj): void {
  defaultString(secret, 'type', 'Opaque');
  const stringData = child(secret, 'stringData');
  if (stringData && Object.keys(stringData).length > 0) {
    const data = ensureChild(secret, 'data');
    for (const [key, value] of Object.entries(stringData)) {
      data[key] = base64OfString(typeof value === 'string' ? value : String(value));
    }
  }
  delete secret.stringData;
}

export function defaultPersistentVolume(volume: Obj): void {
  const spec = ensureChild(volume, 'spec');
  defaultString(spec, 'persistentVolumeReclaimPolicy', 'Retain');
  defaultPointer(spec, 'volumeMode', 'Filesystem');
  defaultSharedSources(spec);
  defaultString(ensureChild(volume, 'status'), 'phase', 'Pending');
}

export function defaultNode(node: Obj): void {
  const status = child(node, 'status');
  if (status && !isObj(status.allocatable) && isObj(status.capacity)) {
    status.allocatable = { ...status.capacity };
    if (isEmptyMap(status.allocatable)) delete status.allocatable;
  }
}

export function defaultEndpoints(endpoints: Obj): void {
  for (const subset of children(endpoints, 'subsets')) {
    for (const port of children(subset, 'ports')) defaultString(port, 'protocol', 'TCP');
  }
}

export function defaultLimitRange(limitRange: Obj): void {
  for (const item of children(child(limitRange, 'spec') ?? {}, 'limits')) {
    if (item.type !== 'Container') continue;
    const defaults = isObj(item.default) ? item.default : {};
    const defaultRequest = isObj(item.defaultRequest) ? item.defaultRequest : {};
    // A missing default limit falls back to max; a missing default request to the default limit, then to min.
    copyMissing(child(item, 'max'), defaults);
    copyMissing(defaults, defaultRequest);
    copyMissing(child(item, 'min'), defaultRequest);
    if (!isEmptyMap(defaults)) item.default = defaults;
    if (!isEmptyMap(defaultRequest)) item.defaultRequest = defaultRequest;
  }
}

function copyMissing(from: Obj | undefined, into: Obj): void {
  for (const [key, value] of Object.entries(from ?? {})) if (!(key in into)) into[key] = value;
}

export function defaultReplicationController(controller: Obj): void {
  const spec = ensureChild(controller, 'spec');
  const template = child(spec, 'template');
  const labels = child(child(template ?? {}, 'metadata') ?? {}, 'labels');
  if (labels) {
    if (isEmptyMap(spec.selector)) spec.selector = { ...labels };
    const metadata = ensureChild(controller, 'metadata');
    if (isEmptyMap(metadata.labels)) metadata.labels = { ...labels };
  }
  defaultPointer(spec, 'replicas', 1);
  if (template) defaultPodTemplateSpec(template);
}

export function defaultPodTemplate(podTemplate: Obj): void {
  defaultPodTemplateSpec(ensureChild(podTemplate, 'template'));
}
