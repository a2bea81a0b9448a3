/**
 * One scheduling cycle (`schedule_one.go` schedulePod): filter nodes until enough feasible
 * ones are found, score them, pick the best with a random tie-break. Pure: everything it
 * needs comes in, and it returns the decision with every verdict and score that led to it.
 */
import type { KubeObject } from '../api/types.ts';
import type { Rng } from '../time/rng.ts';
import { fitErrorMessage, NO_NODES_AVAILABLE } from './fit-error.ts';
import type { CycleInput, FilterStatus, LabelMatcher, Plugin, PluginCycle } from './framework.ts';
import type { NodeInfo } from './node-info.ts';
import { preempt, type PreemptionCandidate } from './preemption.ts';

export interface FilterVerdict {
  readonly node: string;
  /** The plugin that rejected the node; undefined when it passed every filter. */
  readonly plugin?: string;
  readonly status?: FilterStatus;
}

export interface ScoreCell {
  readonly plugin: string;
  readonly raw: number;
  readonly normalized: number;
  readonly weight: number;
  readonly weighted: number;
}

export interface NodeScore {
  readonly node: string;
  readonly cells: readonly ScoreCell[];
  readonly total: number;
}

export interface Decision {
  readonly pod: string;
  readonly timeMs: number;
  readonly attempt: number;
  readonly numAllNodes: number;
  readonly numNodesToFind: number;
  readonly filters: readonly FilterVerdict[];
  readonly skippedScorePlugins: readonly string[];
  readonly scores: readonly NodeScore[];
  readonly chosen?: string;
  /** Why the chosen node won, or why none could be chosen. */
  readonly why: string;
  /** The FailedScheduling message when no node fits. */
  readonly message?: string;
  /** Lower-priority pods to evict so that the pod can go to a node next time. */
  readonly preemption?: PreemptionCandidate;
}

export interface ScheduleInput {
  readonly pod: KubeObject;
  readonly nodes: readonly NodeInfo[];
  readonly plugins: readonly Plugin[];
  readonly rng: Rng;
  readonly startIndex: number;
  readonly defaultSpreadSelector?: LabelMatcher | undefined;
  readonly timeMs: number;
  readonly attempt: number;
}

export interface ScheduleOutput {
  readonly decision: Decision;
  readonly nextStartIndex: number;
}

/** `numFeasibleNodesToFind` with the adaptive default `percentageOfNodesToScore`. */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  const minFeasible = 100;
  if (numAllNodes < minFeasible) return numAllNodes;
  const percentage = Math.max(5, 50 - Math.trunc(numAllNodes / 125));
  const n = Math.trunc((numAllNodes * percentage) / 100);
  return Math.max(n, minFeasible);
}

interface Bound {
  readonly plugin: Plugin;
  readonly cycle: PluginCycle;
}

function bind(plugins: readonly Plugin[], input: CycleInput): Bound[] {
  return plugins.map((plugin) => ({ plugin, cycle: plugin.cycle(input) }));
}

function runFilters(bound: readonly Bound[], node: NodeInfo): FilterVerdict {
  for (const { plugin, cycle } of bound) {
    const status = cycle.filter?.(node);
    if (status) return { node: node.name, plugin: plugin.name, status };
  }
  return { node: node.name };
}

