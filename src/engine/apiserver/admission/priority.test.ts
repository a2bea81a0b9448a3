import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import type { AdmissionOperation } from '../pipeline.ts';
import { admit } from './admission-chain.ts';
import { lookupFromObjects } from './object-lookup.ts';
import { priority } from './priority.ts';

const pc = (name: string, value: number, extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  metadata: { name, creationTimestamp: '2025-01-01T00:00:00Z' },
  value,
  preemptionPolicy: 'PreemptLowerPriority',
  ...extra,
});

function run(
  object: KubeObject,
  classes: KubeObject[],
  operation: AdmissionOperation = 'CREATE',
  old?: KubeObject,
) {
  return admit(
    object,
    {
      operation,
      oldObject: old,
      namespace: 'default',
      lookup: lookupFromObjects(classes),
      randomSuffix: () => 'x7k2q',
    },
    [priority],
  );
}

const pod = (spec: Record<string, unknown>): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name: 'web', namespace: 'default' },
  spec,
});

describe('Priority admission', () => {
  it('gives a pod without a class priority 0 and PreemptLowerPriority', () => {
    expect((run(pod({}), []) as KubeObject).spec).toEqual({
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  });

  it('resolves a named class, including its preemption policy', () => {
    const out = run(pod({ priorityClassName: 'batch' }), [pc('batch', 100, { preemptionPolicy: 'Never' })]);
    expect((out as KubeObject).spec).toEqual({
      priorityClassName: 'batch',
      priority: 100,
      preemptionPolicy: 'Never',
    });
  });

  it('uses the global default class (the lowest if several) when none is named', () => {
    const out = run(pod({}), [
      pc('high', 1000, { globalDefault: true }),
      pc('low', 10, { globalDefault: true }),
      pc('other', 5),
    ]);
    expect((out as KubeObject).spec).toEqual({
      priorityClassName: 'low',
      priority: 10,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  });

  it('knows the system classes', () => {
    const out = run(pod({ priorityClassName: 'system-node-critical' }), []);
    expect((out as KubeObject).spec).toMatchObject({ priority: 2000001000 });
  });

  it('rejects an unknown class with the exact Forbidden text', () => {
    expect(run(pod({ priorityClassName: 'high' }), [])).toEqual({
      reason: 'Forbidden',
      code: 403,
      message: 'pods "web" is forbidden: no PriorityClass with name high was found',
      details: { name: 'web', kind: 'pods' },
    });
  });

  it('rejects a priority or preemption policy that contradicts the class', () => {
    expect(run(pod({ priority: 5 }), [])).toMatchObject({
      message:
        'pods "web" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name',
    });
    expect(run(pod({ priority: 0, preemptionPolicy: 'Never' }), [])).toMatchObject({
      message:
        'pods "web" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name',
    });
    expect((run(pod({ priority: 0 }), []) as KubeObject).spec).toMatchObject({ priority: 0 });
  });

  it('keeps the stored priority on update', () => {
    const old = pod({ priority: 100, preemptionPolicy: 'Never', priorityClassName: 'batch' });
    const out = run(pod({ priorityClassName: 'batch' }), [], 'UPDATE', old);
    expect((out as KubeObject).spec).toEqual({
      priorityClassName: 'batch',
      priority: 100,
      preemptionPolicy: 'Never',
    });
  });

  it('allows only one global default PriorityClass', () => {
    const existing = pc('default-pc', 10, { globalDefault: true });
    expect(run(pc('second', 20, { globalDefault: true }), [existing])).toEqual({
      reason: 'Forbidden',
      code: 403,
      message:
        'priorityclasses.scheduling.k8s.io "second" is forbidden: PriorityClass default-pc is already marked as default. Only one default can exist',
      details: { name: 'second', group: 'scheduling.k8s.io', kind: 'priorityclasses' },
    });
    expect(run(pc('default-pc', 15, { globalDefault: true }), [existing], 'UPDATE')).toMatchObject({
      kind: 'PriorityClass',
    });
    expect(run(pc('plain', 20), [existing])).toMatchObject({ kind: 'PriorityClass' });
  });
});
