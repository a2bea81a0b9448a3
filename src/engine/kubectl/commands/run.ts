/** `kubectl run NAME --image=IMAGE [--port] [--restart] [--command] -- ARGS…`: creates one pod. */
import { parseLabelPairs } from '../label-pairs.ts';
import type { KubeObject } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { Status } from '../../apiserver/status.ts';
import { bool, list, str, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';
import { formatObjects } from '../printing.ts';
import { podFor } from './generators.ts';
import { dryRunSuffix, parseDryRun, writeFlags } from './write-options.ts';

export const runFlags: FlagSpec[] = [
  { name: 'image', type: 'string', default: '' },
  { name: 'port', type: 'int', default: -1 },
  { name: 'restart', type: 'string', default: 'Always' },
  { name: 'command', type: 'bool', default: false },
  { name: 'labels', short: 'l', type: 'string', default: '' },
  { name: 'env', type: 'stringArray' },
  { name: 'image-pull-policy', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'stdin', short: 'i', type: 'bool', default: false },
  { name: 'tty', short: 't', type: 'bool', default: false },
  { name: 'rm', type: 'bool', default: false },
  { name: 'field-manager', type: 'string', default: 'kubectl-run' },
  ...writeFlags,
];

export function runRun(ctx: CommandContext): void {
  const { out, flags } = ctx;
  const dryRun = parseDryRun(ctx);
  if (typeof dryRun === 'object') return out.fail(dryRun.error);
  const [name, ...args] = ctx.args;
  if (!str(flags, 'image')) return out.fail('error: required flag(s) "image" not set');
  if (!name) return out.fail(`error: NAME is required for run\nSee 'kubectl run -h' for help and examples`);
  const restart = str(flags, 'restart');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) {
    return out.fail(`error: invalid restart policy: ${restart}\nSee 'kubectl run -h' for help and examples`);
  }
  if (bool(flags, 'stdin') || bool(flags, 'tty') || bool(flags, 'rm')) {
    return out.fail('error: interactive "kubectl run" (-i, -t, --rm) is not supported by this simulator yet');
  }
  const parsedLabels = str(flags, 'labels')
    ? parseLabelPairs(str(flags, 'labels'))
    : { labels: { run: name } };
  if ('error' in parsedLabels) return out.fail(parsedLabels.error);
  const { labels } = parsedLabels;
  const env = list(flags, 'env').map((e) => ({
    name: e.slice(0, e.indexOf('=')),
    value: e.slice(e.indexOf('=') + 1),
  }));
  const pod = podFor(name, {
    image: str(flags, 'image'),
    port: flags.port as number,
    restart,
    command: bool(flags, 'command'),
    args,
    labels,
    env,
    imagePullPolicy: str(flags, 'image-pull-policy'),
  });
  pod.metadata.namespace = ctx.namespace;
  let created: KubeObject = pod;
  if (dryRun !== 'client') {
    const query: Record<string, string> = { fieldManager: str(flags, 'field-manager') };
    if (dryRun === 'server') query.dryRun = 'All';
    const res = ctx.host.client.request({
      method: 'POST',
      path: resourcePath({ group: '', version: 'v1', plural: 'pods', namespaced: true }, ctx.namespace),
      query,
      body: pod,
    });
    if (res.status >= 400) return out.fail(apiErrorMessage(res.body as Status));
    created = res.body as KubeObject;
  } else {
    delete pod.metadata.namespace;
  }
  const output = str(flags, 'output');
  if (output === 'yaml' || output === 'json') out.out(formatObjects([created], output, { single: true }));
  else if (output === 'name') out.out(`pod/${name}\n`);
  else out.out(`pod/${name} created${dryRunSuffix(dryRun)}\n`);
}
