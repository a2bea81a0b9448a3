/**
 * LimitRanger's mutating half (plugin/pkg/admission/limitranger): a new Pod's containers
 * get the `default` limits and `defaultRequest` requests of the Container items of every
 * LimitRange in the namespace, for resources they do not set, and the Pod is annotated with
 * what was set. (The min/max/ratio checks of the validating half are not simulated.)
 */
import type { Obj } from '../defaults/json.ts';
import { child, children, ensureChild, isObj } from '../defaults/json.ts';
import { isResource } from './admission-errors.ts';
import type { AdmissionError, AdmissionPlugin, AdmissionRequest } from './admission-types.ts';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

interface Requirements {
  readonly limits: Obj;
  readonly requests: Obj;
}

function admit(request: AdmissionRequest): AdmissionError | undefined {
  // Containers are immutable once created, so only new Pods are defaulted.
  if (!isResource(request, '', 'pods') || request.operation !== 'CREATE' || request.subresource !== '') {
    return undefined;
  }
  const namespace = request.namespace ?? '';
  for (const limitRange of request.attributes.lookup.list('', 'limitranges', namespace)) {
    mergePodRequirements(request.object, containerDefaults(limitRange));
  }
  return undefined;
}

/** The Container-type defaults of one LimitRange; later items override earlier ones. */
function containerDefaults(limitRange: Obj): Requirements {
  const limits: Obj = {};
  const requests: Obj = {};
  for (const item of children(child(limitRange, 'spec') ?? {}, 'limits')) {
    if (item.type !== 'Container') continue;
    Object.assign(requests, child(item, 'defaultRequest') ?? {});
    Object.assign(limits, child(item, 'default') ?? {});
  }
  return { limits, requests };
}

function mergePodRequirements(pod: Obj, defaults: Requirements): void {
  const notes: string[] = [];
  const spec = child(pod, 'spec') ?? {};
  for (const container of children(spec, 'containers'))
    notes.push(...mergeContainer(container, defaults, 'container'));
  for (const container of children(spec, 'initContainers')) {
    notes.push(...mergeContainer(container, defaults, 'init container'));
  }
  if (notes.length > 0) {
    ensureChild(ensureChild(pod, 'metadata'), 'annotations')[LIMIT_RANGER_ANNOTATION] =
      `LimitRanger plugin set: ${notes.join('; ')}`;
  }
}

function mergeContainer(container: Obj, defaults: Requirements, label: string): string[] {
  const resources = ensureChild(container, 'resources');
  const setLimits = fillMissing(resources, 'limits', defaults.limits);
  const setRequests = fillMissing(resources, 'requests', defaults.requests);
  const name = typeof container.name === 'string' ? container.name : '';
  const notes: string[] = [];
  if (setRequests.length > 0) notes.push(`${setRequests.sort().join(', ')} request for ${label} ${name}`);
  if (setLimits.length > 0) notes.push(`${setLimits.sort().join(', ')} limit for ${label} ${name}`);
  return notes;
}

/** Adds the default of every resource the list lacks; returns the names it added. */
function fillMissing(resources: Obj, key: 'limits' | 'requests', defaults: Obj): string[] {
  const list = isObj(resources[key]) ? (resources[key] as Obj) : {};
  const added: string[] = [];
  for (const [name, value] of Object.entries(defaults)) {
    if (name in list) continue;
    list[name] = value;
    added.push(name);
  }
  if (isObj(resources[key]) || added.length > 0) resources[key] = list;
  return added;
}

export const limitRanger: AdmissionPlugin = { name: 'LimitRanger', admit };
