/**
 * `kubectl top node|pod`: reads the resource metrics API (metrics.k8s.io) and prints usage
 * as kubectl's metrics printer does — every cell tab-terminated, percentages of what is
 * allocatable truncated to whole numbers, CPU in millicores and memory in Mi.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Status } from '../../apiserver/status.ts';
import { parseQuantity, quantityMilliValue, quantityValue } from '../../apiserver/validation/quantity.ts';
import { bool, str, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';
import { tabwrite } from '../printing.ts';

export const topFlags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'containers', type: 'bool', default: false },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'sum', type: 'bool', default: false },
  { name: 'show-capacity', type: 'bool', default: false },
];

const METRICS = '/apis/metrics.k8s.io/v1beta1';
/** kubectl's metricsCreationDelay: younger pods are forgiven for having no metrics yet. */
const METRICS_CREATION_DELAY_MS = 2 * 60_000;

interface Usage {
  cpu?: string;
  memory?: string;
}
interface NodeMetrics extends KubeObject {
  usage: Usage;
}
interface PodMetrics extends KubeObject {
  containers: { name: string; usage: Usage }[];
}

const milli = (q: string | undefined): number => {
  const parsed = parseQuantity(q ?? '0');
  return parsed ? quantityMilliValue(parsed) : 0;
};
const bytes = (q: string | undefined): number => {
  const parsed = parseQuantity(q ?? '0');
  return parsed ? quantityValue(parsed) : 0;
};
const cpuText = (m: number): string => `${m}m`;
const memoryText = (b: number): string => `${Math.trunc(b / (1024 * 1024))}Mi`;
const percent = (used: number, available: number): string =>
  `${available === 0 ? 0 : Math.trunc((used / available) * 100)}%`;

/** Go's duration String(), as kubectl prints a pod's age. */
function goDuration(ms: number): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = (ms % 60_000) / 1000;
  const sec = `${Number.isInteger(s) ? s : s.toFixed(3).replace(/0+$/, '')}s`;
  return h > 0 ? `${h}h${m}m${sec}` : m > 0 ? `${m}m${sec}` : sec;
}

function get(ctx: CommandContext, path: string, query: Record<string, string> = {}) {
  return ctx.host.client.request({ method: 'GET', path, query });
}

export function runTop(ctx: CommandContext): void {
  const [sub, ...names] = ctx.args;
  if (sub === 'node' || sub === 'nodes' || sub === 'no') return topNodes(ctx, names);
  if (sub === 'pod' || sub === 'pods' || sub === 'po') return topPods(ctx, names);
  return ctx.out.fail(
    sub
      ? `error: unknown command "${sub}" for "kubectl top"\nRun 'kubectl top --help' for usage.`
      : 'error: Usage: kubectl top SUBCOMMAND',
  );
}

function metricsServed(ctx: CommandContext): boolean {
  const res = get(ctx, '/apis');
  const groups = (res.body as { groups?: { name: string }[] } | undefined)?.groups ?? [];
  return groups.some((g) => g.name === 'metrics.k8s.io');
}

function sortKey(sortBy: string, usage: Usage): number {
  return sortBy === 'cpu' ? milli(usage.cpu) : sortBy === 'memory' ? bytes(usage.memory) : 0;
}

function topNodes(ctx: CommandContext, names: readonly string[]): void {
  const { out, flags } = ctx;
  if (!metricsServed(ctx)) return out.fail('error: Metrics API not available');
  const selector = str(flags, 'selector');
  const query: Record<string, string> = selector ? { labelSelector: selector } : {};
  const name = names[0];
  const res = get(ctx, name ? `${METRICS}/nodes/${name}` : `${METRICS}/nodes`, query);
  if (res.status >= 400) return out.fail(apiErrorMessage(res.body as Status));
  const metrics = name ? [res.body as NodeMetrics] : (res.body as { items: NodeMetrics[] }).items;
  if (metrics.length === 0) return out.fail('error: metrics not available yet');
  const nodesRes = name ? get(ctx, `/api/v1/nodes/${name}`) : get(ctx, '/api/v1/nodes', query);
  if (nodesRes.status >= 400) return out.fail(apiErrorMessage(nodesRes.body as Status));
  const nodes = name ? [nodesRes.body as KubeObject] : (nodesRes.body as { items: KubeObject[] }).items;
  const field = bool(flags, 'show-capacity') ? 'capacity' : 'allocatable';
  const available = new Map(
    nodes.map((n) => [n.metadata.name ?? '', (n.status as Record<string, Usage> | undefined)?.[field] ?? {}]),
  );
  const sortBy = str(flags, 'sort-by');
  const sorted = [...metrics].sort((a, b) =>
    sortBy === 'cpu' || sortBy === 'memory'
      ? sortKey(sortBy, b.usage) - sortKey(sortBy, a.usage)
      : (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''),
  );
  const rows: string[][] = bool(flags, 'no-headers')
    ? []
    : [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)', '']];
  for (const m of sorted) {
    const nodeName = m.metadata.name ?? '';
    const avail = available.get(nodeName);
    const cpu = milli(m.usage.cpu);
    const memory = bytes(m.usage.memory);
    rows.push([
      nodeName,
      cpuText(cpu),
      ...(avail ? [percent(cpu, milli(avail.cpu))] : []),
      memoryText(memory),
      ...(avail ? [percent(memory, bytes(avail.memory))] : []),
      '',
    ]);
    available.delete(nodeName);
  }
  for (const nodeName of [...available.keys()].sort()) {
    rows.push([nodeName, '<unknown>', '<unknown>', '<unknown>', '<unknown>', '']);
  }
  out.out(tabwrite(rows));
}

