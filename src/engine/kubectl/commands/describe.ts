/**
 * `kubectl describe TYPE [NAME_PREFIX]` / `TYPE/NAME`: fetches the objects and the
 * related objects each describer needs (events, pods, ReplicaSets, the node Lease) with
 * the same REST calls kubectl makes.
 */
import type { KubeObject } from '../../api/types.ts';
import { resourcePath } from '../../client/api-client.ts';
import type { Status } from '../../apiserver/status.ts';
import { bool, str, type CommandContext } from '../context.ts';
import {
  describeConfigMap,
  describeLimitRange,
  describeNamespace,
  describePriorityClass,
  describeResourceQuota,
  describeSecret,
  describeServiceAccount,
} from '../describe/config.ts';
import { describeGeneric } from '../describe/generic.ts';
import { searchEvents } from '../describe/events.ts';
import { arr, formatLabels, obj, s, type Obj } from '../describe/format.ts';
import { describeEndpoints, describeEndpointSlice } from '../describe/endpoints.ts';
import { describeCronJob, describeJob } from '../describe/jobs.ts';
import { describeDaemonSet, describeReplicationController, describeStatefulSet } from '../describe/sets.ts';
import {
  describeIngress,
  describeIngressClass,
  describeNetworkPolicy,
  describeService,
} from '../describe/network.ts';
import { describeHorizontalPodAutoscaler, describePodDisruptionBudget } from '../describe/policy.ts';
import {
  describePersistentVolume,
  describePersistentVolumeClaim,
  describeStorageClass,
} from '../describe/storage.ts';
import { describeNode } from '../describe/node.ts';
import { describeRole, describeRoleBinding } from '../describe/rbac.ts';
import { describePod } from '../describe/pod.ts';
import { describeDeployment, describeReplicaSet, formatSelector } from '../describe/workloads.ts';
import { apiErrorMessage } from '../errors.ts';
import type { FlagSpec } from '../flags.ts';
import type { ApiResource } from '../rest-mapper.ts';
import { resolveTargets } from '../targets.ts';

