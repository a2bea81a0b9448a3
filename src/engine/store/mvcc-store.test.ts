import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/types.ts';
import { CompactedError, MvccStore, type StoreEvent } from './mvcc-store.ts';
import { collectionPrefix, objectKey } from './keys.ts';

const pod = (name: string, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: 'default' },
  ...extra,
});

describe('MvccStore', () => {
  it('bumps one global revision per write and stamps resourceVersion', () => {
    const s = new MvccStore({ freeze: true });
    const a = s.create('/registry/pods/default/a', pod('a'));
    const b = s.create('/registry/pods/default/b', pod('b'));
    expect(a.ok && a.object.metadata.resourceVersion).toBe('1');
    expect(b.ok && b.object.metadata.resourceVersion).toBe('2');
    const u = s.update('/registry/pods/default/a', pod('a', { spec: { x: 1 } }));
    expect(u.ok && u.object.metadata.resourceVersion).toBe('3');
    expect(s.get('/registry/pods/default/a')?.createRevision).toBe(1);
    expect(s.get('/registry/pods/default/a')?.modRevision).toBe(3);
    expect(s.revision).toBe(3);
  });

  it('refuses duplicate creates and stale updates', () => {
    const s = new MvccStore();
    s.create('/k/a', pod('a'));
    expect(s.create('/k/a', pod('a'))).toMatchObject({ ok: false, code: 'exists' });
    s.update('/k/a', pod('a'));
    expect(s.update('/k/a', pod('a'), 1)).toMatchObject({ ok: false, code: 'conflict' });
    expect(s.update('/k/a', pod('a'), 2).ok).toBe(true);
    expect(s.delete('/k/missing')).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('lists by prefix in key order', () => {
    const s = new MvccStore();
    s.create(objectKey('', 'pods', 'ns2', 'b'), pod('b'));
    s.create(objectKey('', 'pods', 'ns1', 'z'), pod('z'));
    s.create(objectKey('', 'pods', 'ns1', 'a'), pod('a'));
    s.create(objectKey('', 'nodes', undefined, 'n1'), {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'n1' },
    });
    expect(s.list(collectionPrefix('', 'pods', 'ns1')).items.map((o) => o.metadata.name)).toEqual(['a', 'z']);
    expect(s.list(collectionPrefix('', 'pods', undefined)).items.map((o) => o.metadata.name)).toEqual([
      'a',
      'z',
      'b',
    ]);
    expect(s.list('/registry/minions/').items).toHaveLength(1);
  });

  it('replays history from a revision, then follows live writes in order', () => {
    const s = new MvccStore();
    s.create('/registry/pods/default/a', pod('a'));
    s.create('/registry/pods/default/b', pod('b'));
    const seen: string[] = [];
    const w = s.watch('/registry/pods/', 1, (e: StoreEvent) =>
      seen.push(`${e.type} ${e.object.metadata.name} ${e.revision}`),
    );
    s.update('/registry/pods/default/a', pod('a'));
    s.delete('/registry/pods/default/b');
    w.cancel();
    s.create('/registry/pods/default/c', pod('c'));
    expect(seen).toEqual(['ADDED b 2', 'MODIFIED a 3', 'DELETED b 4']);
  });

  it('stamps a deleted object with the deletion revision', () => {
    const s = new MvccStore();
    s.create('/registry/pods/default/a', pod('a'));
    let deleted: StoreEvent | undefined;
    s.watch('/registry/pods/', 1, (e) => (deleted = e));
    s.delete('/registry/pods/default/a');
    expect(deleted?.object.metadata.resourceVersion).toBe('2');
    expect(deleted?.prevObject?.metadata.resourceVersion).toBe('1');
  });

  it('fails a watch from a compacted revision with "too old resource version"', () => {
    const s = new MvccStore();
    for (const n of ['a', 'b', 'c']) s.create(`/registry/pods/default/${n}`, pod(n));
    s.compact(2);
    expect(() => s.watch('/registry/pods/', 1, () => {})).toThrow(CompactedError);
    expect(() => s.watch('/registry/pods/', 1, () => {})).toThrow('too old resource version: 1 (2)');
    const seen: number[] = [];
    s.watch('/registry/pods/', 2, (e) => seen.push(e.revision));
    expect(seen).toEqual([3]);
  });

  it('freezes stored objects when asked', () => {
    const s = new MvccStore({ freeze: true });
    const r = s.create('/registry/pods/default/a', pod('a', { spec: { containers: [] } }));
    expect(r.ok).toBe(true);
    if (r.ok)
      expect(() => ((r.object.spec as { containers: unknown[] }).containers as unknown[]).push(1)).toThrow();
  });
});
