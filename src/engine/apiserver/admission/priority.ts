/**
 * Priority admission (plugin/pkg/admission/priority): a new Pod's `priority` and
 * `preemptionPolicy` are resolved from its PriorityClass (or the global default class), and
 * only one PriorityClass may be the global default.
 */
import type { KubeObject } from '../../api/types.ts';
import { ensureChild } from '../defaults/json.ts';
import { admissionForbidden, isResource } from './admission-errors.ts';
import type { AdmissionError, AdmissionPlugin, AdmissionRequest } from './admission-types.ts';

const GROUP = 'scheduling.k8s.io';

/**
 * The classes kube-apiserver creates at startup. They are consulted only when the store has
 * no object of that name, which a real cluster never lacks.
 */
const SYSTEM_CLASSES: ReadonlyMap<string, number> = new Map([
  ['system-node-critical', 2000001000],
  ['system-cluster-critical', 2000000000],
]);

interface Resolved {
  readonly className: string;
  readonly value: number;
  readonly preemptionPolicy: string | undefined;
}

function classValue(pc: KubeObject): number {
  return typeof pc.value === 'number' ? pc.value : 0;
}

function classPolicy(pc: KubeObject): string | undefined {
  return typeof pc.preemptionPolicy === 'string' ? pc.preemptionPolicy : undefined;
}

/** The global default class; if a race left several, the lowest value wins. */
function defaultClass(request: AdmissionRequest): KubeObject | undefined {
  let best: KubeObject | undefined;
  for (const pc of request.attributes.lookup.list(GROUP, 'priorityclasses', undefined)) {
    if (pc.globalDefault === true && (best === undefined || classValue(best) > classValue(pc))) best = pc;
  }
  return best;
}

function resolve(request: AdmissionRequest, className: string): Resolved | AdmissionError {
  if (className === '') {
    const pc = defaultClass(request);
    if (pc)
      return { className: pc.metadata.name ?? '', value: classValue(pc), preemptionPolicy: classPolicy(pc) };
    return { className: '', value: 0, preemptionPolicy: 'PreemptLowerPriority' };
  }
  const pc = request.attributes.lookup.get(GROUP, 'priorityclasses', undefined, className);
  if (pc) return { className, value: classValue(pc), preemptionPolicy: classPolicy(pc) };
  const systemValue = SYSTEM_CLASSES.get(className);
  if (systemValue !== undefined)
    return { className, value: systemValue, preemptionPolicy: 'PreemptLowerPriority' };
  return admissionForbidden(request, `no PriorityClass with name ${className} was found`);
}

function admit(request: AdmissionRequest): AdmissionError | undefined {
  if (!isResource(request, '', 'pods') || request.subresource !== '') return undefined;
  const spec = ensureChild(request.object, 'spec');
  if (request.operation === 'UPDATE') {
    // Set on create and immutable: an update that omits them keeps the stored values.
    const oldSpec = (request.attributes.oldObject?.spec ?? {}) as Record<string, unknown>;
    if (spec.priority === undefined && oldSpec.priority !== undefined) spec.priority = oldSpec.priority;
    if (spec.preemptionPolicy === undefined && oldSpec.preemptionPolicy !== undefined) {
      spec.preemptionPolicy = oldSpec.preemptionPolicy;
    }
    return undefined;
  }
  if (request.operation !== 'CREATE') return undefined;
  const name = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
  const resolved = resolve(request, name);
  if ('reason' in resolved) return resolved;
  if (resolved.className !== '') spec.priorityClassName = resolved.className;
  if (typeof spec.priority === 'number' && spec.priority !== resolved.value) {
    return admissionForbidden(
      request,
      `the integer value of priority (${spec.priority}) must not be provided in pod spec; priority admission controller computed ${resolved.value} from the given PriorityClass name`,
    );
  }
  spec.priority = resolved.value;
  if (resolved.preemptionPolicy !== undefined) {
    if (typeof spec.preemptionPolicy === 'string' && spec.preemptionPolicy !== resolved.preemptionPolicy) {
      return admissionForbidden(
        request,
        `the string value of PreemptionPolicy (${spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${resolved.preemptionPolicy} from the given PriorityClass name`,
      );
    }
    spec.preemptionPolicy = resolved.preemptionPolicy;
  }
  return undefined;
}

function validate(request: AdmissionRequest): AdmissionError | undefined {
  if (!isResource(request, GROUP, 'priorityclasses') || request.subresource !== '') return undefined;
  if (request.operation !== 'CREATE' && request.operation !== 'UPDATE') return undefined;
  if (request.object.globalDefault !== true) return undefined;
  const existing = defaultClass(request);
  if (!existing) return undefined;
  const existingName = existing.metadata.name ?? '';
  if (request.operation === 'CREATE' || existingName !== request.object.metadata.name) {
    return admissionForbidden(
      request,
      `PriorityClass ${existingName} is already marked as default. Only one default can exist`,
    );
  }
  return undefined;
}

export const priority: AdmissionPlugin = { name: 'Priority', admit, validate };
