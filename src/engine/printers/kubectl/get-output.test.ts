import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { answer } from '../testdata/requests.ts';
import { noResourcesFoundMessage, printGetTables, type GetPrintOptions } from './get-output.ts';

/** Output captured from kubectl v1.34.5 against a server answering with these Tables. */
function golden(name: string): string {
  return readFileSync(new URL(`../testdata/golden/get-${name}.txt`, import.meta.url), 'utf8');
}

const ns = '/api/v1/namespaces/default';
const apps = '/apis/apps/v1/namespaces/default';

function print(requests: string[], options: GetPrintOptions = {}): string {
  return printGetTables(requests.map(answer), options);
}

describe('kubectl get, as kubectl v1.34 prints it', () => {
  it('aligns a pod table: min width 6, three spaces of padding, last column unpadded', () => {
    expect(print([`${ns}/pods`])).toBe(golden('pods'));
  });

  it('shows priority-1 columns only with -o wide', () => {
    const wide = print([`${ns}/pods`], { wide: true });
    expect(wide).toBe(golden('pods-wide'));
    expect(wide.split('\n')[0]).toContain('NOMINATED NODE   READINESS GATES');
    expect(print([`${ns}/pods`]).split('\n')[0]).not.toContain('IP');
  });

  it('puts NAMESPACE first with -A and LABELS last with --show-labels', () => {
    expect(print(['/api/v1/pods'], { allNamespaces: true, showLabels: true })).toBe(
      golden('pods-all-ns-labels'),
    );
  });

  it('adds -L columns (empty when the label is missing) and drops headers with --no-headers', () => {
    const out = print([`${ns}/pods`], { columnLabels: ['app', 'pod-template-hash'], noHeaders: true });
    expect(out).toBe(golden('pods-label-columns'));
    // The empty trailing label cell leaves the padding of the previous cells in place.
    expect(out.split('\n')[0]!.endsWith(' ')).toBe(true);
  });

  it('prints one header for several objects of one type', () => {
    expect(print([`${ns}/pods/crasher`, `${ns}/pods/pending`])).toBe(golden('two-pods'));
  });

  it('prefixes kind/name and separates resource types with a blank line (get all)', () => {
    const requests = [
      `${ns}/pods`,
      `${ns}/replicationcontrollers`,
      `${ns}/services`,
      `${apps}/daemonsets`,
      `${apps}/deployments`,
      `${apps}/replicasets`,
      `${apps}/statefulsets`,
      '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers',
      '/apis/batch/v1/namespaces/default/cronjobs',
      '/apis/batch/v1/namespaces/default/jobs',
    ];
    const out = print(requests);
    expect(out).toBe(golden('all'));
    // Empty tables (replication controllers, daemon sets) print nothing, not even a blank line.
    expect(out).not.toContain('\n\n\n');
    expect(out).toContain('\n\nNAME                 TYPE');
  });

  it('runs groups together without blank lines under --no-headers', () => {
    expect(print([`${apps}/deployments`, `${ns}/services`], { noHeaders: true })).toBe(
      golden('deploy-svc-no-headers'),
    );
  });

  it('repeats headers when a resource type comes back after another', () => {
    const out = print([
      `${ns}/pods/crasher`,
      `${ns}/services/web`,
      `${apps}/deployments/web`,
      `${ns}/services/db`,
    ]);
    expect(out).toBe(golden('mixed-names'));
    expect(out.match(/^NAME /gm)).toHaveLength(4);
  });

  it('prints cluster-scoped resources without NAMESPACE even with -A', () => {
    expect(print(['/api/v1/nodes'], { wide: true })).toBe(golden('nodes-wide'));
    expect(print(['/api/v1/nodes'], { allNamespaces: true })).toBe(golden('nodes-all-ns'));
  });

  it('prints nothing for an empty list, and no separator before the next group', () => {
    expect(print(['/apis/networking.k8s.io/v1/ingressclasses'])).toBe('');
    expect(golden('empty')).toBe('');
    const out = print([
      '/apis/networking.k8s.io/v1/ingressclasses',
      '/apis/networking.k8s.io/v1/namespaces/default/ingresses',
    ]);
    expect(out).toBe(golden('empty-then-rows'));
    expect(out.startsWith('NAME')).toBe(true);
  });

  it('prints the events table with its wide columns in the middle', () => {
    expect(print([`${ns}/events`], { wide: true })).toBe(golden('events-wide'));
  });

  it('has the no-resources messages kubectl writes to stderr', () => {
    expect(noResourcesFoundMessage('default', true)).toBe('No resources found in default namespace.\n');
    expect(noResourcesFoundMessage('default', false)).toBe('No resources found\n');
  });
});
