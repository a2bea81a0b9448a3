/**
 * `sim why KIND NAME [-n NS]`: why an object is there and in its state, in plain words —
 * who created it and on whose behalf (owner references, then the trace back to the
 * command that started it), where a pod runs and why the scheduler put it there, and
 * what keeps it from being ready. A look from outside: it makes no API request.
 */
import { builtinResources, type ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import type { Cluster } from '../cluster/cluster.ts';
import { FlagError, parseFlags } from '../kubectl/flags.ts';
import type { Output } from '../kubectl/output.ts';
import type { Scheduler } from '../scheduler/scheduler.ts';
import { objectKey } from '../store/keys.ts';
import type { TraceRecord } from '../trace/trace-log.ts';

const USAGE = 'error: usage: sim why KIND NAME [-n NAMESPACE]';
/** Owner chains are short (Pod → ReplicaSet → Deployment); this bounds a broken one. */
const MAX_CHAIN = 8;

interface OwnerRef {
  kind: string;
  name: string;
  apiVersion: string;
  controller?: boolean;
}

function resourceFor(word: string): ResourceInfo | undefined {
  const w = word.toLowerCase();
  return builtinResources.find(
    (r) => r.plural === w || r.singular === w || r.kind.toLowerCase() === w || r.shortNames.includes(w),
  );
}

function seconds(cluster: Cluster, ms: number): string {
  return `${((ms - cluster.startMs) / 1000).toFixed(1)}s`;
}

/** The trace record of the object's creation in etcd, and the request chain above it. */
function creation(cluster: Cluster, info: ResourceInfo, o: KubeObject): TraceRecord[] | undefined {
  const label = [info.plural, info.namespaced ? o.metadata.namespace : undefined, o.metadata.name]
    .filter(Boolean)
    .join('/');
  const records = cluster.trace.tail();
  const write = records.find((r) => r.type === 'storage' && r.verb === 'create' && r.object === label);
  if (!write) return undefined;
  const bySeq = new Map(records.map((r) => [r.seq, r]));
  const chain: TraceRecord[] = [write];
  for (let r = write; r.causeSeq !== undefined && chain.length < 50;) {
    const cause = bySeq.get(r.causeSeq);
    if (!cause) break;
    chain.push(cause);
    r = cause;
  }
  return chain;
}

function createdBy(cluster: Cluster, info: ResourceInfo, o: KubeObject): string {
  const chain = creation(cluster, info, o);
  if (!chain) return 'its creation is older than the trace the simulator keeps';
  const request = chain.find((r) => r.type === 'request' && r.to === 'apiserver');
  const root = chain[chain.length - 1]!;
  const who = request?.from ?? chain[0]!.from;
  const by = who === 'kubectl' ? 'you (kubectl)' : who;
  const rootNote =
    root.from === 'kubectl' && who !== 'kubectl'
      ? `, in the end because of your ${root.summary.split('?')[0]!} at ${seconds(cluster, root.time)}`
      : '';
  return `${by} created it at ${seconds(cluster, chain[0]!.time)}${rootNote}`;
}

function ownerSentence(owner: KubeObject, ownerInfo: ResourceInfo): string {
  const spec = owner.spec as { replicas?: number } | undefined;
  const wanted =
    spec?.replicas !== undefined
      ? `, which wants ${spec.replicas} replica${spec.replicas === 1 ? '' : 's'}`
      : '';
  return `it belongs to ${ownerInfo.kind} ${owner.metadata.name ?? ''}${wanted}`;
}

function podState(cluster: Cluster, pod: KubeObject, lines: string[]): void {
  const ns = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name ?? '';
  const spec = pod.spec as { nodeName?: string } | undefined;
  const decision = cluster.component<Scheduler>('scheduler')?.decision(ns, name);
  if (spec?.nodeName) {
    lines.push(
      decision?.chosen === spec.nodeName
        ? `It runs on ${spec.nodeName}: the scheduler chose it (${decision.why}). "sim explain pod ${name}" shows every plugin's score.`
        : `It runs on ${spec.nodeName}.`,
    );
  } else if (decision?.message) {
    lines.push(`It is not scheduled: ${decision.message}`);
  }
  const status = pod.status as
    | {
        phase?: string;
        conditions?: { type: string; status: string }[];
        containerStatuses?: {
          name: string;
          ready?: boolean;
          restartCount?: number;
          state?: Record<string, { reason?: string; message?: string }>;
        }[];
      }
    | undefined;
  const ready = status?.conditions?.find((c) => c.type === 'Ready')?.status === 'True';
  if (ready) {
    lines.push(`It is Ready: every container is running and passing its readiness checks.`);
    return;
  }
  for (const c of status?.containerStatuses ?? []) {
    const waiting = c.state?.waiting;
    if (waiting?.reason) {
      lines.push(
        `Container ${c.name} is waiting: ${waiting.reason}${waiting.message ? ` (${waiting.message})` : ''}${c.restartCount ? `, after ${c.restartCount} restart${c.restartCount === 1 ? '' : 's'}` : ''}.`,
      );
    } else if (c.state?.running && !c.ready) {
      lines.push(`Container ${c.name} runs but is not ready.`);
    }
  }
  const warnings = cluster.store
    .list(`/registry/events/${ns}/`)
    .items.filter(
      (e) =>
        (e as { type?: string }).type === 'Warning' &&
        (e as { involvedObject?: { uid?: string } }).involvedObject?.uid === pod.metadata.uid,
    );
  const last = warnings.at(-1) as
    { reason?: string; message?: string; count?: number; source?: { component?: string } } | undefined;
  // The scheduler's verdict was already given above in its own words.
  if (last && last.reason !== 'FailedScheduling') {
    const times = (last.count ?? 1) > 1 ? ` (${last.count} times)` : '';
    const from = last.source?.component ? ` from ${last.source.component}` : '';
    lines.push(
      `Last warning event${from}: ${last.reason ?? ''}: ${(last.message ?? '').replace(/\.$/, '')}${times}.`,
    );
  }
}

export function runWhy(cluster: Cluster, words: readonly string[], out: Output): void {
  let parsed;
  try {
    parsed = parseFlags(words, [{ name: 'namespace', short: 'n', type: 'string', default: 'default' }]);
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    return out.fail(`error: ${e.message}`);
  }
  const [kindWord, name, ...extra] = parsed.args;
  const info = kindWord ? resourceFor(kindWord) : undefined;
  if (!kindWord || !name || extra.length) return out.fail(USAGE);
  if (!info) return out.fail(`error: the server doesn't have a resource type "${kindWord}"`);
  const namespace = info.namespaced ? String(parsed.flags.namespace ?? 'default') : undefined;
  const stored = cluster.store.get(objectKey(info.group, info.plural, namespace, name));
  if (!stored) return out.fail(`Error from server (NotFound): ${info.plural} "${name}" not found`);
  const lines: string[] = [];
  let object: KubeObject = stored.object;
  let objectInfo = info;
  for (let depth = 0; depth < MAX_CHAIN; depth++) {
    const title = `${objectInfo.kind} ${object.metadata.namespace ? `${object.metadata.namespace}/` : ''}${object.metadata.name ?? ''}`;
    const owner = (object.metadata.ownerReferences as OwnerRef[] | undefined)?.find((r) => r.controller);
    const ownerInfo =
      owner &&
      builtinResources.find(
        (r) => r.kind === owner.kind && `${r.group ? `${r.group}/` : ''}${r.version}` === owner.apiVersion,
      );
    const ownerStored =
      owner && ownerInfo
        ? cluster.store.get(
            objectKey(
              ownerInfo.group,
              ownerInfo.plural,
              ownerInfo.namespaced ? object.metadata.namespace : undefined,
              owner.name,
            ),
          )
        : undefined;
    const parts = [createdBy(cluster, objectInfo, object)];
    if (ownerStored && ownerInfo) parts.push(ownerSentence(ownerStored.object, ownerInfo));
    else if (owner) parts.push(`its owner ${owner.kind} ${owner.name} is gone`);
    lines.push(`${title} exists because ${parts.join('; ')}.`);
    if (depth === 0 && info.kind === 'Pod') podState(cluster, object, lines);
    if (!ownerStored || !ownerInfo) break;
    object = ownerStored.object;
    objectInfo = ownerInfo;
  }
  out.out(lines.map((l) => `${l}\n`).join(''));
}
