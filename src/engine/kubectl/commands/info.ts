/** The read-only informational commands: api-resources, version, cluster-info. */
import { bool, str, type CommandContext } from '../context.ts';
import type { FlagSpec } from '../flags.ts';
import { tabwrite } from '../printing.ts';
import { marshalYaml } from '../../printers/index.ts';
import { KUBERNETES_BUILD, KUSTOMIZE_VERSION } from '../../api/version.ts';

const CLIENT_VERSION = KUBERNETES_BUILD;

export const apiResourcesFlags: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'namespaced', type: 'bool', default: true },
  { name: 'api-group', type: 'string', default: '' },
  { name: 'no-headers', type: 'bool', default: false },
  { name: 'sort-by', type: 'string', default: '' },
  { name: 'verbs', type: 'stringArray' },
  { name: 'cached', type: 'bool', default: false },
  { name: 'categories', type: 'stringArray' },
];

export function runApiResources(ctx: CommandContext): void {
  const { flags, out } = ctx;
  const output = str(flags, 'output');
  if (!['', 'wide', 'name'].includes(output)) {
    return out.fail(`error: --output ${output} is not available`);
  }
  let resources = ctx.mapper.all().filter((r) => r.preferred);
  if (ctx.changed.has('namespaced'))
    resources = resources.filter((r) => r.namespaced === bool(flags, 'namespaced'));
  if (ctx.changed.has('api-group')) resources = resources.filter((r) => r.group === str(flags, 'api-group'));
  const verbs = flags.verbs as string[];
  if (verbs.length) resources = resources.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const sortBy = str(flags, 'sort-by');
  const sorted = [...resources].sort((a, b) => {
    const key = (r: typeof a) =>
      sortBy === 'kind' ? [r.kind, ''] : sortBy === 'name' ? [r.name, ''] : [r.group, r.name];
    const [a1, a2] = key(a);
    const [b1, b2] = key(b);
    return a1! < b1! ? -1 : a1! > b1! ? 1 : a2! < b2! ? -1 : a2! > b2! ? 1 : 0;
  });
  if (output === 'name') {
    out.out(sorted.map((r) => `${r.group ? `${r.name}.${r.group}` : r.name}\n`).join(''));
    return;
  }
  const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
  if (output === 'wide') header.push('VERBS', 'CATEGORIES');
  const rows = sorted.map((r) => {
    const row = [
      r.name,
      r.shortNames.join(','),
      r.group ? `${r.group}/${r.version}` : r.version,
      String(r.namespaced),
      r.kind,
    ];
    if (output === 'wide') row.push(`[${r.verbs.join(' ')}]`, r.categories.join(','));
    return row;
  });
  out.out(tabwrite(bool(flags, 'no-headers') ? rows : [header, ...rows]));
}

export const versionFlags: FlagSpec[] = [
  { name: 'client', type: 'bool', default: false },
  { name: 'output', short: 'o', type: 'string', default: '' },
];

export function runVersion(ctx: CommandContext): void {
  const { flags, out } = ctx;
  const output = str(flags, 'output');
  if (output && output !== 'json' && output !== 'yaml') {
    return out.fail(`error: --output must be 'yaml' or 'json'`);
  }
  const client = bool(flags, 'client');
  const server = client ? undefined : ctx.host.client.request({ method: 'GET', path: '/version' }).body;
  if (output) {
    const doc: Record<string, unknown> = {
      clientVersion: CLIENT_VERSION,
      kustomizeVersion: KUSTOMIZE_VERSION,
    };
    if (server) doc.serverVersion = server;
    out.out(output === 'json' ? `${JSON.stringify(doc, null, 2)}\n` : marshalYaml(doc));
    return;
  }
  out.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (server) out.out(`Server Version: ${(server as { gitVersion: string }).gitVersion}\n`);
}

export const clusterInfoFlags: FlagSpec[] = [];

export const API_SERVER_URL = 'https://127.0.0.1:6443';

export function runClusterInfo(ctx: CommandContext): void {
  if (ctx.args[0] === 'dump') {
    return ctx.out.fail('error: cluster-info dump is not supported by this simulator yet');
  }
  const lines = [`Kubernetes control plane is running at ${API_SERVER_URL}`];
  const res = ctx.host.client.request({
    method: 'GET',
    path: '/api/v1/namespaces/kube-system/services',
    query: { labelSelector: 'kubernetes.io/cluster-service=true' },
  });
  const items =
    (
      res.body as {
        items?: {
          metadata: { name?: string; labels?: Record<string, string> };
          spec?: { ports?: { name?: string; port: number }[] };
        }[];
      }
    ).items ?? [];
  for (const svc of items) {
    const name = svc.metadata.labels?.['kubernetes.io/name'] ?? svc.metadata.name ?? '';
    const port = svc.spec?.ports?.[0];
    const portName = port?.name ? `:${port.name}` : '';
    lines.push(
      `${name} is running at ${API_SERVER_URL}/api/v1/namespaces/kube-system/services/${svc.metadata.name ?? ''}${portName}/proxy`,
    );
  }
  ctx.out.out(
    `${lines.join('\n')}\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`,
  );
}

export const apiVersionsFlags: FlagSpec[] = [];

/** `kubectl api-versions`: every group/version the server serves, sorted as strings. */
export function runApiVersions(ctx: CommandContext): void {
  const versions = new Set(ctx.mapper.all().map((r) => (r.group ? `${r.group}/${r.version}` : r.version)));
  ctx.out.out(
    [...versions]
      .sort()
      .map((v) => `${v}\n`)
      .join(''),
  );
}