function topPods(ctx: CommandContext, names: readonly string[]): void {
  const { out, flags } = ctx;
  if (!metricsServed(ctx)) return out.fail('error: Metrics API not available');
  const all = bool(flags, 'all-namespaces');
  const name = names[0];
  const selector = str(flags, 'selector');
  const query: Record<string, string> = selector ? { labelSelector: selector } : {};
  const base = all && !name ? METRICS : `${METRICS}/namespaces/${ctx.namespace}`;
  const res = get(ctx, name ? `${base}/pods/${name}` : `${base}/pods`, query);
  if (res.status >= 400) return out.fail(apiErrorMessage(res.body as Status));
  const metrics = name ? [res.body as PodMetrics] : (res.body as { items: PodMetrics[] }).items;
  if (metrics.length === 0) {
    // Before blaming anyone, kubectl checks whether the pods are simply too young.
    const podsPath = all && !name ? '/api/v1/pods' : `/api/v1/namespaces/${ctx.namespace}/pods`;
    const podsRes = get(ctx, name ? `${podsPath}/${name}` : podsPath, query);
    if (podsRes.status >= 400) return out.fail(apiErrorMessage(podsRes.body as Status));
    const pods = name ? [podsRes.body as KubeObject] : (podsRes.body as { items: KubeObject[] }).items;
    if (pods.length > 0) {
      for (const pod of pods) {
        const age = ctx.host.now() - Date.parse(pod.metadata.creationTimestamp ?? '');
        if (age > METRICS_CREATION_DELAY_MS) {
          return out.fail(
            `error: Metrics not available for pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}, age: ${goDuration(age)}`,
          );
        }
      }
      return out.fail('error: metrics not available yet');
    }
    out.err(all ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    return;
  }
  const containers = bool(flags, 'containers');
  const sortBy = str(flags, 'sort-by');
  const podTotal = (m: PodMetrics, key: 'cpu' | 'memory'): number =>
    m.containers.reduce((t, c) => t + (key === 'cpu' ? milli(c.usage.cpu) : bytes(c.usage.memory)), 0);
  const sorted = [...metrics].sort((a, b) => {
    if (sortBy === 'cpu' || sortBy === 'memory') return podTotal(b, sortBy) - podTotal(a, sortBy);
    const ka = `${all ? (a.metadata.namespace ?? '') : ''}/${a.metadata.name ?? ''}`;
    const kb = `${all ? (b.metadata.namespace ?? '') : ''}/${b.metadata.name ?? ''}`;
    return ka.localeCompare(kb);
  });
  const prefix = (m: PodMetrics): string[] => (all ? [m.metadata.namespace ?? ''] : []);
  const rows: string[][] = [];
  if (!bool(flags, 'no-headers')) {
    rows.push([
      ...(all ? ['NAMESPACE'] : []),
      ...(containers ? ['POD'] : []),
      'NAME',
      'CPU(cores)',
      'MEMORY(bytes)',
      '',
    ]);
  }
  for (const m of sorted) {
    if (containers) {
      for (const c of m.containers) {
        rows.push([
          ...prefix(m),
          m.metadata.name ?? '',
          c.name,
          cpuText(milli(c.usage.cpu)),
          memoryText(bytes(c.usage.memory)),
          '',
        ]);
      }
    } else {
      rows.push([
        ...prefix(m),
        m.metadata.name ?? '',
        cpuText(podTotal(m, 'cpu')),
        memoryText(podTotal(m, 'memory')),
        '',
      ]);
    }
  }
  if (bool(flags, 'sum')) {
    const width = 3 + (all ? 1 : 0) + (containers ? 1 : 0);
    const cpu = sorted.reduce((t, m) => t + podTotal(m, 'cpu'), 0);
    const memory = sorted.reduce((t, m) => t + podTotal(m, 'memory'), 0);
    rows.push([...Array<string>(width - 2).fill(''), '________', '________', '']);
    rows.push([...Array<string>(width - 3).fill(''), '', cpuText(cpu), memoryText(memory), '']);
  }
  out.out(tabwrite(rows));
}
