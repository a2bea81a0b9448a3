import { describe, expect, it } from 'vitest';
import { builtinResources, type ResourceInfo } from '../../api/resources.ts';
import * as c from '../testdata/cluster.ts';
import { NOW } from '../testdata/meta.ts';
import * as pods from '../testdata/pods.ts';
import { buildTable } from './build-table.ts';
import { hasPrinter } from './registry.ts';

function resource(plural: string, group = ''): ResourceInfo {
  const found = builtinResources.find((r) => r.plural === plural && r.group === group);
  if (!found) throw new Error(plural);
  return found;
}

describe('buildTable', () => {
  it('returns a meta.k8s.io/v1 Table with all columns and the list metadata', () => {
    const table = buildTable(resource('pods'), [pods.runningPod], NOW, {
      listMeta: { resourceVersion: '42' },
    });
    expect(table.kind).toBe('Table');
    expect(table.apiVersion).toBe('meta.k8s.io/v1');
    expect(table.metadata).toEqual({ resourceVersion: '42' });
    expect(table.columnDefinitions).toHaveLength(9);
    expect(table.rows[0]?.cells).toHaveLength(9);
  });

  it('includes PartialObjectMetadata by default, the object or nothing on request', () => {
    const res = resource('pods');
    const partial = buildTable(res, [pods.runningPod], NOW).rows[0]?.object;
    expect(partial).toEqual({
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: pods.runningPod.metadata,
    });
    expect(buildTable(res, [pods.runningPod], NOW, { includeObject: 'Object' }).rows[0]?.object).toBe(
      pods.runningPod,
    );
    expect(buildTable(res, [pods.runningPod], NOW, { includeObject: 'None' }).rows[0]).not.toHaveProperty(
      'object',
    );
  });

  it('omits column definitions with noHeaders', () => {
    expect(
      buildTable(resource('pods'), [pods.runningPod], NOW, { noHeaders: true }).columnDefinitions,
    ).toEqual([]);
  });

  it('carries row conditions for finished pods only', () => {
    const rows = buildTable(resource('pods'), [pods.completedPod, pods.runningPod], NOW).rows;
    expect(rows[0]?.conditions?.[0]?.type).toBe('Completed');
    expect(rows[1]).not.toHaveProperty('conditions');
  });

  it('uses the default NAME / CREATED AT table for kinds without a printer', () => {
    const table = buildTable(resource('roles', 'rbac.authorization.k8s.io'), [c.role], NOW);
    expect(table.columnDefinitions.map((col) => [col.name, col.type, col.format])).toEqual([
      ['Name', 'string', 'name'],
      ['Created At', 'date', ''],
    ]);
    expect(table.rows[0]?.cells).toEqual(['pod-reader', '2025-01-01T11:55:00Z']);
    expect(hasPrinter('', 'LimitRange')).toBe(false);
    expect(hasPrinter('rbac.authorization.k8s.io', 'ClusterRole')).toBe(false);
  });

  it('has a printer or the default for every served resource, cells matching columns', () => {
    for (const res of builtinResources) {
      const object = {
        apiVersion: res.group ? `${res.group}/${res.version}` : res.version,
        kind: res.kind,
        metadata: { name: 'x' },
      };
      const table = buildTable(res, [object], NOW);
      expect(table.rows[0]?.cells.length, res.plural).toBe(table.columnDefinitions.length);
    }
  });
});
