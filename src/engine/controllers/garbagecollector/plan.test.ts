import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import {
  planAttemptToDelete,
  removeFinalizerPatch,
  removeOwnerReferencesPatch,
  unblockOwnerReferencesPatch,
} from './plan.ts';

const ref = (uid: string, blockOwnerDeletion?: boolean): OwnerReference => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  name: `rs-${uid}`,
  uid,
  ...(blockOwnerDeletion === undefined ? {} : { blockOwnerDeletion }),
});

const object = (finalizers?: string[], owners = [ref('a'), ref('b')]): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name: 'p',
    namespace: 'ns',
    resourceVersion: '42',
    ownerReferences: owners,
    ...(finalizers ? { finalizers } : {}),
  },
});

const noDependents = { hasDependents: false, aDependentIsDeletingDependents: false };
const none: OwnerReference[] = [];

describe('planAttemptToDelete', () => {
  it('keeps an object while one owner exists, dropping references to owners that are gone', () => {
    expect(
      planAttemptToDelete(
        object(),
        { solid: [ref('a')], dangling: none, waitingForDependentsDeletion: none },
        noDependents,
      ),
    ).toEqual({
      action: 'none',
    });
    expect(
      planAttemptToDelete(
        object(),
        { solid: [ref('a')], dangling: [ref('b')], waitingForDependentsDeletion: [ref('c')] },
        noDependents,
      ),
    ).toEqual({ action: 'removeOwnerReferences', ownerUids: ['b', 'c'] });
  });

  it('deletes an object whose owners are all gone in the background, or as it already asked', () => {
    const gone = { solid: none, dangling: [ref('a'), ref('b')], waitingForDependentsDeletion: none };
    expect(planAttemptToDelete(object(), gone, noDependents)).toEqual({
      action: 'delete',
      propagationPolicy: 'Background',
      unblockOwnerReferences: false,
    });
    expect(planAttemptToDelete(object(['orphan']), gone, noDependents)).toMatchObject({
      propagationPolicy: 'Orphan',
    });
    expect(planAttemptToDelete(object(['foregroundDeletion']), gone, noDependents)).toMatchObject({
      propagationPolicy: 'Foreground',
    });
  });

  it('deletes in the foreground below an owner deleting in the foreground, breaking cycles first', () => {
    const waiting = { solid: none, dangling: none, waitingForDependentsDeletion: [ref('a')] };
    expect(planAttemptToDelete(object(), waiting, noDependents)).toMatchObject({
      propagationPolicy: 'Background',
    });
    expect(
      planAttemptToDelete(object(), waiting, { hasDependents: true, aDependentIsDeletingDependents: false }),
    ).toEqual({
      action: 'delete',
      propagationPolicy: 'Foreground',
      unblockOwnerReferences: false,
    });
    expect(
      planAttemptToDelete(object(), waiting, { hasDependents: true, aDependentIsDeletingDependents: true }),
    ).toEqual({
      action: 'delete',
      propagationPolicy: 'Foreground',
      unblockOwnerReferences: true,
    });
  });
});

describe('garbage collector patches', () => {
  it('are JSON merge patches guarded by the resourceVersion', () => {
    expect(removeOwnerReferencesPatch(object(), ['a'])).toEqual({
      metadata: { resourceVersion: '42', ownerReferences: [ref('b')] },
    });
    expect(removeOwnerReferencesPatch(object(), ['a', 'b'])).toEqual({
      metadata: { resourceVersion: '42', ownerReferences: null },
    });
    expect(unblockOwnerReferencesPatch(object(), [ref('a', true)])).toEqual({
      metadata: { resourceVersion: '42', ownerReferences: [ref('a', false)] },
    });
    expect(removeFinalizerPatch(object(['orphan', 'x/y']), 'orphan')).toEqual({
      metadata: { resourceVersion: '42', finalizers: ['x/y'] },
    });
    expect(removeFinalizerPatch(object(['orphan']), 'orphan')).toEqual({
      metadata: { resourceVersion: '42', finalizers: null },
    });
    expect(removeFinalizerPatch(object(['x/y']), 'orphan')).toBeUndefined();
  });
});
