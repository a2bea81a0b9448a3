import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/types.ts';
import { validateCreate, validateUpdate } from './index.ts';
import { deployment, job, messages, podSpec } from './test-fixtures.ts';

function withVersion(obj: KubeObject): KubeObject {
  return { ...obj, metadata: { ...obj.metadata, resourceVersion: '7' } };
}

describe('Deployment validation', () => {
  it('accepts a matching selector', () => {
    expect(messages(validateCreate(deployment({ app: 'web' }, { app: 'web' })))).toEqual([]);
  });

  it('renders mismatched template labels the way v1.34 does (JSON, sorted keys)', () => {
    const d = deployment({ tier: 'front', app: 'other' }, { app: 'web' });
    expect(messages(validateCreate(d))).toEqual([
      'spec.template.metadata.labels: Invalid value: {"app":"other","tier":"front"}: `selector` does not match template `labels`',
    ]);
  });

  it('requires a selector and still checks the labels against it', () => {
    const d = deployment({ app: 'web' }, {});
    delete (d.spec as Record<string, unknown>).selector;
    expect(messages(validateCreate(d))).toEqual([
      'spec.selector: Required value',
      'spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ]);
  });

  it('rejects an empty selector', () => {
    expect(messages(validateCreate(deployment({ app: 'web' }, {})))).toEqual([
      'spec.selector: Invalid value: {}: empty selector is invalid for deployment',
    ]);
  });

  it('rejects negative replicas and a zero rolling update', () => {
    const d = deployment(
      { app: 'web' },
      { app: 'web' },
      {
        replicas: -1,
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: '0%' } },
      },
    );
    expect(messages(validateCreate(d))).toEqual([
      'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
      'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
    ]);
  });

  it('requires restartPolicy Always in the template', () => {
    const d = deployment({ app: 'web' }, { app: 'web' });
    (d.spec as { template: { spec: unknown } }).template.spec = podSpec({ restartPolicy: 'OnFailure' });
    expect(messages(validateCreate(d))).toEqual([
      'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    ]);
  });

  it('prefixes pod errors with spec.template.spec', () => {
    const d = deployment({ app: 'web' }, { app: 'web' });
    (d.spec as { template: { spec: unknown } }).template.spec = podSpec({
      containers: [{ name: 'web', imagePullPolicy: 'Always', terminationMessagePolicy: 'File' }],
    });
    expect(messages(validateCreate(d))).toEqual(['spec.template.spec.containers[0].image: Required value']);
  });

  it('keeps the selector immutable', () => {
    const old = withVersion(deployment({ app: 'web', v: '1' }, { app: 'web' }));
    const next = withVersion(deployment({ app: 'web', v: '1' }, { app: 'web', v: '1' }));
    expect(messages(validateUpdate(next, old))).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"web","v":"1"}}: field is immutable',
    ]);
  });
});

describe('StatefulSet and DaemonSet validation', () => {
  const sts = (): KubeObject => ({
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db', namespace: 'default', resourceVersion: '3' },
    spec: {
      replicas: 1,
      serviceName: 'db',
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      selector: { matchLabels: { app: 'db' } },
      template: { metadata: { labels: { app: 'db' } }, spec: podSpec() },
      volumeClaimTemplates: [],
    },
  });

  it('checks the pod management policy', () => {
    const s = sts();
    (s.spec as Record<string, unknown>).podManagementPolicy = 'Serial';
    expect(messages(validateCreate(s))).toEqual([
      "spec.podManagementPolicy: Invalid value: \"Serial\": must be 'OrderedReady' or 'Parallel'",
    ]);
  });

  it('forbids changing fields other than the mutable ones', () => {
    const next = sts();
    (next.spec as Record<string, unknown>).serviceName = 'other';
    expect(messages(validateUpdate(next, sts()))).toEqual([
      "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'revisionHistoryLimit', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
    ]);
    const scaled = sts();
    (scaled.spec as Record<string, unknown>).replicas = 3;
    expect(messages(validateUpdate(scaled, sts()))).toEqual([]);
  });

  it('requires a DaemonSet rolling update to make progress', () => {
    const ds: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'kube-system' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: podSpec() },
        updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } },
        revisionHistoryLimit: 10,
      },
    };
    expect(messages(validateCreate(ds))).toEqual([
      'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
    ]);
  });
});

