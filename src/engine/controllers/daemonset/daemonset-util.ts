/**
 * The DaemonSet helpers of `pkg/controller/daemon/util/daemonset_util.go`, pure: the
 * tolerations every daemon pod gets, the node affinity that pins a pod to its node, the
 * template the controller creates pods from, and which pods count as updated.
 */
import type { KubeObject } from '../../api/types.ts';
import { DAEMONSET_TEMPLATE_GENERATION } from '../../apiserver/strategy.ts';
import type { Affinity, NodeSelectorTerm, Toleration } from '../../scheduler/types.ts';
import { scaledValue } from '../deployment/deployment-util.ts';

/** `apps.DefaultDaemonSetUniqueLabelKey`: the ControllerRevision hash on pods and revisions. */
export const REVISION_HASH_LABEL = 'controller-revision-hash';
/** `extensions.DaemonSetTemplateGenerationKey`: kept on pods for backward compatibility. */
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

export interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: PodSpec;
}

export interface PodSpec {
  nodeName?: string;
  hostNetwork?: boolean;
  nodeSelector?: Record<string, string>;
  tolerations?: Toleration[];
  affinity?: Affinity;
  [field: string]: unknown;
}

export interface DaemonSetSpec {
  selector?: unknown;
  template?: PodTemplate;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  updateStrategy?: {
    type?: string;
    rollingUpdate?: { maxUnavailable?: number | string; maxSurge?: number | string };
  };
}

export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  collisionCount?: number;
  conditions?: unknown[];
}

export function dsSpec(ds: KubeObject): DaemonSetSpec {
  return (ds.spec as DaemonSetSpec | undefined) ?? {};
}

export function dsStatus(ds: KubeObject): Partial<DaemonSetStatus> {
  return (ds.status as Partial<DaemonSetStatus> | undefined) ?? {};
}

/** `GetTemplateGeneration`: the generation the API server keeps in the deprecated annotation. */
export function templateGeneration(ds: KubeObject): number | undefined {
  const value = ds.metadata.annotations?.[DAEMONSET_TEMPLATE_GENERATION];
  return value !== undefined && /^-?\d+$/.test(value) ? Number(value) : undefined;
}

/** Tolerations are the same one when key, operator, value and effect agree (`MatchToleration`). */
function sameToleration(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '') &&
    (a.effect ?? '') === (b.effect ?? '')
  );
}

/** `AddOrUpdateTolerationInPodSpec`: replaces a matching toleration in place, else appends. */
function addOrUpdateToleration(list: readonly Toleration[], toleration: Toleration): Toleration[] {
  let replaced = false;
  const out = list.map((t) => {
    if (!sameToleration(t, toleration)) return t;
    replaced = true;
    return toleration;
  });
  if (!replaced) out.push(toleration);
  return out;
}

const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });

/**
 * `AddOrUpdateDaemonPodTolerations`: daemon pods survive node problems (no eviction for
 * not-ready/unreachable) and land on nodes tainted by their conditions or cordoned.
 */
export function withDaemonTolerations(spec: PodSpec): PodSpec {
  const added = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
    ...(spec.hostNetwork ? [exists('node.kubernetes.io/network-unavailable', 'NoSchedule')] : []),
  ];
  let tolerations = spec.tolerations ?? [];
  for (const t of added) tolerations = addOrUpdateToleration(tolerations, t);
  return { ...spec, tolerations };
}

/**
 * `ReplaceDaemonSetPodNodeNameNodeAffinity`: the required node affinity becomes one term
 * selecting the node by `metadata.name`, so the default scheduler binds the pod there.
 * Other affinity (preferred terms, pod affinity) is kept.
 */
export function withNodeNameAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const term: NodeSelectorTerm = {
    matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }],
  };
  const nodeAffinity = affinity?.nodeAffinity ?? {};
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    ...(affinity ?? {}),
    nodeAffinity: {
      ...nodeAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: { ...(required ?? {}), nodeSelectorTerms: [term] },
    },
  };
}

/**
 * `GetTargetNodeName`: the node a daemon pod is bound to, or before binding the node its
 * `metadata.name` affinity names; undefined when neither says.
 */
export function targetNodeName(pod: KubeObject): string | undefined {
  const spec = (pod.spec as PodSpec | undefined) ?? {};
  if (spec.nodeName) return spec.nodeName;
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  for (const term of terms ?? []) {
    for (const r of term.matchFields ?? []) {
      if (r.key !== 'metadata.name' || r.operator !== 'In') continue;
      return r.values?.length === 1 ? r.values[0] : undefined;
    }
  }
  return undefined;
}

/**
 * `CreatePodTemplate`: the DaemonSet's template with the daemon tolerations and the
 * `pod-template-generation` and `controller-revision-hash` labels.
 */
export function createPodTemplate(ds: KubeObject, hash: string): PodTemplate {
  const template = JSON.parse(JSON.stringify(dsSpec(ds).template ?? {})) as PodTemplate;
  const generation = templateGeneration(ds);
  const labels = { ...(template.metadata?.labels ?? {}) };
  if (generation !== undefined) labels[TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[REVISION_HASH_LABEL] = hash;
  return {
    ...template,
    metadata: { ...(template.metadata ?? {}), labels },
    spec: withDaemonTolerations(template.spec ?? {}),
  };
}

/**
 * `IsPodUpdated`: the pod carries the current revision's hash. (Go also compares the
 * template generation label, but formats the pointer rather than its value, so in
 * practice only the hash decides; the same holds here.)
 */
export function isPodUpdated(pod: KubeObject, hash: string): boolean {
  return hash.length > 0 && pod.metadata.labels?.[REVISION_HASH_LABEL] === hash;
}

/** `UnavailableCount`: maxUnavailable scaled against the desired count, rounding up. */
export function unavailableCount(ds: KubeObject, desired: number): number {
  const strategy = dsSpec(ds).updateStrategy;
  if (strategy?.type !== 'RollingUpdate' || !strategy.rollingUpdate) return 0;
  return scaledValue(strategy.rollingUpdate.maxUnavailable, desired, true);
}

/** `SurgeCount`: maxSurge scaled against the desired count, rounding up (DaemonSetUpdateSurge is GA). */
export function surgeCount(ds: KubeObject, desired: number): number {
  const strategy = dsSpec(ds).updateStrategy;
  if (strategy?.type !== 'RollingUpdate' || !strategy.rollingUpdate) return 0;
  return scaledValue(strategy.rollingUpdate.maxSurge, desired, true);
}
