/**
 * `POST pods/{name}/eviction`: a pod deletion that respects PodDisruptionBudgets, as
 * `kubectl drain` and autoscalers use it. Pods that are not running (or already going) are
 * deleted at once; a running pod covered by one budget is deleted only if the budget
 * allows a disruption, which the eviction spends by recording the pod in `disruptedPods`.
 */
import { findKind, type ResourceInfo } from '../api/resources.ts';
import type { KubeObject } from '../api/types.ts';
import { labelSelectorAsSelector } from '../labels/metav1.ts';
import { formatTimestamp } from '../time/clock.ts';
import { isFailure, type DeleteOptions, type Outcome, type Registry, type WriteResult } from './registry.ts';
import { statusErrors, type Status } from './status.ts';

const PDBS = findKind('policy', 'v1', 'PodDisruptionBudget')!;
const DISRUPTION_BUDGET_CAUSE = 'DisruptionBudget';
const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

interface PodShape extends KubeObject {
  status?: { phase?: string; conditions?: { type: string; status: string }[] };
}

interface PdbShape extends KubeObject {
  spec?: { selector?: { matchLabels?: Record<string, string>; matchExpressions?: never[] } };
  status?: {
    observedGeneration?: number;
    disruptionsAllowed?: number;
    currentHealthy?: number;
    desiredHealthy?: number;
    disruptedPods?: Record<string, string>;
    conditions?: Record<string, unknown>[];
  };
}

export interface EvictionDeps {
  readonly registry: Registry;
  readonly now: () => number;
  /** Traces a storage write the eviction made. */
  readonly written: (verb: 'update' | 'delete', info: ResourceInfo, result: WriteResult) => void;
}

export interface EvictionRequest {
  readonly pods: ResourceInfo;
  readonly namespace: string;
  readonly name: string;
  readonly body: unknown;
  readonly dryRun: boolean;
}

const SUCCESS: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 };

function isReady(pod: PodShape): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** Terminal, pending or already deleting pods have caused (or cause) no disruption a budget guards. */
function canIgnoreBudgets(pod: PodShape): boolean {
  const phase = pod.status?.phase;
  return (
    phase === 'Succeeded' ||
    phase === 'Failed' ||
    phase === 'Pending' ||
    pod.metadata.deletionTimestamp !== undefined
  );
}

function budgetsFor(registry: Registry, pod: PodShape): PdbShape[] {
  return (registry.list(PDBS, pod.metadata.namespace).items as PdbShape[]).filter((pdb) => {
    const selector = labelSelectorAsSelector(pdb.spec?.selector);
    // A budget with an empty or invalid selector matches nothing.
    if (!selector.ok || selector.value.isEmpty()) return false;
    return selector.value.matches(pod.metadata.labels ?? {});
  });
}

function deleteOptionsOf(body: unknown, dryRun: boolean): DeleteOptions {
  const options = ((body as { deleteOptions?: Record<string, unknown> } | undefined)?.deleteOptions ??
    {}) as {
    gracePeriodSeconds?: number;
    preconditions?: DeleteOptions['preconditions'];
    propagationPolicy?: DeleteOptions['propagationPolicy'];
    dryRun?: string[];
  };
  return {
    ...(options.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: options.gracePeriodSeconds } : {}),
    ...(options.preconditions ? { preconditions: options.preconditions } : {}),
    ...(options.propagationPolicy ? { propagationPolicy: options.propagationPolicy } : {}),
    dryRun: dryRun || (options.dryRun ?? []).includes('All'),
  };
}

/** Spends one disruption of the budget for the pod, or says why it cannot. */
function checkAndDecrement(
  deps: EvictionDeps,
  pdb: PdbShape,
  podName: string,
  dryRun: boolean,
): Status | undefined {
  const status = pdb.status ?? {};
  const name = pdb.metadata.name ?? '';
  if ((status.observedGeneration ?? 0) < (pdb.metadata.generation ?? 0)) {
    return statusErrors.tooManyRequests(VIOLATION, 10, [
      {
        reason: DISRUPTION_BUDGET_CAUSE,
        message: `The disruption budget ${name} is still being processed by the server.`,
      },
    ]);
  }
  const allowed = status.disruptionsAllowed ?? 0;
  if (allowed < 0) {
    return statusErrors.forbidden(
      { group: 'policy', resource: 'poddisruptionbudget' },
      name,
      'pdb disruptions allowed is negative',
    );
  }
  if (allowed === 0) {
    return statusErrors.tooManyRequests(VIOLATION, 0, [
      {
        reason: DISRUPTION_BUDGET_CAUSE,
        message: `The disruption budget ${name} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`,
      },
    ]);
  }
  if (dryRun) return undefined;
  const now = formatTimestamp(deps.now());
  const conditions =
    allowed - 1 === 0
      ? [
          ...(status.conditions ?? []).filter((c) => c.type !== 'DisruptionAllowed'),
          {
            type: 'DisruptionAllowed',
            status: 'False',
            reason: 'InsufficientPods',
            message: '',
            observedGeneration: pdb.metadata.generation ?? 0,
            lastTransitionTime: now,
          },
        ]
      : status.conditions;
  const next = {
    ...pdb,
    status: {
      ...status,
      disruptionsAllowed: allowed - 1,
      // The disruption controller stops counting the pod as healthy until it is gone.
      disruptedPods: { ...(status.disruptedPods ?? {}), [podName]: now },
      ...(conditions ? { conditions } : {}),
    },
  };
  const result = deps.registry.update(PDBS, pdb.metadata.namespace, name, next, writeOptions, 'status');
  if (isFailure(result)) return result;
  deps.written('update', PDBS, result);
  return undefined;
}

const writeOptions = { dryRun: false, fieldValidation: 'Ignore', fieldManager: undefined } as const;

export function evictPod(deps: EvictionDeps, request: EvictionRequest): Outcome<Status> {
  const { registry } = deps;
  const bodyName = (request.body as { metadata?: { name?: string } } | undefined)?.metadata?.name;
  if (bodyName !== request.name)
    return statusErrors.badRequest('name in URL does not match name in Eviction object');
  const found = registry.get(request.pods, request.namespace, request.name);
  if (isFailure(found)) return found;
  const pod = found as PodShape;
  let options = deleteOptionsOf(request.body, request.dryRun);
  if (!canIgnoreBudgets(pod)) {
    const budgets = budgetsFor(registry, pod);
    if (budgets.length > 1) {
      return {
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message:
          'This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.',
        code: 500,
      };
    }
    const pdb = budgets[0];
    if (pdb) {
      const { currentHealthy = 0, desiredHealthy = 0 } = pdb.status ?? {};
      if (!isReady(pod) && currentHealthy >= desiredHealthy && desiredHealthy > 0) {
        // An unready pod does not count as healthy: evicting it spends nothing, as long as it stays unready.
        options = {
          ...options,
          preconditions: { ...options.preconditions, resourceVersion: pod.metadata.resourceVersion },
        };
      } else {
        const refused = checkAndDecrement(deps, pdb, request.name, options.dryRun);
        if (refused) return refused;
      }
    }
  }
  const deleted = registry.delete(request.pods, request.namespace, request.name, options);
  if (isFailure(deleted)) return deleted;
  deps.written('delete', request.pods, deleted);
  return SUCCESS;
}
