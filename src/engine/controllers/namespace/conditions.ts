/**
 * The status conditions the namespace controller keeps on a terminating namespace
 * (`pkg/controller/namespace/deletion/status_condition_utils.go`): one of each type, "False"
 * with an all-clear reason while things go well, "True" with the problem otherwise.
 */

export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export const NAMESPACE_CONDITION_TYPES = [
  'NamespaceDeletionDiscoveryFailure',
  'NamespaceDeletionGroupVersionParsingFailure',
  'NamespaceDeletionContentFailure',
  'NamespaceContentRemaining',
  'NamespaceFinalizersRemaining',
] as const;

type ConditionType = (typeof NAMESPACE_CONDITION_TYPES)[number];

const OK: Record<ConditionType, { reason: string; message: string }> = {
  NamespaceDeletionDiscoveryFailure: {
    reason: 'ResourcesDiscovered',
    message: 'All resources successfully discovered',
  },
  NamespaceDeletionGroupVersionParsingFailure: {
    reason: 'ParsedGroupVersions',
    message: 'All legacy kube types successfully parsed',
  },
  NamespaceDeletionContentFailure: {
    reason: 'ContentDeleted',
    message: 'All content successfully deleted, may be waiting on finalization',
  },
  NamespaceContentRemaining: { reason: 'ContentRemoved', message: 'All content successfully removed' },
  NamespaceFinalizersRemaining: {
    reason: 'ContentHasNoFinalizers',
    message: 'All content-preserving finalizers finished',
  },
};

/** What one pass over the namespace's content found. */
export interface DeletionObservations {
  /** Error texts of resources whose content could not be deleted. */
  readonly contentErrors: readonly string[];
  /** Instances left per resource, keyed `<resource>.<group>` (`pods.`, `deployments.apps`). */
  readonly remaining: ReadonlyMap<string, number>;
  /** Instances left per finalizer they still carry. */
  readonly finalizersRemaining: ReadonlyMap<string, number>;
}

/** The failing conditions these observations call for (types without a problem are absent). */
export function failureConditions(o: DeletionObservations, now: string): NamespaceCondition[] {
  const out: NamespaceCondition[] = [];
  if (o.contentErrors.length) {
    const messages = [...o.contentErrors].sort();
    out.push(
      failing(
        'NamespaceDeletionContentFailure',
        'ContentDeletionFailed',
        `Failed to delete all resource types, ${messages.length} remaining: ${messages.join(', ')}`,
        now,
      ),
    );
  }
  const resources = counted(o.remaining, (what, n) => `${what} has ${n} resource instances`);
  if (resources.length) {
    out.push(
      failing(
        'NamespaceContentRemaining',
        'SomeResourcesRemain',
        `Some resources are remaining: ${resources.join(', ')}`,
        now,
      ),
    );
  }
  const finalizers = counted(o.finalizersRemaining, (what, n) => `${what} in ${n} resource instances`);
  if (finalizers.length) {
    out.push(
      failing(
        'NamespaceFinalizersRemaining',
        'SomeFinalizersRemain',
        `Some content in the namespace has finalizers remaining: ${finalizers.join(', ')}`,
        now,
      ),
    );
  }
  return out;
}

/**
 * Sets each maintained condition to its failing variant or its all-clear one, keeping the
 * transition time unless the status flips; other conditions are left as they are.
 */
export function updateConditions(
  existing: readonly NamespaceCondition[],
  failures: readonly NamespaceCondition[],
  now: string,
): { conditions: NamespaceCondition[]; changed: boolean } {
  const conditions = existing.map((c) => ({ ...c }));
  let changed = false;
  for (const type of NAMESPACE_CONDITION_TYPES) {
    const wanted = failures.find((c) => c.type === type) ?? {
      type,
      status: 'False' as const,
      lastTransitionTime: now,
      ...OK[type],
    };
    const old = conditions.find((c) => c.type === type);
    if (!old) {
      conditions.push({ ...wanted });
      changed = true;
    } else if (
      old.status !== wanted.status ||
      old.message !== wanted.message ||
      old.reason !== wanted.reason
    ) {
      if (old.status !== wanted.status) old.lastTransitionTime = now;
      old.status = wanted.status;
      if (wanted.reason !== undefined) old.reason = wanted.reason;
      if (wanted.message !== undefined) old.message = wanted.message;
      changed = true;
    }
  }
  return { conditions, changed };
}

function failing(type: ConditionType, reason: string, message: string, now: string): NamespaceCondition {
  return { type, status: 'True', lastTransitionTime: now, reason, message };
}

function counted(counts: ReadonlyMap<string, number>, format: (what: string, n: number) => string): string[] {
  return [...counts]
    .filter(([, n]) => n > 0)
    .map(([what, n]) => format(what, n))
    .sort();
}
