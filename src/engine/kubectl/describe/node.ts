/** `kubectl describe node` (describeNode), with the node's pods and its Lease. */
import type { KubeObject } from '../../api/types.ts';
import { translateTimestampSince } from '../../printers/index.ts';
import { DescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events.ts';
import {
  arr,
  obj,
  rfc1123z,
  s,
  taintLines,
  writeAnnotations,
  writeLabels,
  writeMultiline,
  type Obj,
} from './format.ts';
import {
  addQuantity,
  fmt,
  percent,
  podResources,
  resourceList,
  zero,
  type ResourceList,
} from './resources.ts';

function roles(labels: Obj): string {
  const found = new Set<string>();
  for (const [k, v] of Object.entries(labels)) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) found.add(role);
    } else if (k === 'kubernetes.io/role' && s(v)) found.add(s(v));
  }
  return found.size ? [...found].sort().join(',') : '<none>';
}

export interface NodeExtras {
  readonly pods: readonly Obj[] | undefined;
  readonly lease: Obj | undefined;
  readonly events: readonly Obj[] | undefined;
}

export function describeNode(node: KubeObject, extras: NodeExtras, now: number): string {
  const w = new DescribeWriter();
  const n = node as unknown as Obj;
  const meta = obj(n.metadata);
  const spec = obj(n.spec);
  const status = obj(n.status);
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Roles:\t${roles(obj(meta.labels))}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(meta.creationTimestamp)}\n`);
  writeMultiline(w, 0, 'Taints', taintLines(spec.taints));
  w.write(0, `Unschedulable:\t${spec.unschedulable === true}\n`);
  if (extras.lease) {
    const ls = obj(extras.lease.spec);
    const time = (v: unknown): string => (typeof v === 'string' ? rfc1123z(v) : '<unset>');
    w.write(0, 'Lease:\n');
    w.write(1, `HolderIdentity:\t${ls.holderIdentity === undefined ? '<unset>' : s(ls.holderIdentity)}\n`);
    w.write(1, `AcquireTime:\t${time(ls.acquireTime)}\n`);
    w.write(1, `RenewTime:\t${time(ls.renewTime)}\n`);
  }
  const conditions = arr(status.conditions).map(obj);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) {
      w.write(
        1,
        `${s(c.type)} \t${s(c.status)} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${s(c.reason)} \t${s(c.message)}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of arr(status.addresses).map(obj)) w.write(1, `${s(a.type)}:\t${s(a.address)}\n`);
  for (const [title, list] of [
    ['Capacity', resourceList(status.capacity)],
    ['Allocatable', resourceList(status.allocatable)],
  ] as const) {
    if (list.size === 0) continue;
    w.write(0, `${title}:\n`);
    for (const name of [...list.keys()].sort()) w.write(1, `${name}:\t${fmt(list.get(name))}\n`);
  }
  const info = obj(status.nodeInfo);
  w.write(0, 'System Info:\n');
  const rows: [string, string][] = [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [label, key] of rows) w.write(1, `${label}:\t${s(info[key])}\n`);
  if (s(spec.podCIDR)) w.write(0, `PodCIDR:\t${s(spec.podCIDR)}\n`);
  if (arr(spec.podCIDRs).length > 0) w.write(0, `PodCIDRs:\t${arr(spec.podCIDRs).map(s).join(',')}\n`);
  if (s(spec.providerID)) w.write(0, `ProviderID:\t${s(spec.providerID)}\n`);
  if (extras.pods) writeNodeResources(w, extras.pods, resourceList(status.allocatable), now);
  if (extras.events) writeEvents(w, extras.events, now);
  return w.text();
}

function writeNodeResources(
  w: DescribeWriter,
  pods: readonly Obj[],
  allocatable: ResourceList,
  now: number,
): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const reqs: ResourceList = new Map();
  const limits: ResourceList = new Map();
  for (const pod of pods) {
    const meta = obj(pod.metadata);
    const r = podResources(pod, 'requests');
    const l = podResources(pod, 'limits');
    for (const [k, q] of r) reqs.set(k, addQuantity(reqs.get(k) ?? zero, q));
    for (const [k, q] of l) limits.set(k, addQuantity(limits.get(k) ?? zero, q));
    const cell = (list: ResourceList, name: string): string =>
      `${fmt(list.get(name))} (${percent(name, list.get(name), allocatable.get(name))}%)`;
    w.write(
      1,
      `${s(meta.namespace)}\t${s(meta.name)}\t\t${cell(r, 'cpu')}\t${cell(l, 'cpu')}\t${cell(r, 'memory')}\t${cell(l, 'memory')}\t${translateTimestampSince(meta.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const row = (name: string): void => {
    const rq = reqs.get(name);
    const lm = limits.get(name);
    const a = allocatable.get(name);
    w.write(1, `${name}\t${fmt(rq)} (${percent(name, rq, a)}%)\t${fmt(lm)} (${percent(name, lm, a)}%)\n`);
  };
  row('cpu');
  row('memory');
  row('ephemeral-storage');
  const extended = new Set([...allocatable.keys()].filter((k) => k.startsWith('hugepages-')));
  for (const k of [...reqs.keys(), ...limits.keys()]) {
    if (!['cpu', 'memory', 'ephemeral-storage', 'pods'].includes(k)) extended.add(k);
  }
  for (const name of [...extended].sort()) row(name);
}
