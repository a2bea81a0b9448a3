/** Helpers for commands that read and patch named objects (scale, label, set image, rollout…). */
import type { KubeObject } from '../api/types.ts';
import { resourcePath } from '../client/api-client.ts';
import type { Status } from '../apiserver/status.ts';
import { str, type CommandContext } from './context.ts';
import { apiErrorMessage } from './errors.ts';
import { kindWithGroup, type ApiResource } from './rest-mapper.ts';
import { resolveTargets } from './targets.ts';

export interface NamedObject {
  readonly resource: ApiResource;
  readonly namespace: string | undefined;
  readonly object: KubeObject;
}

export type Fetched = { objects: NamedObject[]; errors: string[] } | { fatal: string };

/** Resolves `TYPE NAME…`, `TYPE/NAME…` or `TYPE -l selector` (or --all) and GETs/LISTs the objects. */
export function fetchObjects(ctx: CommandContext, args: readonly string[], selector = ''): Fetched {
  const targets = resolveTargets(ctx, args);
  if (typeof targets === 'string') return { fatal: targets };
  const objects: NamedObject[] = [];
  const errors: string[] = [];
  for (const t of targets) {
    const ns = t.resource.namespaced ? ctx.namespace : undefined;
    if (t.names.length === 0) {
      const res = ctx.host.client.request({
        method: 'GET',
        path: resourcePath(t.resource, ns),
        query: selector ? { labelSelector: selector } : {},
      });
      if (res.status >= 400) errors.push(apiErrorMessage(res.body as Status));
      else {
        for (const item of (res.body as { items: KubeObject[] }).items) {
          objects.push({ resource: t.resource, namespace: ns, object: item });
        }
      }
      continue;
    }
    for (const name of t.names) {
      const res = ctx.host.client.request({ method: 'GET', path: resourcePath(t.resource, ns, name) });
      if (res.status >= 400) errors.push(apiErrorMessage(res.body as Status));
      else objects.push({ resource: t.resource, namespace: ns, object: res.body as KubeObject });
    }
  }
  return { objects, errors };
}

export type PatchType = 'merge' | 'strategic' | 'json';

const contentTypes: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

/** Sends a PATCH; returns the patched object or kubectl's error text. */
export function patchObject(
  ctx: CommandContext,
  target: NamedObject,
  type: PatchType,
  patch: unknown,
  subresource?: string,
  fieldManager = 'kubectl-patch',
): KubeObject | string {
  const query: Record<string, string> = { fieldManager };
  if (str(ctx.flags, 'dry-run') === 'server') query.dryRun = 'All';
  const res = ctx.host.client.request({
    method: 'PATCH',
    path: resourcePath(target.resource, target.namespace, target.object.metadata.name, subresource),
    query,
    headers: { 'content-type': contentTypes[type] },
    body: patch,
  });
  if (res.status >= 400) return apiErrorMessage(res.body as Status);
  return res.body as KubeObject;
}

export function objectName(target: NamedObject): string {
  return `${kindWithGroup(target.resource)}/${target.object.metadata.name ?? ''}`;
}

/** Writes each failure as kubectl does (API errors keep their own prefix). */
export function reportErrors(ctx: CommandContext, errors: readonly string[]): void {
  for (const e of errors) {
    ctx.out.fail(
      e.startsWith('Error from server') || e.startsWith('error:') || e.startsWith('The ') ? e : `error: ${e}`,
    );
  }
}