export const describeFlags: FlagSpec[] = [
  { name: 'selector', short: 'l', type: 'string', default: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', default: false },
  { name: 'show-events', type: 'bool', default: true },
  { name: 'chunk-size', type: 'int', default: 500 },
];

function listItems(ctx: CommandContext, path: string, query: Record<string, string>): Obj[] | undefined {
  const res = ctx.host.client.request({ method: 'GET', path, query: { ...query, limit: '500' } });
  return res.status === 200 ? arr(obj(res.body as never).items).map(obj) : undefined;
}

function describeOne(ctx: CommandContext, resource: ApiResource, object: KubeObject): string {
  const now = ctx.host.now();
  const withEvents = bool(ctx.flags, 'show-events');
  const meta = object.metadata;
  const ns = meta.namespace ?? '';
  const key = `${resource.group}/${resource.plural}`;
  if (key === '/pods') {
    return describePod(object, withEvents ? searchEvents(ctx, object, false) : undefined, now);
  }
  if (key === '/nodes') {
    const name = meta.name ?? '';
    const pods = listItems(ctx, '/api/v1/pods', {
      fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed`,
    });
    let events: Obj[] | undefined;
    if (withEvents) {
      events = searchEvents(ctx, object, true);
      const byName = searchEvents(ctx, { ...object, metadata: { ...meta, uid: name } }, true);
      for (const e of byName)
        if (!events.some((x) => obj(x.metadata).uid === obj(e.metadata).uid)) events.push(e);
    }
    const leaseRes = ctx.host.client.request({
      method: 'GET',
      path: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${name}`,
    });
    const lease = leaseRes.status === 200 ? obj(leaseRes.body as never) : undefined;
    return describeNode(object, { pods, lease, events }, now);
  }
  if (key === '/configmaps') {
    return describeConfigMap(object, withEvents ? searchEvents(ctx, object, true) : undefined, now);
  }
  if (key === '/secrets') return describeSecret(object);
  const events = withEvents ? searchEvents(ctx, object, true) : undefined;
  const slicesOf = (service: string) =>
    listItems(ctx, `/apis/discovery.k8s.io/v1/namespaces/${ns}/endpointslices`, {
      labelSelector: `kubernetes.io/service-name=${service}`,
    }) ?? [];
  switch (key) {
    case '/services':
      return describeService(object, { slices: slicesOf(meta.name ?? ''), events }, now);
    case 'networking.k8s.io/ingresses':
      return describeIngress(
        object,
        {
          lookup: {
            service: (name) => {
              const res = ctx.host.client.request({
                method: 'GET',
                path: `/api/v1/namespaces/${ns}/services/${name}`,
              });
              if (res.status !== 200) return { error: (res.body as Status).message ?? '' };
              return { slices: slicesOf(name), ports: arr(obj(obj(res.body as never).spec).ports).map(obj) };
            },
          },
          events,
        },
        now,
      );
    case 'networking.k8s.io/ingressclasses':
      return describeIngressClass(object, events, now);
    case 'networking.k8s.io/networkpolicies':
      return describeNetworkPolicy(object);
    case 'policy/poddisruptionbudgets':
      return describePodDisruptionBudget(object, events, now);
    case 'autoscaling/horizontalpodautoscalers':
      return describeHorizontalPodAutoscaler(object, events, now);
    case 'storage.k8s.io/storageclasses':
      return describeStorageClass(object, events, now);
    case '/persistentvolumes':
      return describePersistentVolume(object, events, now);
    case 'batch/jobs':
      return describeJob(object, events, now);
    case 'batch/cronjobs':
      return describeCronJob(object, events, now);
    case '/endpoints':
      return describeEndpoints(object, events, now);
    case 'discovery.k8s.io/endpointslices':
      return describeEndpointSlice(object, events, now);
    case 'apps/daemonsets':
    case 'apps/statefulsets':
    case '/replicationcontrollers': {
      const spec = obj((object as unknown as Obj).spec);
      // A ReplicationController's selector is a plain map.
      const selector =
        key === '/replicationcontrollers' ? formatLabels(spec.selector) : formatSelector(obj(spec.selector));
      const pods =
        listItems(ctx, `/api/v1/namespaces/${ns}/pods`, {
          labelSelector: selector === '<none>' ? '' : selector,
        }) ?? [];
      if (key === 'apps/daemonsets') return describeDaemonSet(object, pods, events, now);
      if (key === 'apps/statefulsets') return describeStatefulSet(object, pods, events, now);
      return describeReplicationController(object, pods, events, now);
    }
    case '/persistentvolumeclaims': {
      const pods = listItems(ctx, `/api/v1/namespaces/${ns}/pods`, {}) ?? [];
      const usedBy = pods
        .filter((p) =>
          arr(obj(p.spec).volumes).some((v) => s(obj(obj(v).persistentVolumeClaim).claimName) === meta.name),
        )
        .map((p) => s(obj(p.metadata).name));
      return describePersistentVolumeClaim(object, { usedBy, events }, now);
    }
  }
  if (key === '/resourcequotas') return describeResourceQuota(object);
  if (key === '/limitranges') return describeLimitRange(object);
  if (key === 'rbac.authorization.k8s.io/roles' || key === 'rbac.authorization.k8s.io/clusterroles') {
    return describeRole(object);
  }
  if (
    key === 'rbac.authorization.k8s.io/rolebindings' ||
    key === 'rbac.authorization.k8s.io/clusterrolebindings'
  ) {
    return describeRoleBinding(object);
  }
  if (key === 'scheduling.k8s.io/priorityclasses') {
    return describePriorityClass(object, withEvents ? searchEvents(ctx, object, true) : undefined, now);
  }
  if (key === '/serviceaccounts') {
    return describeServiceAccount(object, withEvents ? searchEvents(ctx, object, true) : undefined, now);
  }
  if (key === '/namespaces') {
    const name = meta.name ?? '';
    return describeNamespace(object, {
      quotas: listItems(ctx, `/api/v1/namespaces/${name}/resourcequotas`, {}) ?? [],
      limitRanges: listItems(ctx, `/api/v1/namespaces/${name}/limitranges`, {}) ?? [],
    });
  }
  const selector = formatSelector(obj(obj((object as unknown as Obj).spec).selector));
  if (key === 'apps/deployments') {
    const rss = listItems(ctx, `/apis/apps/v1/namespaces/${ns}/replicasets`, { labelSelector: selector });
    return describeDeployment(object, rss, events, now);
  }
  if (key === 'apps/replicasets') {
    const pods = listItems(ctx, `/api/v1/namespaces/${ns}/pods`, { labelSelector: selector });
    return describeReplicaSet(object, pods, events, now);
  }
  return describeGeneric(object, events, now);
}

export function runDescribe(ctx: CommandContext): void {
  const { out, flags } = ctx;
  if (ctx.args.length === 0) {
    return out.fail(
      `You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\nerror: Required resource not specified.\nSee 'kubectl describe -h' for help and examples`,
    );
  }
  const targets = resolveTargets(ctx, ctx.args);
  if (typeof targets === 'string') return out.fail(targets);
  const allNamespaces = bool(flags, 'all-namespaces');
  const texts: string[] = [];
  const errors: string[] = [];
  for (const target of targets) {
    const ns = target.resource.namespaced && !allNamespaces ? ctx.namespace : undefined;
    const objects: KubeObject[] = [];
    if (target.names.length === 0) {
      const query: Record<string, string> = {};
      if (str(flags, 'selector')) query.labelSelector = str(flags, 'selector');
      const items = listItems(ctx, resourcePath(target.resource, ns), query);
      if (items) objects.push(...(items as unknown as KubeObject[]));
      if (objects.length === 0) {
        errors.push(ns ? `No resources found in ${ns} namespace.` : 'No resources found');
      }
    }
    for (const name of target.names) {
      const res = ctx.host.client.request({ method: 'GET', path: resourcePath(target.resource, ns, name) });
      if (res.status === 200) {
        objects.push(res.body as KubeObject);
        continue;
      }
      // kubectl falls back to describing every object whose name starts with the argument.
      const all = listItems(ctx, resourcePath(target.resource, ns), {}) ?? [];
      const matches = all.filter((o) => String(obj(o.metadata).name ?? '').startsWith(name));
      if (matches.length === 0) errors.push(apiErrorMessage(res.body as Status));
      else objects.push(...(matches as unknown as KubeObject[]));
    }
    for (const object of objects) texts.push(describeOne(ctx, target.resource, object));
  }
  if (texts.length > 0) out.out(texts.join('\n\n'));
  for (const e of errors) {
    if (e.startsWith('No resources found')) out.err(`${e}\n`);
    else out.fail(e);
  }
}
