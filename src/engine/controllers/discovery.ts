/**
 * What controllers learn from API discovery: the served resources at each group's
 * preferred version (client-go `ServerPreferredResources`), filtered by the verbs they
 * support (`discovery.SupportsAllVerbs`).
 */
import { builtinResources, findKind, servedGroupVersions, type ResourceInfo } from '../api/resources.ts';

/** A served kind's resource; throws for a kind the API server does not serve (a programming error). */
export function servedResource(group: string, version: string, kind: string): ResourceInfo {
  const r = findKind(group, version, kind);
  if (!r) throw new Error(`the server does not serve ${group}/${version} ${kind}`);
  return r;
}

export function preferredResources(): ResourceInfo[] {
  const preferred = new Map(servedGroupVersions.map((g) => [g.group, g.versions[0]]));
  return builtinResources.filter((r) => preferred.get(r.group) === r.version);
}

export function supportsAllVerbs(r: ResourceInfo, verbs: readonly string[]): boolean {
  return verbs.every((v) => r.verbs.includes(v));
}

/** apimachinery's `GroupVersionResource.String()`: `apps/v1, Resource=deployments`, `/v1, Resource=pods`. */
export function gvrString(r: ResourceInfo): string {
  return `${r.group}/${r.version}, Resource=${r.plural}`;
}
