/** The default profile's plugins, in the order kube-scheduler runs their filters. */
import type { Plugin } from '../framework.ts';
import { imageLocality } from './image-locality.ts';
import { interPodAffinity } from './inter-pod-affinity.ts';
import { nodeAffinity } from './node-affinity.ts';
import { nodeName, nodePorts, nodeUnschedulable } from './node-basics.ts';
import { balancedAllocation, nodeResourcesFit } from './node-resources.ts';
import { podTopologySpread } from './pod-topology-spread.ts';
import { taintToleration } from './taint-toleration.ts';

export const DEFAULT_PLUGINS: readonly Plugin[] = [
  nodeUnschedulable,
  nodeName,
  taintToleration,
  nodeAffinity,
  nodePorts,
  nodeResourcesFit,
  podTopologySpread,
  interPodAffinity,
  balancedAllocation,
  imageLocality,
];
