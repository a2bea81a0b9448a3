/**
 * `kubectl set env TYPE/NAME KEY=VALUE… KEY-…` (and `--from=secret/NAME|configmap/NAME`,
 * `--list`): the containers' environment, changed by a strategic merge patch keyed on the
 * variable's name.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Status } from '../../apiserver/status.ts';
import { bool, str, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import { fetchObjects, objectName, patchObject, reportErrors } from '../mutate.ts';
import { dig, podSpecPath } from './pod-template.ts';
import { parseApiVersion, type JsonObject } from '../../api/types.ts';
import { createTwoWayMergePatch } from '../../patch/index.ts';
import { patchMetaFor } from '../../schema/index.ts';

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: unknown;
}

interface Container {
  name: string;
  env?: EnvVar[];
}

/** A key of a ConfigMap or Secret as an environment variable name: upper case, `-` and `.` as `_`. */
function envNameOf(key: string, prefix: string): string {
  return `${prefix}${key}`.toUpperCase().replace(/[-.]/g, '_');
}

/** The variables `--from` brings: one reference per key of the named ConfigMap or Secret. */
function fromSource(ctx: CommandContext, from: string): EnvVar[] | string {
  const [kind = '', name = ''] = from.split('/');
  const secret = kind === 'secret' || kind === 'secrets';
  if (!secret && kind !== 'configmap' && kind !== 'configmaps' && kind !== 'cm')
    return `from must be of type secret or configmap`;
  const res = ctx.host.client.request({
    method: 'GET',
    path: `/api/v1/namespaces/${ctx.namespace}/${secret ? 'secrets' : 'configmaps'}/${name}`,
  });
  if (res.status >= 400) return apiErrorMessage(res.body as Status);
  const object = res.body as KubeObject & { data?: Record<string, string> };
  const only = str(ctx.flags, 'keys').split(',').filter(Boolean);
  const keys = Object.keys(object.data ?? {})
    .filter((k) => only.length === 0 || only.includes(k))
    .sort();
  const prefix = str(ctx.flags, 'prefix');
  return keys.map((key) => {
    // kubectl warns when a key is not already a valid variable name and converts it.
    if (envNameOf(key, '') !== key) ctx.out.err(`Warning: key ${key} transferred to ${envNameOf(key, '')}\n`);
    return {
      name: envNameOf(key, prefix),
      valueFrom: secret ? { secretKeyRef: { name, key } } : { configMapKeyRef: { name, key } },
    };
  });
}

function listEnv(object: KubeObject, containers: Container[]): string {
  let text = '';
  for (const c of containers) {
    text += `# ${object.kind} ${object.metadata.name ?? ''}, container ${c.name}\n`;
    for (const e of c.env ?? []) {
      if (e.value !== undefined) text += `${e.name}=${e.value}\n`;
      else if (e.valueFrom) {
        const from = e.valueFrom as {
          secretKeyRef?: { name: string; key: string };
          configMapKeyRef?: { name: string; key: string };
          fieldRef?: { fieldPath: string };
        };
        if (from.secretKeyRef)
          text += `# ${e.name} from secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}\n`;
        else if (from.configMapKeyRef)
          text += `# ${e.name} from configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}\n`;
        else if (from.fieldRef) text += `# ${e.name} from field path ${from.fieldRef.fieldPath}\n`;
      } else text += `${e.name}=\n`;
    }
  }
  return text;
}

/** The variables after the change: updated in place, new ones at the end, removed ones gone. */
function updatedEnv(env: readonly EnvVar[], set: readonly EnvVar[], removals: readonly string[]): EnvVar[] {
  const result = env.filter((e) => !removals.includes(e.name)).map((e) => ({ ...e }));
  for (const v of set) {
    const i = result.findIndex((e) => e.name === v.name);
    if (i >= 0) result[i] = v;
    else result.push(v);
  }
  return result;
}

export function runSetEnv(ctx: CommandContext, args: readonly string[]): void {
  const { out, flags } = ctx;
  const resources = args.filter((a) => !a.includes('=') && !(a.endsWith('-') && !a.includes('/')));
  const assignments = args.filter((a) => a.includes('='));
  const removals = args
    .filter((a) => a.endsWith('-') && !a.includes('/') && !a.includes('='))
    .map((a) => a.slice(0, -1));
  const list = bool(flags, 'list');
  const from = str(flags, 'from');
  if (resources.length === 0)
    return out.fail(
      'error: one or more resources must be specified as <resource> <name> or <resource>/<name>',
    );
  const set: EnvVar[] = assignments.map((a) => ({
    name: a.slice(0, a.indexOf('=')),
    value: a.slice(a.indexOf('=') + 1),
  }));
  if (from) {
    const vars = fromSource(ctx, from);
    if (typeof vars === 'string')
      return out.fail(vars.startsWith('Error from server') ? vars : `error: ${vars}`);
    set.push(...vars);
  }
  const fetched = fetchObjects(ctx, resources, str(flags, 'selector'));
  if ('fatal' in fetched) return out.fail(fetched.fatal);
  const errors = [...fetched.errors];
  const wanted = str(flags, 'containers') || '*';
  for (const target of fetched.objects) {
    const path = podSpecPath(target.object);
    const containers = ((dig(target.object, path).containers ?? []) as Container[]).filter(
      (c) => wanted === '*' || c.name === wanted,
    );
    if (list) {
      out.out(listEnv(target.object, containers));
      continue;
    }
    if (containers.length === 0) {
      out.err(
        `Warning: ${target.object.kind}/${target.object.metadata.name ?? ''} does not have any containers matching "${wanted}"\n`,
      );
      continue;
    }
    // As kubectl does: change a copy, then send the two-way strategic merge patch between them.
    const modified = JSON.parse(JSON.stringify(target.object)) as KubeObject;
    for (const c of (dig(modified, path).containers ?? []) as Container[]) {
      if (wanted !== '*' && c.name !== wanted) continue;
      c.env = updatedEnv(c.env ?? [], set, removals);
    }
    const { group, version } = parseApiVersion(target.object.apiVersion);
    const patch = createTwoWayMergePatch(
      target.object as unknown as JsonObject,
      modified as unknown as JsonObject,
      patchMetaFor({ group, version, kind: target.object.kind }),
    );
    // Nothing to change: kubectl sends nothing and says nothing.
    if (Object.keys(patch).length === 0) continue;
    if (str(flags, 'dry-run') !== 'client') {
      const result = patchObject(ctx, target, 'strategic', patch, undefined, str(flags, 'field-manager'));
      if (typeof result === 'string') {
        errors.push(result);
        continue;
      }
    }
    out.out(`${objectName(target)} env updated${str(flags, 'dry-run') === 'client' ? ' (dry run)' : ''}\n`);
  }
  reportErrors(ctx, errors);
}
