import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import {
  Indexer,
  keyOf,
  metaNamespaceKey,
  NAMESPACE_INDEX,
  nodeNameIndex,
  ownerUidIndex,
  splitMetaNamespaceKey,
} from './indexer.ts';

function pod(namespace: string, name: string, extra: Partial<KubeObject> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name }, ...extra };
}

describe('keys', () => {
  it('are namespace/name, or the name for cluster-scoped objects', () => {
    expect(metaNamespaceKey(pod('default', 'web'))).toBe('default/web');
    expect(metaNamespaceKey({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } })).toBe('n1');
    expect(keyOf(undefined, 'n1')).toBe('n1');
    expect(splitMetaNamespaceKey('default/web')).toEqual({ namespace: 'default', name: 'web' });
    expect(splitMetaNamespaceKey('n1')).toEqual({ namespace: undefined, name: 'n1' });
  });
});

describe('Indexer', () => {
  it('lists in the order the API server lists (by key)', () => {
    const ix = new Indexer();
    ix.set(pod('b', 'x'));
    ix.set(pod('a-b', 'y'));
    ix.set(pod('a', 'z'));
    expect(ix.listKeys()).toEqual(['a-b/y', 'a/z', 'b/x']);
    ix.delete('a/z');
    expect(ix.list().map(metaNamespaceKey)).toEqual(['a-b/y', 'b/x']);
  });

  it('keeps indexes in step with updates and deletes', () => {
    const ix = new Indexer({ owner: ownerUidIndex, node: nodeNameIndex });
    const owned = (uid: string) => ({ ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'o', uid }] });
    ix.set(
      pod('ns', 'p1', {
        metadata: { namespace: 'ns', name: 'p1', ...owned('u1') },
        spec: { nodeName: 'n1' },
      }),
    );
    ix.set(pod('ns', 'p2', { metadata: { namespace: 'ns', name: 'p2', ...owned('u1') } }));
    expect(ix.indexKeys('owner', 'u1')).toEqual(['ns/p1', 'ns/p2']);
    expect(ix.indexKeys('node', 'n1')).toEqual(['ns/p1']);
    // p1 moves to another owner and is unscheduled
    const previous = ix.set(pod('ns', 'p1', { metadata: { namespace: 'ns', name: 'p1', ...owned('u2') } }));
    expect(previous?.spec).toEqual({ nodeName: 'n1' });
    expect(ix.indexKeys('owner', 'u1')).toEqual(['ns/p2']);
    expect(ix.indexKeys('owner', 'u2')).toEqual(['ns/p1']);
    expect(ix.indexKeys('node', 'n1')).toEqual([]);
    ix.delete('ns/p2');
    expect(ix.byIndex('owner', 'u1')).toEqual([]);
    expect(ix.byIndex(NAMESPACE_INDEX, 'ns').map((o) => o.metadata.name)).toEqual(['p1']);
  });

  it('indexes objects already cached when an index is added later', () => {
    const ix = new Indexer();
    ix.set(pod('ns', 'p', { spec: { nodeName: 'n2' } }));
    ix.addIndexers({ node: nodeNameIndex });
    expect(ix.indexKeys('node', 'n2')).toEqual(['ns/p']);
    expect(() => ix.addIndexers({ node: nodeNameIndex })).toThrow('indexer conflict: node');
    expect(() => ix.byIndex('missing', 'x')).toThrow('index with name missing does not exist');
  });
});