export function scheduleOne(input: ScheduleInput): ScheduleOutput {
  const { pod, nodes } = input;
  const base = {
    pod: `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`,
    timeMs: input.timeMs,
    attempt: input.attempt,
    numAllNodes: nodes.length,
  };
  if (nodes.length === 0) {
    const decision: Decision = {
      ...base,
      numNodesToFind: 0,
      filters: [],
      skippedScorePlugins: [],
      scores: [],
      why: NO_NODES_AVAILABLE,
      message: NO_NODES_AVAILABLE,
    };
    return { decision, nextStartIndex: input.startIndex };
  }
  const cycleInput: CycleInput = { pod, nodes, defaultSpreadSelector: input.defaultSpreadSelector };
  const bound = bind(input.plugins, cycleInput);
  // A pod that preempted others first tries the node it was nominated for, alone.
  const nominated = (pod.status as { nominatedNodeName?: string } | undefined)?.nominatedNodeName;
  const nominatedNode = nominated ? nodes.find((n) => n.name === nominated) : undefined;
  if (nominatedNode && !runFilters(bound, nominatedNode).plugin) {
    const decision: Decision = {
      ...base,
      numNodesToFind: 1,
      filters: [{ node: nominatedNode.name }],
      skippedScorePlugins: [],
      scores: [],
      chosen: nominatedNode.name,
      why: 'the node nominated for it by preemption fits (other nodes not evaluated)',
    };
    return { decision, nextStartIndex: input.startIndex };
  }
  const numToFind = numFeasibleNodesToFind(nodes.length);
  const filters: FilterVerdict[] = [];
  const feasible: NodeInfo[] = [];
  let processed = 0;
  for (; processed < nodes.length && feasible.length < numToFind; processed++) {
    const node = nodes[(input.startIndex + processed) % nodes.length]!;
    const verdict = runFilters(bound, node);
    filters.push(verdict);
    if (!verdict.plugin) feasible.push(node);
  }
  const nextStartIndex = (input.startIndex + processed) % nodes.length;
  const common = { ...base, numNodesToFind: numToFind, filters };

  if (feasible.length === 0) {
    const statuses = filters.map((f) => f.status!);
    const postFilter = preempt(
      cycleInput,
      input.plugins,
      filters,
      (plugins, ci, node) => runFilters(bind(plugins, ci), node).status,
    );
    const message = fitErrorMessage(nodes.length, statuses, postFilter.message);
    const victims = postFilter.candidate?.victims.map((v) => v.metadata.name ?? '') ?? [];
    const decision: Decision = {
      ...common,
      skippedScorePlugins: [],
      scores: [],
      why: postFilter.candidate
        ? `no node fits; preempting ${victims.join(', ')} on ${postFilter.candidate.node} makes room`
        : 'no node fits',
      message,
      ...(postFilter.candidate ? { preemption: postFilter.candidate } : {}),
    };
    return { decision, nextStartIndex };
  }
  if (feasible.length === 1) {
    const decision: Decision = {
      ...common,
      skippedScorePlugins: [],
      scores: [],
      chosen: feasible[0]!.name,
      why: 'the only feasible node (scoring skipped)',
    };
    return { decision, nextStartIndex };
  }

  const { scores, skipped } = scoreNodes(bound, feasible);
  const chosen = selectHost(scores, input.rng);
  const decision: Decision = { ...common, skippedScorePlugins: skipped, scores, ...chosen };
  return { decision, nextStartIndex };
}

function scoreNodes(
  bound: readonly Bound[],
  feasible: readonly NodeInfo[],
): { scores: NodeScore[]; skipped: string[] } {
  const skipped: string[] = [];
  const cells: ScoreCell[][] = feasible.map(() => []);
  for (const { plugin, cycle } of bound) {
    if (plugin.weight === 0 || !cycle.score) continue;
    if (cycle.preScore && !cycle.preScore(feasible)) {
      skipped.push(plugin.name);
      continue;
    }
    const raw = feasible.map((n) => cycle.score!(n));
    const normalized = [...raw];
    cycle.normalize?.(normalized, feasible);
    feasible.forEach((_, i) => {
      const n = normalized[i]!;
      cells[i]!.push({
        plugin: plugin.name,
        raw: raw[i]!,
        normalized: n,
        weight: plugin.weight,
        weighted: n * plugin.weight,
      });
    });
  }
  const scores = feasible.map((node, i) => ({
    node: node.name,
    cells: cells[i]!,
    total: cells[i]!.reduce((sum, c) => sum + c.weighted, 0),
  }));
  return { scores, skipped };
}

/** `selectHost`: the highest total; among equal ones each is kept with probability 1/k (reservoir sampling). */
function selectHost(scores: readonly NodeScore[], rng: Rng): { chosen: string; why: string } {
  let best = scores[0]!;
  let ties = 1;
  for (let i = 1; i < scores.length; i++) {
    const s = scores[i]!;
    if (s.total > best.total) {
      best = s;
      ties = 1;
    } else if (s.total === best.total) {
      ties++;
      if (rng.int(ties) === 0) best = s;
    }
  }
  const why =
    ties > 1
      ? `highest total score ${best.total}, tied with ${ties - 1} other node(s): picked at random`
      : `highest total score ${best.total}`;
  return { chosen: best.node, why };
}
