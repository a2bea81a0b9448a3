/**
 * DefaultPreemption's dry run (`framework/preemption`, `defaultpreemption`): on each node
 * where preemption might help, remove every lower-priority pod, check the pod fits, then
 * reprieve victims from the most important down while it still fits; among the nodes that
 * work, pick one by kube-scheduler's criteria. PodDisruptionBudgets are not considered.
 */
import type { KubeObject } from '../api/types.ts';
import { fitErrorMessage, NO_VICTIMS, PREEMPTION_NOT_HELPFUL } from './fit-error.ts';
import type { CycleInput, FilterStatus, Plugin } from './framework.ts';
import { NodeInfo, type PodEntry } from './node-info.ts';
import { podSpec } from './types.ts';

export interface PreemptionCandidate {
  readonly node: string;
  /** Most important first. */
  readonly victims: readonly KubeObject[];
}

export interface PreemptionOutcome {
  /** The PostFilter message (`preemption: …`), empty when a candidate was found. */
  readonly message: string;
  readonly candidate?: PreemptionCandidate;
}

export interface FilterRun {
  (plugins: readonly Plugin[], input: CycleInput, node: NodeInfo): FilterStatus | undefined;
}

const priorityOf = (p: KubeObject): number => podSpec(p).priority ?? 0;

function startTime(p: KubeObject): string {
  return (p.status as { startTime?: string } | undefined)?.startTime ?? p.metadata.creationTimestamp ?? '';
}

/** `MoreImportantPod`: higher priority, then the one that started first. */
function moreImportant(a: KubeObject, b: KubeObject): number {
  const d = priorityOf(b) - priorityOf(a);
  if (d !== 0) return d;
  const sa = startTime(a);
  const sb = startTime(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

function withPods(node: NodeInfo, entries: Iterable<PodEntry>): NodeInfo {
  const copy = new NodeInfo(node.node);
  for (const e of entries) copy.addPod(e);
  return copy;
}

/** `SelectVictimsOnNode`: the victims, or why preemption cannot help on this node. */
function selectVictims(
  pod: KubeObject,
  node: NodeInfo,
  nodes: readonly NodeInfo[],
  plugins: readonly Plugin[],
  run: FilterRun,
  input: Omit<CycleInput, 'nodes'>,
): { victims: KubeObject[] } | { status: FilterStatus } {
  const priority = priorityOf(pod);
  const all = [...node.pods.values()];
  const potential = all.filter((e) => priorityOf(e.pod) < priority);
  if (potential.length === 0)
    return { status: { code: 'UnschedulableAndUnresolvable', reasons: [NO_VICTIMS] } };
  const kept = all.filter((e) => !potential.includes(e));
  const check = (entries: readonly PodEntry[]): FilterStatus | undefined => {
    const copy = withPods(node, entries);
    return run(plugins, { ...input, nodes: nodes.map((n) => (n === node ? copy : n)) }, copy);
  };
  const status = check(kept);
  if (status) return { status };
  const victims: KubeObject[] = [];
  for (const e of [...potential].sort((a, b) => moreImportant(a.pod, b.pod))) {
    if (check([...kept, e])) victims.push(e.pod);
    else kept.push(e);
  }
  return { victims };
}

function sumPriorities(victims: readonly KubeObject[]): number {
  // Each victim counts its priority offset by MaxInt32 + 1, so that negative priorities still add up.
  return victims.reduce((sum, v) => sum + priorityOf(v) + 2 ** 31, 0);
}

function earliestStartOfMostImportant(victims: readonly KubeObject[]): string {
  const top = priorityOf(victims[0]!);
  return victims
    .filter((v) => priorityOf(v) === top)
    .map(startTime)
    .reduce((a, b) => (b < a ? b : a));
}

/** `pickOneNodeForPreemption` without PDBs: each criterion narrows the candidates until one is left. */
export function pickCandidate(candidates: readonly PreemptionCandidate[]): PreemptionCandidate | undefined {
  let left = [...candidates];
  const keepMin = (score: (c: PreemptionCandidate) => number): void => {
    const min = Math.min(...left.map(score));
    left = left.filter((c) => score(c) === min);
  };
  keepMin((c) => priorityOf(c.victims[0]!));
  keepMin((c) => sumPriorities(c.victims));
  keepMin((c) => c.victims.length);
  if (left.length > 1) {
    const latest = left.map((c) => earliestStartOfMostImportant(c.victims)).reduce((a, b) => (b > a ? b : a));
    left = left.filter((c) => earliestStartOfMostImportant(c.victims) === latest);
  }
  return left[0];
}

export function preempt(
  input: CycleInput,
  plugins: readonly Plugin[],
  verdicts: readonly { readonly node: string; readonly status?: FilterStatus }[],
  run: FilterRun,
): PreemptionOutcome {
  const { pod, nodes } = input;
  if (podSpec(pod).preemptionPolicy === 'Never') {
    return { message: 'preemption: not eligible due to preemptionPolicy=Never.' };
  }
  const byName = new Map(nodes.map((n) => [n.name, n]));
  // Victims already on their way out make room soon: no second round of preemption.
  const nominated = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  const nominatedNode = nominated ? byName.get(nominated) : undefined;
  if (
    nominatedNode &&
    [...nominatedNode.pods.values()].some(
      (e) => e.pod.metadata.deletionTimestamp && priorityOf(e.pod) < priorityOf(pod),
    )
  ) {
    return { message: 'preemption: not eligible due to a terminating pod on the nominated node.' };
  }
  const statuses: FilterStatus[] = [];
  const candidates: PreemptionCandidate[] = [];
  for (const verdict of verdicts) {
    const node = byName.get(verdict.node);
    if (!node || verdict.status?.code !== 'Unschedulable') {
      statuses.push({ code: 'UnschedulableAndUnresolvable', reasons: [PREEMPTION_NOT_HELPFUL] });
      continue;
    }
    const result = selectVictims(pod, node, nodes, plugins, run, input);
    if ('status' in result) statuses.push(result.status);
    else candidates.push({ node: node.name, victims: result.victims });
  }
  const candidate = pickCandidate(candidates);
  if (candidate) return { message: '', candidate };
  return { message: `preemption: ${fitErrorMessage(nodes.length, statuses)}` };
}
