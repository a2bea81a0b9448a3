/**
 * TaintNodesByCondition (plugin/pkg/admission/nodetaint): a Node registers with the
 * `node.kubernetes.io/not-ready:NoSchedule` taint, so nothing is scheduled onto it before
 * the node lifecycle controller has seen it Ready.
 */
import { children, ensureChild } from '../defaults/json.ts';
import { isResource } from './admission-errors.ts';
import type { AdmissionError, AdmissionPlugin, AdmissionRequest } from './admission-types.ts';
import { NOT_READY_TAINT } from './default-toleration-seconds.ts';

function admit(request: AdmissionRequest): AdmissionError | undefined {
  if (!isResource(request, '', 'nodes') || request.operation !== 'CREATE' || request.subresource !== '') {
    return undefined;
  }
  const spec = ensureChild(request.object, 'spec');
  // MatchTaint compares key and effect only.
  if (children(spec, 'taints').some((t) => t.key === NOT_READY_TAINT && t.effect === 'NoSchedule'))
    return undefined;
  const taints = Array.isArray(spec.taints) ? (spec.taints as unknown[]) : [];
  spec.taints = [...taints, { key: NOT_READY_TAINT, effect: 'NoSchedule' }];
  return undefined;
}

export const taintNodesByCondition: AdmissionPlugin = { name: 'TaintNodesByCondition', admit };
