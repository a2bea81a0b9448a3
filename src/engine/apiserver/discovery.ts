/**
 * Discovery documents (`/api`, `/apis`, `/apis/<group>`, `/apis/<group>/<version>`) and
 * `/version`, in the legacy (unaggregated) format every kubectl understands.
 */
import { apiVersionOf } from '../api/types.ts';
import { KUBERNETES_BUILD } from '../api/version.ts';
import { builtinResources, servedGroupVersions, type ResourceInfo } from '../api/resources.ts';
import { METRICS_GROUP, METRICS_VERSION, metricsResources } from './metrics-api.ts';

/** `/version`: the build, plus the emulation and compatibility versions a v1.34 server reports. */
export const serverVersion = {
  major: KUBERNETES_BUILD.major,
  minor: KUBERNETES_BUILD.minor,
  emulationMajor: '1',
  emulationMinor: '34',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '33',
  gitVersion: KUBERNETES_BUILD.gitVersion,
  gitCommit: KUBERNETES_BUILD.gitCommit,
  gitTreeState: KUBERNETES_BUILD.gitTreeState,
  buildDate: KUBERNETES_BUILD.buildDate,
  goVersion: KUBERNETES_BUILD.goVersion,
  compiler: KUBERNETES_BUILD.compiler,
  platform: KUBERNETES_BUILD.platform,
} as const;

export function coreVersions(serverAddress: string): object {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(group: string, versions: readonly string[]): object {
  const entries = versions.map((version) => ({ groupVersion: `${group}/${version}`, version }));
  return { name: group, versions: entries, preferredVersion: entries[0] };
}

/** Groups served by aggregated API servers (metrics-server), listed after the built-in ones. */
const aggregatedGroups = [{ group: METRICS_GROUP, versions: [METRICS_VERSION] }];

export function groupList(): object {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...servedGroupVersions, ...aggregatedGroups]
      .filter((g) => g.group !== '')
      .map((g) => groupEntry(g.group, g.versions)),
  };
}

export function group(name: string): object | undefined {
  const served = [...servedGroupVersions, ...aggregatedGroups].find((g) => g.group === name && name !== '');
  return served && { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(served.group, served.versions) };
}

const subresourceVerbs: Record<string, { kind?: string; group?: string; version?: string; verbs: string[] }> =
  {
    status: { verbs: ['get', 'patch', 'update'] },
    scale: { kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: ['get', 'patch', 'update'] },
    binding: { kind: 'Binding', verbs: ['create'] },
    eviction: { kind: 'Eviction', group: 'policy', version: 'v1', verbs: ['create'] },
    log: { kind: 'Pod', verbs: ['get'] },
    ephemeralcontainers: { verbs: ['get', 'patch', 'update'] },
    resize: { verbs: ['get', 'patch', 'update'] },
    finalize: { verbs: ['update'] },
    attach: { kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    exec: { kind: 'PodExecOptions', verbs: ['create', 'get'] },
    portforward: { kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
    proxy: { kind: 'PodProxyOptions', verbs: ['create', 'delete', 'get', 'patch', 'update'] },
    token: { kind: 'TokenRequest', group: 'authentication.k8s.io', version: 'v1', verbs: ['create'] },
  };

function resourceEntries(r: ResourceInfo): object[] {
  const main: Record<string, unknown> = {
    name: r.plural,
    singularName: r.singular,
    namespaced: r.namespaced,
    kind: r.kind,
    verbs: [...r.verbs],
  };
  if (r.shortNames.length) main.shortNames = [...r.shortNames];
  if (r.categories.length) main.categories = [...r.categories];
  const subs = r.subresources.map((sub) => {
    const meta = subresourceVerbs[sub] ?? { verbs: ['get'] };
    const entry: Record<string, unknown> = {
      name: `${r.plural}/${sub}`,
      singularName: '',
      namespaced: r.namespaced,
      kind: meta.kind ?? r.kind,
      verbs: meta.verbs,
    };
    if (meta.group) entry.group = meta.group;
    if (meta.version) entry.version = meta.version;
    return entry;
  });
  return [main, ...subs];
}

export function resourceList(groupName: string, version: string): object | undefined {
  if (groupName === METRICS_GROUP && version === METRICS_VERSION) {
    return {
      kind: 'APIResourceList',
      apiVersion: 'v1',
      groupVersion: `${METRICS_GROUP}/${METRICS_VERSION}`,
      resources: metricsResources,
    };
  }
  const resources = builtinResources.filter((r) => r.group === groupName && r.version === version);
  if (resources.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: apiVersionOf(groupName, version),
    resources: resources.flatMap(resourceEntries),
  };
}
