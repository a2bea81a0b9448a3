/** Describers for Endpoints and EndpointSlices. */
import type { KubeObject } from '../../api/types.ts';
import { DescribeWriter } from './describe-writer.ts';
import { writeIdentity } from './preamble.ts';
import { writeEvents } from './events.ts';
import { arr, obj, s, type Obj } from './format.ts';

export function describeEndpoints(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const o = object as unknown as Obj;
  const w = new DescribeWriter();
  writeIdentity(w, obj(o.metadata));
  w.write(0, 'Subsets:\n');
  for (const subset of arr(o.subsets).map(obj)) {
    const ips = (list: unknown) =>
      arr(list as never)
        .map((a) => s(obj(a).ip))
        .join(',') || '<none>';
    w.write(1, `Addresses:\t${ips(subset.addresses)}\n`);
    w.write(1, `NotReadyAddresses:\t${ips(subset.notReadyAddresses)}\n`);
    const ports = arr(subset.ports).map(obj);
    if (ports.length > 0) {
      w.write(1, 'Ports:\n');
      w.write(2, 'Name\tPort\tProtocol\n');
      w.write(2, '----\t----\t--------\n');
      for (const port of ports)
        w.write(2, `${s(port.name) || '<unset>'}\t${s(port.port)}\t${s(port.protocol)}\n`);
    }
    w.write(0, '\n');
  }
  if (events) writeEvents(w, events, now);
  return w.text();
}

export function describeEndpointSlice(
  object: KubeObject,
  events: readonly Obj[] | undefined,
  now: number,
): string {
  const o = object as unknown as Obj;
  const w = new DescribeWriter();
  writeIdentity(w, obj(o.metadata));
  w.write(0, `AddressType:\t${s(o.addressType)}\n`);
  const ports = arr(o.ports).map(obj);
  if (ports.length === 0) w.write(0, 'Ports: <unset>\n');
  else {
    w.write(0, 'Ports:\n');
    w.write(1, 'Name\tPort\tProtocol\n');
    w.write(1, '----\t----\t--------\n');
    for (const port of ports) {
      w.write(
        1,
        `${s(port.name) || '<unset>'}\t${port.port !== undefined ? s(port.port) : '<unset>'}\t${s(port.protocol)}\n`,
      );
    }
  }
  const endpoints = arr(o.endpoints).map(obj);
  if (endpoints.length === 0) w.write(0, 'Endpoints: <none>\n');
  else {
    w.write(0, 'Endpoints:\n');
    for (const endpoint of endpoints) {
      const conditions = obj(endpoint.conditions);
      const unset = (v: unknown) => (v === undefined || v === null ? '<unset>' : s(v as never));
      w.write(1, `- Addresses:\t${arr(endpoint.addresses).map(s).join(', ') || '<none>'}\n`);
      w.write(2, 'Conditions:\n');
      w.write(3, `Ready:\t${unset(conditions.ready)}\n`);
      w.write(2, `Hostname:\t${unset(endpoint.hostname)}\n`);
      if (endpoint.targetRef) {
        const ref = obj(endpoint.targetRef);
        w.write(2, `TargetRef:\t${s(ref.kind)}/${s(ref.name)}\n`);
      }
      w.write(2, `NodeName:\t${unset(endpoint.nodeName)}\n`);
      w.write(2, `Zone:\t${unset(endpoint.zone)}\n`);
    }
  }
  if (events) writeEvents(w, events, now);
  return w.text();
}