describe('Job validation', () => {
  it('accepts a Job prepared by the strategy', () => {
    expect(messages(validateCreate(job()))).toEqual([]);
  });

  it('rejects restartPolicy Always', () => {
    const j = job();
    (j.spec as { template: { spec: unknown } }).template.spec = podSpec({ restartPolicy: 'Always' });
    expect(messages(validateCreate(j))).toEqual([
      'spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    ]);
  });

  it('checks counts and the completion mode', () => {
    const j = job({ completions: -1, completionMode: 'Random' });
    expect(messages(validateCreate(j))).toEqual([
      'spec.completions: Invalid value: -1: must be greater than or equal to 0',
      'spec.completionMode: Unsupported value: "Random": supported values: "NonIndexed", "Indexed"',
    ]);
  });

  it('requires the generated selector labels', () => {
    const j = job();
    delete (j.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata
      .labels['job-name'];
    expect(messages(validateCreate(j))).toEqual([
      "spec.template.metadata.labels[job-name]: Required value: must be 'pi'",
    ]);
  });

  it('validates pod failure policy rules', () => {
    // Defaulting picks podReplacementPolicy Failed when a podFailurePolicy is set.
    const j = job({ podFailurePolicy: { rules: [{ action: 'FailJob' }] }, podReplacementPolicy: 'Failed' });
    expect(messages(validateCreate(j))).toEqual([
      'spec.podFailurePolicy.rules[0]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
    ]);
  });

  it('keeps the template immutable', () => {
    const old = withVersion(job());
    const next = withVersion(job());
    (
      next.spec as { template: { spec: { containers: { image: string }[] } } }
    ).template.spec.containers[0]!.image = 'perl:2';
    const [message] = messages(validateUpdate(next, old));
    expect(message).toMatch(/^spec\.template: Invalid value: \{.*\}: field is immutable$/);
  });
});

describe('CronJob validation', () => {
  const cronJob = (schedule: string, name = 'hello'): KubeObject => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, namespace: 'default' },
    spec: {
      schedule,
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
      jobTemplate: {
        spec: {
          backoffLimit: 6,
          completionMode: 'NonIndexed',
          template: { spec: podSpec({ restartPolicy: 'OnFailure' }) },
        },
      },
    },
  });

  it('accepts a standard schedule', () => {
    expect(messages(validateCreate(cronJob('*/5 * * * *')))).toEqual([]);
    expect(messages(validateCreate(cronJob('@hourly')))).toEqual([]);
  });

  it('reports robfig/cron parse errors', () => {
    expect(messages(validateCreate(cronJob('* * *')))).toEqual([
      'spec.schedule: Invalid value: "* * *": expected exactly 5 fields, found 3: [* * *]',
    ]);
    expect(messages(validateCreate(cronJob('61 * * * *')))).toEqual([
      'spec.schedule: Invalid value: "61 * * * *": end of range (61) above maximum (59): 61',
    ]);
  });

  it('limits names to 52 characters', () => {
    const name = 'a'.repeat(53);
    expect(messages(validateCreate(cronJob('@daily', name)))).toEqual([
      `metadata.name: Invalid value: "${name}": must be no more than 52 characters`,
    ]);
  });

  it('rejects unknown time zones', () => {
    const cj = cronJob('@daily');
    (cj.spec as Record<string, unknown>).timeZone = 'Mars/Olympus';
    expect(messages(validateCreate(cj))).toEqual([
      'spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus',
    ]);
    (cj.spec as Record<string, unknown>).timeZone = 'Europe/Paris';
    expect(messages(validateCreate(cj))).toEqual([]);
  });
});
