/**
 * DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): every Pod
 * tolerates the not-ready and unreachable NoExecute taints for 300 s unless it already
 * tolerates them, so its pods are evicted five minutes after their node goes away.
 */
import type { Obj } from '../defaults/json.ts';
import { children, ensureChild } from '../defaults/json.ts';
import { isResource } from './admission-errors.ts';
import type { AdmissionError, AdmissionPlugin, AdmissionRequest } from './admission-types.ts';

export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
/** --default-not-ready-toleration-seconds and --default-unreachable-toleration-seconds. */
export const DEFAULT_TOLERATION_SECONDS = 300;

/** An empty key or effect tolerates every key or effect. */
function toleratesNoExecute(toleration: Obj, key: string): boolean {
  const keyMatches = toleration.key === key || toleration.key === undefined || toleration.key === '';
  const effect = toleration.effect;
  return keyMatches && (effect === 'NoExecute' || effect === undefined || effect === '');
}

function admit(request: AdmissionRequest): AdmissionError | undefined {
  if (!isResource(request, '', 'pods') || request.subresource !== '') return undefined;
  if (request.operation !== 'CREATE' && request.operation !== 'UPDATE') return undefined;
  const spec = ensureChild(request.object, 'spec');
  const tolerations = children(spec, 'tolerations');
  const added: Obj[] = [];
  for (const key of [NOT_READY_TAINT, UNREACHABLE_TAINT]) {
    if (tolerations.some((t) => toleratesNoExecute(t, key))) continue;
    added.push({
      key,
      operator: 'Exists',
      effect: 'NoExecute',
      tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
    });
  }
  if (added.length > 0) {
    const existing = Array.isArray(spec.tolerations) ? (spec.tolerations as unknown[]) : [];
    spec.tolerations = [...existing, ...added];
  }
  return undefined;
}

export const defaultTolerationSeconds: AdmissionPlugin = { name: 'DefaultTolerationSeconds', admit };
