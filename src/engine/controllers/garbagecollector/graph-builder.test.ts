import { describe, expect, it } from 'vitest';
import type { KubeObject, OwnerReference } from '../../api/types.ts';
import { AbsentOwnerCache } from './absent-owner-cache.ts';
import { GraphBuilder, type GraphEvent } from './graph-builder.ts';

function setup() {
  const queued: string[] = [];
  const gb = new GraphBuilder(
    {
      attemptToDelete: (uid) => queued.push(`delete ${uid}`),
      attemptToDeleteRateLimited: (uid) => queued.push(`delete-later ${uid}`),
      attemptToOrphan: (uid) => queued.push(`orphan ${uid}`),
    },
    new AbsentOwnerCache(),
  );
  const send = (type: GraphEvent['type'], object: KubeObject, oldObject?: KubeObject) =>
    gb.process({ type, apiVersion: 'v1', kind: 'ConfigMap', object, ...(oldObject ? { oldObject } : {}) });
  return { gb, queued, send };
}

const ref = (uid: string, blockOwnerDeletion = true): OwnerReference => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  name: uid,
  uid,
  controller: true,
  blockOwnerDeletion,
});

function cm(uid: string, meta: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: uid, namespace: 'ns', uid, ...meta } };
}

describe('GraphBuilder', () => {
  it('links dependents to owners, with a virtual node (to verify) for an owner not seen yet', () => {
    const { gb, queued, send } = setup();
    send('add', cm('child', { ownerReferences: [ref('parent')] }));
    expect(queued).toEqual(['delete parent']);
    expect(gb.graph.get('parent')?.virtual).toBe(true);
    send('add', cm('parent'));
    const parent = gb.graph.get('parent')!;
    expect(parent.virtual).toBe(false);
    expect([...parent.dependents].map((d) => d.uid)).toEqual(['child']);
    expect(queued).toEqual(['delete parent']);
  });

  it('queues the dependents of a deleted owner and remembers the owner as absent', () => {
    const { gb, queued, send } = setup();
    send('add', cm('parent'));
    send('add', cm('a', { ownerReferences: [ref('parent')] }));
    send('add', cm('b', { ownerReferences: [ref('parent')] }));
    send('delete', cm('parent'));
    expect(queued).toEqual(['delete a', 'delete b']);
    expect(gb.graph.get('parent')).toBeUndefined();
  });

  it('queues an owner that starts a foreground deletion, and its dependents', () => {
    const { gb, queued, send } = setup();
    send('add', cm('parent'));
    send('add', cm('a', { ownerReferences: [ref('parent')] }));
    const deleting = cm('parent', {
      deletionTimestamp: '2025-01-01T00:00:00Z',
      finalizers: ['foregroundDeletion'],
    });
    send('update', deleting, cm('parent'));
    expect(queued).toEqual(['delete a', 'delete parent']);
    expect(gb.graph.get('parent')?.deletingDependents).toBe(true);
    // A dependent dropping its blocking reference may unblock the owner.
    send('update', cm('a'), cm('a', { ownerReferences: [ref('parent')] }));
    expect(queued.at(-1)).toBe('delete parent');
    expect(gb.graph.get('parent')?.dependents.size).toBe(0);
  });

  it('queues an owner that starts an orphaning deletion for orphaning', () => {
    const { queued, send } = setup();
    send('add', cm('parent'));
    send(
      'update',
      cm('parent', { deletionTimestamp: '2025-01-01T00:00:00Z', finalizers: ['orphan'] }),
      cm('parent'),
    );
    expect(queued).toEqual(['orphan parent']);
  });

  it('removes a virtual owner on a virtual delete and queues its dependents', () => {
    const { gb, queued, send } = setup();
    send('add', cm('child', { ownerReferences: [ref('ghost')] }));
    gb.virtualDelete(gb.graph.get('ghost')!.identity);
    expect(gb.graph.get('ghost')).toBeUndefined();
    expect(queued).toEqual(['delete ghost', 'delete child']);
  });

  it('suspects a dependent that names a namespaced owner in another namespace', () => {
    const { queued, send } = setup();
    send('add', cm('parent'));
    send('add', cm('stray', { namespace: 'elsewhere', ownerReferences: [ref('parent')] }));
    expect(queued).toEqual(['delete stray']);
  });
});
