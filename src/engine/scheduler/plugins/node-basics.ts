/** NodeUnschedulable, NodeName and NodePorts: filters without scores. */
import { unresolvable, unschedulable, type Plugin } from '../framework.ts';
import type { HostPort } from '../node-info.ts';
import { podSpec } from '../types.ts';
import { podEntry } from '../node-info.ts';
import { toleratesAny } from './taint-toleration.ts';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const nodeUnschedulable: Plugin = {
  name: 'NodeUnschedulable',
  weight: 0,
  cycle({ pod }) {
    const tolerations = podSpec(pod).tolerations ?? [];
    return {
      filter(node) {
        const cordoned = (node.node.spec as { unschedulable?: boolean } | undefined)?.unschedulable === true;
        if (!cordoned || toleratesAny(tolerations, UNSCHEDULABLE_TAINT)) return undefined;
        return unresolvable('node(s) were unschedulable');
      },
    };
  },
};

export const nodeName: Plugin = {
  name: 'NodeName',
  weight: 0,
  cycle({ pod }) {
    const wanted = podSpec(pod).nodeName;
    return {
      filter(node) {
        if (!wanted || wanted === node.name) return undefined;
        return unresolvable("node(s) didn't match the requested node name");
      },
    };
  },
};

function conflicts(a: HostPort, b: HostPort): boolean {
  if (a.port !== b.port || a.protocol !== b.protocol) return false;
  return a.ip === b.ip || a.ip === '0.0.0.0' || b.ip === '0.0.0.0';
}

export const nodePorts: Plugin = {
  name: 'NodePorts',
  weight: 0,
  cycle({ pod }) {
    const wanted = podEntry(pod).ports;
    return {
      filter(node) {
        if (wanted.length === 0) return undefined;
        const used = node.usedPorts();
        if (wanted.some((w) => used.some((u) => conflicts(w, u)))) {
          return unschedulable("node(s) didn't have free ports for the requested pod ports");
        }
        return undefined;
      },
    };
  },
};
