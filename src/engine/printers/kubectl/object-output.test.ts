import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { keepLastCase, nestedCase, quotingCases } from '../testdata/yaml-cases.ts';
import { formatResourceName, printNames, printObjects, printObjectStream } from './object-output.ts';

function golden(name: string): string {
  return readFileSync(new URL(`../testdata/golden/${name}`, import.meta.url), 'utf8');
}

const deployment: KubeObject = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };

describe('object output', () => {
  it('wraps a listed result in a List, even with one item', () => {
    const cms = printObjects([quotingCases], 'yaml', { singleItemImplied: false });
    expect(cms).toBe(golden('configmaps-list.yaml.txt'));
    expect(cms.endsWith('kind: List\nmetadata:\n  resourceVersion: ""\n')).toBe(true);
  });

  it('hides managedFields unless asked to show them', () => {
    expect(printObjects([nestedCase], 'yaml', { singleItemImplied: true })).not.toContain('managedFields');
    expect(
      printObjects([nestedCase], 'yaml', { singleItemImplied: true, showManagedFields: true }),
    ).toContain('  managedFields:\n  - apiVersion: v1\n    manager: kubectl\n');
  });

  it('separates streamed YAML documents with ---', () => {
    const out = printObjectStream([keepLastCase, deployment], 'yaml');
    expect(out).toBe(
      `${golden('keep-last.yaml.txt')}---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n`,
    );
  });

  it('names objects kind.group/name, core kinds without a group', () => {
    expect(printNames([quotingCases, keepLastCase, nestedCase])).toBe(golden('names.txt'));
    expect(formatResourceName(deployment)).toBe('deployment.apps/web');
    expect(formatResourceName(deployment, 'created')).toBe('deployment.apps/web created');
    expect(
      formatResourceName({
        apiVersion: 'autoscaling/v2',
        kind: 'HorizontalPodAutoscaler',
        metadata: { name: 'h' },
      }),
    ).toBe('horizontalpodautoscaler.autoscaling/h');
  });
});
