/**
 * `kubectl expose (TYPE NAME | TYPE/NAME) --port …`: a Service that selects what a pod,
 * Deployment, ReplicaSet, ReplicationController or Service selects, with its ports taken
 * from the flags or from the containers (kubectl's ServiceGeneratorV2).
 */
import type { KubeObject } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { Status } from '../../apiserver/status.ts';
import { str, type CommandContext } from '../context.ts';
import { apiErrorMessage } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';
import { formatObjects } from '../printing.ts';
import { parseLabelPairs } from '../label-pairs.ts';
import { resolveTargets } from '../targets.ts';
import { dryRunSuffix, parseDryRun, writeFlags } from './write-options.ts';

export const exposeFlags: FlagSpec[] = [
  { name: 'port', type: 'string', default: '' },
  { name: 'target-port', type: 'string', default: '' },
  { name: 'protocol', type: 'string', default: '' },
  { name: 'name', type: 'string', default: '' },
  { name: 'type', type: 'string', default: '' },
  { name: 'selector', type: 'string', default: '' },
  { name: 'labels', short: 'l', type: 'string', default: '' },
  { name: 'external-ip', type: 'string', default: '' },
  { name: 'cluster-ip', type: 'string', default: '' },
  { name: 'session-affinity', type: 'string', default: '' },
  { name: 'output', short: 'o', type: 'string', default: '' },
  { name: 'field-manager', type: 'string', default: 'kubectl-expose' },
  ...writeFlags,
];

const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

interface ContainerPort {
  containerPort: number;
  protocol?: string;
}

/** What the object selects, as `key=value` labels, or kubectl's complaint. */
function selectorOf(object: KubeObject): Record<string, string> | string {
  const spec = (object.spec ?? {}) as {
    selector?:
      { matchLabels?: Record<string, string>; matchExpressions?: unknown[] } | Record<string, string>;
  };
  switch (object.kind) {
    case 'Pod': {
      const labels = object.metadata.labels ?? {};
      if (Object.keys(labels).length === 0) {
        return `couldn't retrieve selectors via --selector flag or introspection: the pod has no labels and cannot be exposed`;
      }
      return labels;
    }
    case 'Service':
    case 'ReplicationController':
      return (spec.selector ?? {}) as Record<string, string>;
    default: {
      const selector = (spec.selector ?? {}) as {
        matchLabels?: Record<string, string>;
        matchExpressions?: unknown[];
      };
      if (selector.matchExpressions?.length) {
        return `couldn't convert expressions - "${JSON.stringify(selector.matchExpressions)}", to map: operator "In" without a single value cannot be converted into the old label selector format`;
      }
      return selector.matchLabels ?? {};
    }
  }
}

/** The ports the object serves: a Service's, or its containers' (the pod template's). */
function portsOf(object: KubeObject): { port: number; protocol: string }[] {
  if (object.kind === 'Service') {
    const ports = (object.spec as { ports?: { port: number; protocol?: string }[] }).ports ?? [];
    return ports.map((p) => ({ port: p.port, protocol: p.protocol ?? 'TCP' }));
  }
  const podSpec =
    object.kind === 'Pod'
      ? (object.spec as { containers?: { ports?: ContainerPort[] }[] })
      : ((object.spec as { template?: { spec?: { containers?: { ports?: ContainerPort[] }[] } } }).template
          ?.spec ?? {});
  return (podSpec.containers ?? []).flatMap((c) =>
    (c.ports ?? []).map((p) => ({ port: p.containerPort, protocol: p.protocol ?? 'TCP' })),
  );
}

