/**
 * What one node's kube-proxy programs, from the Services and EndpointSlices it watches: for
 * each service port, its cluster IP (and node port), and the ready endpoints traffic is
 * spread over — narrowed by their topology hints to this node's own (topology.ts) — each
 * picked with probability 1/(n−i), the iptables `statistic` ladder. Pure.
 */
import type { KubeObject } from '../api/types.ts';
import { endpointChain, externalChain, serviceChain, servicePortName } from './chain-names.ts';
import { topologyFilter } from './topology.ts';

export interface ProxyEndpoint {
  readonly address: string;
  readonly port: number;
  readonly chain: string;
  readonly nodeName: string | undefined;
  readonly pod: string | undefined;
  /** The zones and nodes the endpointslice controller hinted this endpoint for. */
  readonly zoneHints: readonly string[];
  readonly nodeHints: readonly string[];
}

/** The node a kube-proxy runs on, as its topology filtering sees it. */
export interface ProxyNode {
  readonly name: string;
  /** Its `topology.kubernetes.io/zone` label; '' when it has none. */
  readonly zone: string;
}

export interface ProxyServicePort {
  readonly namespace: string;
  readonly service: string;
  readonly portName: string;
  /** `default/web:http`. */
  readonly name: string;
  readonly protocol: string;
  readonly clusterIP: string;
  readonly port: number;
  readonly nodePort: number | undefined;
  readonly externalIPs: readonly string[];
  readonly chain: string;
  readonly externalChain: string;
  readonly endpoints: readonly ProxyEndpoint[];
}

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  externalIPs?: string[];
  ports?: { name?: string; port: number; protocol?: string; nodePort?: number }[];
}

interface SliceShape {
  metadata: KubeObject['metadata'];
  ports?: { name?: string; port?: number; protocol?: string }[];
  endpoints?: {
    addresses: string[];
    conditions?: { ready?: boolean };
    nodeName?: string;
    targetRef?: { name?: string };
    hints?: { forZones?: { name: string }[]; forNodes?: { name: string }[] };
  }[];
}

export function buildProxyRules(
  services: readonly KubeObject[],
  slices: readonly KubeObject[],
  node: ProxyNode = { name: '', zone: '' },
): ProxyServicePort[] {
  const rules: ProxyServicePort[] = [];
  const sorted = [...services].sort((a, b) =>
    `${a.metadata.namespace}/${a.metadata.name}`.localeCompare(`${b.metadata.namespace}/${b.metadata.name}`),
  );
  for (const service of sorted) {
    const spec = (service.spec ?? {}) as ServiceSpec;
    const clusterIP = spec.clusterIP ?? '';
    // Headless and ExternalName Services have no virtual IP to program.
    if (clusterIP === '' || clusterIP === 'None' || spec.type === 'ExternalName') continue;
    const namespace = service.metadata.namespace ?? '';
    const name = service.metadata.name ?? '';
    const own = (slices as unknown as SliceShape[]).filter(
      (s) => s.metadata.namespace === namespace && s.metadata.labels?.['kubernetes.io/service-name'] === name,
    );
    for (const port of spec.ports ?? []) {
      const protocol = port.protocol ?? 'TCP';
      const portName = servicePortName(namespace, name, port.name ?? '');
      const ready: ProxyEndpoint[] = [];
      for (const slice of own) {
        const slicePort = (slice.ports ?? []).find((p) => (p.name ?? '') === (port.name ?? ''));
        if (!slicePort?.port) continue;
        for (const e of slice.endpoints ?? []) {
          if (e.conditions?.ready === false) continue;
          for (const address of e.addresses) {
            const endpoint = `${address}:${slicePort.port}`;
            if (ready.some((x) => `${x.address}:${x.port}` === endpoint)) continue;
            ready.push({
              address,
              port: slicePort.port,
              chain: endpointChain(portName, protocol, endpoint),
              nodeName: e.nodeName,
              pod: e.targetRef?.name,
              zoneHints: (e.hints?.forZones ?? []).map((z) => z.name),
              nodeHints: (e.hints?.forNodes ?? []).map((n) => n.name),
            });
          }
        }
      }
      const endpoints = topologyFilter(ready, node.name, node.zone);
      endpoints.sort((a, b) => a.chain.localeCompare(b.chain));
      rules.push({
        namespace,
        service: name,
        portName: port.name ?? '',
        name: portName,
        protocol,
        clusterIP,
        port: port.port,
        nodePort: port.nodePort,
        externalIPs: [
          ...(spec.externalIPs ?? []),
          ...(
            (service.status as { loadBalancer?: { ingress?: { ip?: string }[] } } | undefined)?.loadBalancer
              ?.ingress ?? []
          )
            .map((i) => i.ip ?? '')
            .filter(Boolean),
        ],
        chain: serviceChain(portName, protocol),
        externalChain: externalChain(portName, protocol),
        endpoints,
      });
    }
  }
  return rules;
}

