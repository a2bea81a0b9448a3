/**
 * `kubectl apply --server-side`: each object is sent whole as an apply patch, and the API
 * server merges it and records the field manager's ownership. Conflicts come back with
 * kubectl's advice on resolving them.
 */
import type { KubeObject } from '../../api/types.ts';
import type { Status } from '../../apiserver/status.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import type { ObjectTarget } from '../object-target.ts';

const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

export interface ServerSideApplyOptions {
  readonly fieldManager: string;
  readonly force: boolean;
  readonly dryRun: boolean;
  readonly validation: string;
}

export function serverSideApplyOne(
  ctx: CommandContext,
  target: ObjectTarget,
  options: ServerSideApplyOptions,
): { object?: KubeObject; error?: string } {
  const query: Record<string, string> = {
    fieldManager: options.fieldManager,
    fieldValidation: options.validation,
  };
  if (options.force) query.force = 'true';
  if (options.dryRun) query.dryRun = 'All';
  const res = ctx.host.client.request({
    method: 'PATCH',
    path: resourcePath(target.resource, target.namespace, target.name),
    query,
    headers: { 'content-type': 'application/apply-patch+yaml' },
    body: target.object,
  });
  if (res.status < 400) return { object: res.body as KubeObject };
  const status = res.body as Status;
  if (
    status.reason === 'Conflict' &&
    status.details?.causes?.some((c) => c.reason === 'FieldManagerConflict')
  ) {
    return { error: `${status.message ?? ''}\n${CONFLICT_ADVICE}` };
  }
  return { error: apiErrorMessage(status, { verb: 'applying patch', source: target.source }) };
}