export function runExpose(ctx: CommandContext): void {
  const { out } = ctx;
  const dryRun = parseDryRun(ctx);
  if (typeof dryRun === 'object') return out.fail(dryRun.error);
  if (ctx.args.length === 0) {
    return out.fail(
      `error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'`,
    );
  }
  const targets = resolveTargets(ctx, ctx.args);
  if (typeof targets === 'string') return out.fail(targets);
  for (const target of targets) {
    for (const name of target.names) {
      const res = ctx.host.client.request({
        method: 'GET',
        path: resourcePath(target.resource, target.resource.namespaced ? ctx.namespace : undefined, name),
      });
      if (res.status >= 400) return out.fail(apiErrorMessage(res.body as Status));
      const object = res.body as KubeObject;
      if (!EXPOSABLE.has(object.kind)) return out.fail(`error: cannot expose a ${object.kind}`);
      exposeOne(ctx, object, dryRun);
    }
  }
}

function exposeOne(ctx: CommandContext, object: KubeObject, dryRun: 'none' | 'client' | 'server'): void {
  const { out, flags } = ctx;
  const fromFlag = str(flags, 'selector') ? parseLabelPairs(str(flags, 'selector')) : undefined;
  if (fromFlag && 'error' in fromFlag) return out.fail(fromFlag.error);
  const selector = fromFlag ? fromFlag.labels : selectorOf(object);
  if (typeof selector === 'string') return out.fail(`error: ${selector}`);
  const introspected = portsOf(object);
  const ports = str(flags, 'port')
    ? str(flags, 'port')
        .split(',')
        .map((p) => ({
          port: Number(p),
          protocol: introspected.find((i) => i.port === Number(p))?.protocol ?? 'TCP',
        }))
    : introspected;
  if (ports.length === 0) return out.fail("error: couldn't find port via --port flag or introspection");
  const targetPortText = str(flags, 'target-port');
  const targetPort =
    targetPortText === ''
      ? undefined
      : /^\d+$/.test(targetPortText)
        ? Number(targetPortText)
        : targetPortText;
  const protocol = str(flags, 'protocol');
  const name = str(flags, 'name') || (object.metadata.name ?? '');
  const labelFlag = str(flags, 'labels') ? parseLabelPairs(str(flags, 'labels')) : undefined;
  if (labelFlag && 'error' in labelFlag) return out.fail(labelFlag.error);
  const labels = labelFlag ? labelFlag.labels : (object.metadata.labels ?? {});
  const type = str(flags, 'type');
  const service = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...(Object.keys(labels).length ? { labels } : {}) },
    spec: {
      ports: ports.map((p, i) => ({
        ...(ports.length > 1 ? { name: `port-${i + 1}` } : {}),
        port: p.port,
        protocol: protocol || p.protocol,
        targetPort: targetPort ?? p.port,
      })),
      selector,
      ...(str(flags, 'cluster-ip') ? { clusterIP: str(flags, 'cluster-ip') } : {}),
      ...(str(flags, 'external-ip') ? { externalIPs: [str(flags, 'external-ip')] } : {}),
      ...(type ? { type } : {}),
      ...(str(flags, 'session-affinity') ? { sessionAffinity: str(flags, 'session-affinity') } : {}),
    },
    status: { loadBalancer: {} },
  } as KubeObject;
  let result = service;
  if (dryRun !== 'client') {
    const query: Record<string, string> = { fieldManager: str(flags, 'field-manager') };
    if (dryRun === 'server') query.dryRun = 'All';
    const namespace = object.metadata.namespace ?? ctx.namespace;
    const res = ctx.host.client.request({
      method: 'POST',
      path: `/api/v1/namespaces/${namespace}/services`,
      query,
      body: { ...service, metadata: { ...service.metadata, namespace } },
    });
    if (res.status >= 400) return out.fail(apiErrorMessage(res.body as Status));
    result = res.body as KubeObject;
  }
  const output = str(flags, 'output');
  if (output === 'yaml' || output === 'json') out.out(formatObjects([result], output, { single: true }));
  else if (output === 'name') out.out(`service/${name}\n`);
  else out.out(`service/${name} exposed${dryRunSuffix(dryRun)}\n`);
}