/** `0.3333333333`: the probability of rule i of n, printed as iptables-save prints it. */
export function ladderProbability(i: number, n: number): string {
  return (1 / (n - i)).toFixed(10);
}

/**
 * What kube-proxy loads with iptables-restore: the filter rules that refuse service ports
 * without endpoints (when there are any), then the nat table.
 */
export function iptablesSave(rules: readonly ProxyServicePort[], podCidr = '10.244.0.0/16'): string {
  const chains = ['KUBE-SERVICES', 'KUBE-NODEPORTS', 'KUBE-POSTROUTING', 'KUBE-MARK-MASQ'];
  const lines: string[] = [];
  // A service port without endpoints is refused in the filter table rather than translated.
  const rejects: string[] = [];
  for (const r of rules) {
    const proto = r.protocol.toLowerCase();
    const comment = (text: string) => `-m comment --comment "${text}"`;
    if (r.endpoints.length === 0) {
      const refuse = `${comment(`${r.name} has no endpoints`)}`;
      const reject = '-j REJECT --reject-with icmp-port-unreachable';
      rejects.push(
        `-A KUBE-SERVICES -d ${r.clusterIP}/32 -p ${proto} ${refuse} -m ${proto} --dport ${r.port} ${reject}`,
      );
      for (const ip of r.externalIPs)
        rejects.push(
          `-A KUBE-EXTERNAL-SERVICES -d ${ip}/32 -p ${proto} ${refuse} -m ${proto} --dport ${r.port} ${reject}`,
        );
      if (r.nodePort !== undefined)
        rejects.push(
          `-A KUBE-EXTERNAL-SERVICES -p ${proto} ${refuse} -m addrtype --dst-type LOCAL -m ${proto} --dport ${r.nodePort} ${reject}`,
        );
      continue;
    }
    chains.push(r.chain);
    lines.push(
      `-A KUBE-SERVICES -d ${r.clusterIP}/32 -p ${proto} ${comment(`${r.name} cluster IP`)} -m ${proto} --dport ${r.port} -j ${r.chain}`,
    );
    for (const ip of r.externalIPs) {
      lines.push(
        `-A KUBE-SERVICES -d ${ip}/32 -p ${proto} ${comment(`${r.name} loadbalancer IP`)} -m ${proto} --dport ${r.port} -j ${r.externalChain}`,
      );
    }
    if (r.nodePort !== undefined || r.externalIPs.length > 0) {
      chains.push(r.externalChain);
      if (r.nodePort !== undefined) {
        lines.push(
          `-A KUBE-NODEPORTS -p ${proto} ${comment(r.name)} -m ${proto} --dport ${r.nodePort} -j ${r.externalChain}`,
        );
      }
      lines.push(
        `-A ${r.externalChain} ${comment('masquerade traffic for ' + r.name + ' external destinations')} -j KUBE-MARK-MASQ`,
      );
      lines.push(`-A ${r.externalChain} -j ${r.chain}`);
    }
    lines.push(
      `-A ${r.chain} ! -s ${podCidr} -d ${r.clusterIP}/32 -p ${proto} ${comment(`${r.name} cluster IP`)} -m ${proto} --dport ${r.port} -j KUBE-MARK-MASQ`,
    );
    r.endpoints.forEach((e, i) => {
      const last = i === r.endpoints.length - 1;
      const statistic = last
        ? ''
        : ` -m statistic --mode random --probability ${ladderProbability(i, r.endpoints.length)}`;
      lines.push(`-A ${r.chain} ${comment(`${r.name} -> ${e.address}:${e.port}`)}${statistic} -j ${e.chain}`);
    });
    for (const e of r.endpoints) {
      chains.push(e.chain);
      lines.push(`-A ${e.chain} -s ${e.address}/32 ${comment(r.name)} -j KUBE-MARK-MASQ`);
      lines.push(
        `-A ${e.chain} -p ${proto} ${comment(r.name)} -m ${proto} -j DNAT --to-destination ${e.address}:${e.port}`,
      );
    }
  }
  lines.push(
    `-A KUBE-SERVICES -m comment --comment "kubernetes service nodeports; NOTE: this must be the last rule in this chain" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS`,
  );
  lines.push('-A KUBE-MARK-MASQ -j MARK --or-mark 0x4000');
  lines.push('-A KUBE-POSTROUTING -m mark ! --mark 0x4000/0x4000 -j RETURN');
  lines.push('-A KUBE-POSTROUTING -j MARK --xor-mark 0x4000');
  lines.push(
    '-A KUBE-POSTROUTING -m comment --comment "kubernetes service traffic requiring SNAT" -j MASQUERADE --random-fully',
  );
  const filter = rejects.length
    ? ['*filter', ':KUBE-EXTERNAL-SERVICES - [0:0]', ':KUBE-SERVICES - [0:0]', ...rejects, 'COMMIT']
    : [];
  return [
    ...filter,
    '*nat',
    ...[...new Set(chains)].map((c) => `:${c} - [0:0]`),
    ...lines,
    'COMMIT',
    '',
  ].join('\n');
}
