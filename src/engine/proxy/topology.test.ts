import { describe, expect, it } from 'vitest';
import { topologyFilter, topologyModeFromHints } from './topology.ts';

const ep = (name: string, zones: string[], nodes: string[] = []) => ({
  name,
  zoneHints: zones,
  nodeHints: nodes,
});
const names = (list: { name: string }[]) => list.map((e) => e.name);

describe('kube-proxy topology filtering', () => {
  const zoned = [ep('a1', ['a']), ep('a2', ['a']), ep('b1', ['b'])];

  it('keeps the endpoints hinted for the node zone when every endpoint has a zone hint', () => {
    expect(topologyModeFromHints(zoned, 'node-a', 'a')).toBe('PreferSameZone');
    expect(names(topologyFilter(zoned, 'node-a', 'a'))).toEqual(['a1', 'a2']);
    expect(names(topologyFilter(zoned, 'node-b', 'b'))).toEqual(['b1']);
  });

  it('uses every endpoint when the zone has none, the node has no zone, or one endpoint lacks a hint', () => {
    expect(names(topologyFilter(zoned, 'node-c', 'c'))).toEqual(['a1', 'a2', 'b1']);
    expect(names(topologyFilter(zoned, 'node-x', ''))).toEqual(['a1', 'a2', 'b1']);
    const partial = [...zoned, ep('none', [])];
    expect(topologyModeFromHints(partial, 'node-a', 'a')).toBe('');
    expect(names(topologyFilter(partial, 'node-a', 'a'))).toEqual(['a1', 'a2', 'b1', 'none']);
  });

  it('prefers the same node when every endpoint has a node hint, else falls back to zone hints', () => {
    const noded = [ep('a1', ['a'], ['n1']), ep('a2', ['a'], ['n2']), ep('b1', ['b'], ['n3'])];
    expect(names(topologyFilter(noded, 'n2', 'a'))).toEqual(['a2']);
    // No endpoint on this node: the zone hints decide.
    expect(topologyModeFromHints(noded, 'n4', 'b')).toBe('PreferSameZone');
    expect(names(topologyFilter(noded, 'n4', 'b'))).toEqual(['b1']);
    expect(topologyFilter([], 'n1', 'a')).toEqual([]);
  });
});
