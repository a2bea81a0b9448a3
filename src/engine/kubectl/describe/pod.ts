/** `kubectl describe pod` (describePod in kubectl's describe package). */
import type { KubeObject } from '../../api/types.ts';
import { translateTimestampSince } from '../../printers/index.ts';
import { writeContainers, writeVolumes } from './containers.ts';
import { DescribeWriter } from './describe-writer.ts';
import { writeEvents } from './events.ts';
import {
  arr,
  controllerRef,
  num,
  obj,
  rfc1123z,
  s,
  tolerationLines,
  writeAnnotations,
  writeLabels,
  writeMultiline,
  type Obj,
} from './format.ts';

export function describePod(pod: KubeObject, events: readonly Obj[] | undefined, now: number): string {
  const w = new DescribeWriter();
  const p = pod as unknown as Obj;
  const meta = obj(p.metadata);
  const spec = obj(p.spec);
  const status = obj(p.status);
  w.write(0, `Name:\t${s(meta.name)}\n`);
  w.write(0, `Namespace:\t${s(meta.namespace)}\n`);
  if (typeof spec.priority === 'number') w.write(0, `Priority:\t${spec.priority}\n`);
  if (s(spec.priorityClassName)) w.write(0, `Priority Class Name:\t${s(spec.priorityClassName)}\n`);
  if (s(spec.runtimeClassName)) w.write(0, `Runtime Class Name:\t${s(spec.runtimeClassName)}\n`);
  w.write(0, `Service Account:\t${s(spec.serviceAccountName)}\n`);
  if (!s(spec.nodeName)) w.write(0, 'Node:\t<none>\n');
  else w.write(0, `Node:\t${s(spec.nodeName)}/${s(status.hostIP)}\n`);
  if (status.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  writeLabels(w, 0, 'Labels', meta.labels);
  writeAnnotations(w, 0, meta.annotations);
  if (meta.deletionTimestamp) {
    w.write(0, `Status:\tTerminating (lasts ${translateTimestampSince(meta.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${num(meta.deletionGracePeriodSeconds)}s\n`);
  } else {
    w.write(0, `Status:\t${s(status.phase)}\n`);
  }
  if (s(status.reason)) w.write(0, `Reason:\t${s(status.reason)}\n`);
  if (s(status.message)) w.write(0, `Message:\t${s(status.message)}\n`);
  w.write(0, `IP:\t${s(status.podIP)}\n`);
  const ips = arr(status.podIPs).map(obj);
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${s(ip.ip)}\n`);
  }
  const owner = controllerRef(meta);
  if (owner) w.write(0, `Controlled By:\t${s(owner.kind)}/${s(owner.name)}\n`);
  if (s(status.nominatedNodeName)) w.write(0, `NominatedNodeName:\t${s(status.nominatedNodeName)}\n`);
  const inits = arr(spec.initContainers).map(obj);
  if (inits.length > 0) {
    writeContainers(w, 'Init Containers', inits, arr(status.initContainerStatuses).map(obj), '', p);
  }
  writeContainers(
    w,
    'Containers',
    arr(spec.containers).map(obj),
    arr(status.containerStatuses).map(obj),
    '',
    p,
  );
  const gates = arr(spec.readinessGates).map(obj);
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const cond = arr(status.conditions)
        .map(obj)
        .find((c) => c.type === g.conditionType);
      w.write(1, `${s(g.conditionType)} \t${cond ? s(cond.status) : '<none>'} \n`);
    }
  }
  const conditions = arr(status.conditions).map(obj);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${s(c.type)} \t${s(c.status)} \n`);
  }
  writeVolumes(w, arr(spec.volumes).map(obj), '');
  if (s(status.qosClass)) w.write(0, `QoS Class:\t${s(status.qosClass)}\n`);
  writeLabels(w, 0, 'Node-Selectors', spec.nodeSelector);
  writeMultiline(w, 0, 'Tolerations', tolerationLines(spec.tolerations));
  if (events) writeEvents(w, events, now);
  return w.text();
}
