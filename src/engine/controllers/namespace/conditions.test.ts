import { describe, expect, it } from 'vitest';
import { failureConditions, updateConditions, type NamespaceCondition } from './conditions.ts';

const T1 = '2025-01-01T00:00:05Z';
const T2 = '2025-01-01T00:00:13Z';

const allClear: NamespaceCondition[] = [
  {
    type: 'NamespaceDeletionDiscoveryFailure',
    status: 'False',
    lastTransitionTime: T1,
    reason: 'ResourcesDiscovered',
    message: 'All resources successfully discovered',
  },
  {
    type: 'NamespaceDeletionGroupVersionParsingFailure',
    status: 'False',
    lastTransitionTime: T1,
    reason: 'ParsedGroupVersions',
    message: 'All legacy kube types successfully parsed',
  },
  {
    type: 'NamespaceDeletionContentFailure',
    status: 'False',
    lastTransitionTime: T1,
    reason: 'ContentDeleted',
    message: 'All content successfully deleted, may be waiting on finalization',
  },
  {
    type: 'NamespaceContentRemaining',
    status: 'False',
    lastTransitionTime: T1,
    reason: 'ContentRemoved',
    message: 'All content successfully removed',
  },
  {
    type: 'NamespaceFinalizersRemaining',
    status: 'False',
    lastTransitionTime: T1,
    reason: 'ContentHasNoFinalizers',
    message: 'All content-preserving finalizers finished',
  },
];

describe('namespace deletion conditions', () => {
  it('start with the all-clear variant of each maintained type', () => {
    const none = { contentErrors: [], remaining: new Map(), finalizersRemaining: new Map() };
    expect(failureConditions(none, T1)).toEqual([]);
    expect(updateConditions([], [], T1)).toEqual({ conditions: allClear, changed: true });
    expect(updateConditions(allClear, [], T2)).toEqual({ conditions: allClear, changed: false });
  });

  it('report remaining content and finalizers, sorted, with the real messages', () => {
    const failures = failureConditions(
      {
        contentErrors: ['unexpected items still remain in namespace: team for gvr: /v1, Resource=pods'],
        remaining: new Map([
          ['pods.', 2],
          ['deployments.apps', 1],
          ['secrets.', 0],
        ]),
        finalizersRemaining: new Map([
          ['example.com/hold', 1],
          ['kubernetes.io/pvc-protection', 2],
        ]),
      },
      T2,
    );
    const { conditions, changed } = updateConditions(allClear, failures, T2);
    expect(changed).toBe(true);
    expect(conditions.slice(2)).toEqual([
      {
        type: 'NamespaceDeletionContentFailure',
        status: 'True',
        lastTransitionTime: T2,
        reason: 'ContentDeletionFailed',
        message:
          'Failed to delete all resource types, 1 remaining: unexpected items still remain in namespace: team for gvr: /v1, Resource=pods',
      },
      {
        type: 'NamespaceContentRemaining',
        status: 'True',
        lastTransitionTime: T2,
        reason: 'SomeResourcesRemain',
        message:
          'Some resources are remaining: deployments.apps has 1 resource instances, pods. has 2 resource instances',
      },
      {
        type: 'NamespaceFinalizersRemaining',
        status: 'True',
        lastTransitionTime: T2,
        reason: 'SomeFinalizersRemain',
        message:
          'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances, kubernetes.io/pvc-protection in 2 resource instances',
      },
    ]);
    expect(conditions.slice(0, 2)).toEqual(allClear.slice(0, 2));
  });

  it('keep the transition time when only the message changes, and leave other conditions alone', () => {
    const remaining = (n: number) =>
      failureConditions(
        { contentErrors: [], remaining: new Map([['pods.', n]]), finalizersRemaining: new Map() },
        T1,
      );
    const foreign: NamespaceCondition = { type: 'Other', status: 'True' };
    const first = updateConditions([foreign, ...allClear], remaining(3), T1).conditions;
    const second = updateConditions(first, remaining(1), T2);
    expect(second.changed).toBe(true);
    expect(second.conditions[0]).toEqual(foreign);
    expect(second.conditions.find((c) => c.type === 'NamespaceContentRemaining')).toEqual({
      type: 'NamespaceContentRemaining',
      status: 'True',
      lastTransitionTime: T1,
      reason: 'SomeResourcesRemain',
      message: 'Some resources are remaining: pods. has 1 resource instances',
    });
  });
});
