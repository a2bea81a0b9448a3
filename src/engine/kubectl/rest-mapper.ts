/**
 * kubectl's view of the server's API: it asks the discovery endpoints once (as kubectl
 * does before caching them on disk) and resolves what users type — `po`, `pods`, `pod`,
 * `deploy`, `deployments.apps`, `deployment.v1.apps` — and manifest kinds to resources.
 */
import type { ApiClient } from '../client/api-client.ts';

export interface ApiResource {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  readonly name: string;
  /** Same as name: lets an ApiResource be used wherever REST coordinates are needed. */
  readonly plural: string;
  readonly singularName: string;
  readonly shortNames: readonly string[];
  readonly namespaced: boolean;
  readonly verbs: readonly string[];
  readonly categories: readonly string[];
  /** True for the group's preferred version. */
  readonly preferred: boolean;
}

interface DiscoveryResource {
  name: string;
  singularName?: string;
  shortNames?: string[];
  namespaced: boolean;
  kind: string;
  verbs: string[];
  categories?: string[];
}

export class RestMapper {
  #resources: ApiResource[] | undefined;

  constructor(private readonly client: ApiClient) {}

  /** Every top-level resource the server serves, in discovery order. */
  all(): readonly ApiResource[] {
    if (this.#resources) return this.#resources;
    const found: ApiResource[] = [];
    const add = (group: string, version: string, preferred: boolean): void => {
      const path = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
      const res = this.client.request({ method: 'GET', path });
      if (res.status !== 200) return;
      for (const r of (res.body as { resources: DiscoveryResource[] }).resources) {
        if (r.name.includes('/')) continue;
        found.push({
          group,
          version,
          kind: r.kind,
          name: r.name,
          plural: r.name,
          singularName: r.singularName || r.kind.toLowerCase(),
          shortNames: r.shortNames ?? [],
          namespaced: r.namespaced,
          verbs: r.verbs,
          categories: r.categories ?? [],
          preferred,
        });
      }
    };
    const core = this.client.request({ method: 'GET', path: '/api' }).body as { versions: string[] };
    for (const v of core.versions) add('', v, v === core.versions[0]);
    const groups = this.client.request({ method: 'GET', path: '/apis' }).body as {
      groups: { name: string; versions: { version: string }[]; preferredVersion: { version: string } }[];
    };
    for (const g of groups.groups) {
      for (const v of g.versions) add(g.name, v.version, v.version === g.preferredVersion.version);
    }
    this.#resources = found;
    return found;
  }

  /** Resolves a resource argument as kubectl does; undefined for an unknown type. */
  resolve(arg: string): ApiResource | undefined {
    const lower = arg.toLowerCase();
    const parts = lower.split('.');
    const head = parts[0]!;
    const all = this.all();
    const matchesName = (r: ApiResource) =>
      r.name === head || r.singularName === head || r.shortNames.includes(head);
    if (parts.length > 1) {
      // `resource.version.group` first, then `resource.group`.
      const version = parts[1]!;
      const groupAfterVersion = parts.slice(2).join('.');
      const exact = all.find((r) => matchesName(r) && r.version === version && r.group === groupAfterVersion);
      if (exact) return exact;
      const group = parts.slice(1).join('.');
      return all.find(
        (r) => matchesName(r) && r.preferred && (r.group === group || r.group.startsWith(`${group}.`)),
      );
    }
    return (
      all.find((r) => r.preferred && (r.name === head || r.singularName === head)) ??
      all.find((r) => r.preferred && r.shortNames.includes(head)) ??
      all.find((r) => r.preferred && r.kind.toLowerCase() === head)
    );
  }

  /** The resource for a manifest's apiVersion and kind. */
  forKind(group: string, version: string, kind: string): ApiResource | undefined {
    return this.all().find((r) => r.group === group && r.version === version && r.kind === kind);
  }

  /** Expands a category such as `all` into resources, preferred versions only. */
  category(name: string): ApiResource[] {
    const seen = new Set<string>();
    return this.all().filter((r) => {
      if (!r.preferred || !r.categories.includes(name)) return false;
      const id = `${r.group}/${r.name}`;
      if (seen.has(id)) return false;
      seen.add(id);
      return true;
    });
  }
}

/** `deployment.apps` / `pod`: the lower-case kind with its group, as kubectl names objects. */
export function kindWithGroup(r: { kind: string; group: string }): string {
  return r.group ? `${r.kind.toLowerCase()}.${r.group}` : r.kind.toLowerCase();
}

/** `deployments.apps` / `pods`: the resource with its group, as API errors name it. */
export function resourceWithGroup(r: { name: string; group: string }): string {
  return r.group ? `${r.name}.${r.group}` : r.name;
}
