import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { builtinResources } from '../../api/resources.ts';
import type { Table } from '../../api/types.ts';
import { printGetTables } from './get-output.ts';

const configMaps = builtinResources.find((r) => r.plural === 'configmaps')!;

const column = (name: string, type = 'string') => ({ name, type, format: '', description: '', priority: 0 });

/** A table with cells a server could send but printers.go never does. */
const oddTable: Table = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: {},
  columnDefinitions: [
    { ...column('Name'), format: 'name' },
    column('Msg'),
    column('Num', 'number'),
    column('Flag', 'boolean'),
    column('Nil'),
    column('Obj'),
  ],
  rows: [
    {
      cells: ['a', 'line1\nline2', 1.5, true, null, { k: 'v' }],
      object: {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: { name: 'a', namespace: 'ns1', labels: { x: '1' } },
      },
    },
    { cells: ['b', 'esc\x1b[31mred\r', 1234567.5, false, '', [1, 2]] },
    {
      cells: ['c', 'tab\there', 100000000, 0.0001, 'x', 's'],
      object: { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name: 'c' } },
    },
  ],
};

describe('HumanReadablePrinter cells', () => {
  it('cuts cells at a line break, defuses escapes, prints values as Go fmt does, blanks rows without objects', () => {
    // Captured from kubectl v1.34.5 (`get configmaps -A --show-labels` answered with oddTable).
    const expected = readFileSync(new URL('../testdata/golden/get-odd-cells.txt', import.meta.url), 'utf8');
    const out = printGetTables([{ resource: configMaps, table: oddTable }], {
      allNamespaces: true,
      showLabels: true,
    });
    expect(out).toBe(expected);
    expect(out).toContain('line1...');
    expect(out).toContain('esc^[[31mred...');
    expect(out).toContain('map[k:v]');
  });

  it('prefixes only the string column formatted as name', () => {
    const out = printGetTables([{ resource: configMaps, table: oddTable }], {
      withKind: true,
      noHeaders: true,
    });
    expect(out.split('\n')[0]!.startsWith('configmap/a ')).toBe(true);
  });
});
