/**
 * A pod's QoS class (pkg/apis/core/helper/qos): Guaranteed when every container has equal
 * cpu and memory requests and limits, BestEffort when none sets any, Burstable otherwise.
 */
import type { KubeObject } from '../api/types.ts';

interface Resources {
  requests?: Record<string, unknown>;
  limits?: Record<string, unknown>;
}

interface ContainerLike {
  resources?: Resources;
}

const computeResources = ['cpu', 'memory'];

export function podQosClass(pod: KubeObject): 'Guaranteed' | 'Burstable' | 'BestEffort' {
  const spec = (pod.spec ?? {}) as { containers?: ContainerLike[]; initContainers?: ContainerLike[] };
  const containers = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const c of containers) {
    const requests = c.resources?.requests ?? {};
    const limits = c.resources?.limits ?? {};
    for (const name of computeResources) {
      const req = requests[name];
      const lim = limits[name];
      if (req !== undefined || lim !== undefined) anySet = true;
      if (lim === undefined) guaranteed = false;
      else if (req !== undefined && String(req) !== String(lim)) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
